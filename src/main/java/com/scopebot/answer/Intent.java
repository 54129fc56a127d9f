package com.scopebot.answer;

/** What kind of answer a question asks for. */
public enum Intent {
  /** "Who provides the public SSL certificates?" */
  WHO,
  /** "Is AD FS in scope for a multi-forest setup?" */
  COVERED,
  /** "The customer says FastTrack promised to set up AD FS": is the claimed work in scope? */
  CLAIM,
  /** "How many pilot users...?", "What are the phases...?", "Is a subscription required?" */
  INFO,
  /** A statement or fragment that asks nothing recognisable: treated as a coverage question. */
  OTHER
}

package com.scopebot.answer;

/** What kind of answer a question asks for. */
public enum Intent {
  /** "Who is responsible for SSL certificates?" */
  WHO,
  /** "Is AD FS covered for multiple forests?" */
  COVERED,
  /** "How many pilot users...?", "What are the phases...?", "Is a subscription required?" */
  INFO,
  /** A statement, e.g. a claim pasted from a dispute: treated as a coverage question. */
  OTHER
}

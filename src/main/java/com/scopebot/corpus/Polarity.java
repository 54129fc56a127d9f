package com.scopebot.corpus;

/** What a sentence says about its subject's place in the benefit. */
public enum Polarity {
  NONE,
  OUT_OF_SCOPE,
  NOT_SUPPORTED,
  NOT_INCLUDED,
  /** "setting up an MDM authority is not required": a relief, not an exclusion. */
  NOT_REQUIRED,
  /** "Team Viewer subscription is required": in scope on a precondition. */
  REQUIRES;

  /** True for the polarities that take something out of the benefit. */
  public boolean excludes() {
    return this == OUT_OF_SCOPE || this == NOT_SUPPORTED || this == NOT_INCLUDED;
  }
}

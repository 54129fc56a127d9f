package com.scopebot.corpus;

/** Who holds a passage, as told by the section it sits in (or, failing that, by the sentence). */
public enum Holder {
  CUSTOMER,
  MICROSOFT,
  /** Descriptive text that names no side, e.g. a phase overview. */
  NONE
}

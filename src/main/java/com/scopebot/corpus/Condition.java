package com.scopebot.corpus;

/** A condition a passage attaches to what it states. */
public enum Condition {
  SINGLE_FOREST("for a single forest"),
  MULTIPLE_FOREST("for multiple forests"),
  IF_REQUIRED("if required"),
  WHEN_APPLICABLE("when applicable"),
  LIMITED("within a stated limit");

  private final String phrase;

  Condition(String phrase) {
    this.phrase = phrase;
  }

  /** How the condition reads in an answer. */
  public String phrase() {
    return phrase;
  }

  /** True for the two forest topologies, which exclude each other. */
  public boolean isForest() {
    return this == SINGLE_FOREST || this == MULTIPLE_FOREST;
  }
}

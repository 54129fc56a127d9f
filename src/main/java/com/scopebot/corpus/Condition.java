package com.scopebot.corpus;

import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

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

  /**
   * An unmodifiable copy in declaration order: answers list a statement's conditions, and the same statement must
   * read the same in every run (an immutable {@code Set.copyOf} iterates in an order that changes from run to run).
   */
  public static Set<Condition> ordered(Collection<Condition> conditions) {
    return conditions.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(conditions));
  }

  /** True for the two forest topologies, which exclude each other. */
  public boolean isForest() {
    return this == SINGLE_FOREST || this == MULTIPLE_FOREST;
  }
}

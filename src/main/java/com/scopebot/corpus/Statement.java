package com.scopebot.corpus;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One statement of a passage: a sentence (or a clause of one that says the opposite of the rest), classified once at
 * ingestion. Answers are decided on statements and cite the passage that holds them.
 *
 * @param text the sentence as written
 * @param leadIn the lead-in and enclosing bullets it needs to be understood; not part of the quote
 * @param holder who holds it: its own subject when it names a side ("IT admins are responsible for ..."), else its
 *     section's or lead-in's
 * @param subjectHolder true when the holder comes from the sentence's own subject rather than its section
 * @param guidance true when it or its lead-in frames the work as guidance
 * @param joint true when it says both sides do the work together ("we jointly verify", "together with you")
 * @param polarity what it says about scope: its own words, else what its heading or list introduction puts on it
 * @param conditions conditions it states or inherits from its lead-in (forest topology, "if required")
 * @param limits limits on what it grants: counts, versions, "one time", "remotely", conditions
 * @param answers the question it answers when it sits under a question heading (a FAQ), else empty; it is searched as
 *     part of the statement's own words
 * @param kind what it does: grant, exclusion, responsibility, requirement (these ground a verdict), description or
 *     navigation; decided from the rest by {@link Classifier#kind}
 */
public record Statement(
    String text,
    String leadIn,
    Holder holder,
    boolean subjectHolder,
    boolean guidance,
    boolean joint,
    Polarity polarity,
    Set<Condition> conditions,
    List<Limit> limits,
    String answers,
    StatementKind kind) {

  /** A statement whose kind follows from its polarity and holder alone (no section names a kind for it). */
  public Statement(String text, String leadIn, Holder holder, boolean subjectHolder, boolean guidance,
      Polarity polarity, Set<Condition> conditions, List<Limit> limits, String answers) {
    this(text, leadIn, holder, subjectHolder, guidance, JointWork.joint(text), polarity, conditions, limits, answers,
        Classifier.kind(text, polarity, holder, leadIn == null ? "" : leadIn, StatementKind.DESCRIPTION,
            !limits.isEmpty()));
  }

  public Statement {
    Objects.requireNonNull(text, "text");
    leadIn = Objects.requireNonNullElse(leadIn, "");
    Objects.requireNonNull(holder, "holder");
    Objects.requireNonNull(polarity, "polarity");
    conditions = Condition.ordered(conditions);
    limits = List.copyOf(limits);
    answers = Objects.requireNonNullElse(answers, "");
    Objects.requireNonNull(kind, "kind");
  }

  /** The same statement with one more limit. */
  public Statement with(Limit limit) {
    List<Limit> more = new java.util.ArrayList<>(limits);
    more.add(limit);
    return new Statement(text, leadIn, holder, subjectHolder, guidance, joint, polarity, conditions, more, answers,
        kind);
  }

  /** The limits of one kind. */
  public List<Limit> limits(Limit.Kind kind) {
    return limits.stream().filter(l -> l.kind() == kind).toList();
  }
}

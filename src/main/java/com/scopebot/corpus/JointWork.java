package com.scopebot.corpus;

import java.util.regex.Pattern;

/**
 * Work both sides do, as a sentence says it: "we'll jointly verify", "together with you", "delivered in conjunction
 * with a qualified implementation partner", a grid's "…: Both", and taking part in the meetings where the work is made
 * ("Participate in the meetings to create the remediation checklist"). Stateless and thread-safe.
 */
public final class JointWork {

  /** The meetings both sides hold, as documents and questions name them. */
  public static final String MEETINGS = "(?:meetings?|sessions?|workshops?|calls?)";

  /**
   * "we'll jointly verify", "together with you", "in conjunction with a qualified implementation partner" (the
   * customer's partner: the customer's side); a grid of sides' cell "…: Both" or "…: 🟣 Shared", a legend's mark before
   * it.
   */
  private static final Pattern JOINT = Regex.compile(
      "\\b(?:jointly|together with (?:you|the customer|customers|your)|in partnership with (?:you|the customer|your)"
          + "|in conjunction with (?:you|the customer|your|an? (?:[a-z]+ ){0,2}partner))\\b|: (?:[^\\w\\s]+ )?(?:both|shared)$");
  /**
   * "Participate in the meetings to create the remediation checklist": what is made in meetings both sides hold is
   * joint work; taking part in them is the participant's.
   */
  private static final Pattern PARTICIPATION = Regex.compile(
      "^participate in (?:the )?" + MEETINGS + " to (?:create|outline|plan|define|develop"
          + "|build|design|draft|agree|decide|review|prepare)\\b");

  private JointWork() {}

  /** True when a text says both sides do the work together: "we jointly verify", "together with you". */
  public static boolean joint(String text) {
    String folded = Classifier.fold(text);
    return JOINT.matcher(folded).find() || PARTICIPATION.matcher(folded).find();
  }

  /** True when a text is a side's taking part in meetings where work is made ({@link #PARTICIPATION}). */
  public static boolean participation(String text) {
    return PARTICIPATION.matcher(Classifier.fold(text)).find();
  }
}

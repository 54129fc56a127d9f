package com.scopebot.answer;

import com.scopebot.corpus.Regex;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * How chat names the two sides as alternatives, asking which of them does the work: "us or FastTrack?", "do we send
 * the invite, or does FastTrack handle it?". English only; no word here names a product or a document's topic.
 */
final class SideWords {

  private SideWords() {}

  /** Two sides offered as alternatives: "us or FastTrack?", "FastTrack's job or ours?", "on FT or on us?". */
  static final Pattern EITHER_SIDE = Regex.compile(
      "\\b(?:(?:us|we|ours|our [\\w-]+(?: team)?|the customer|our side)\\s*,?\\s+or\\s+(?:does |do |will |is )?(?:fasttrack|ft|microsoft|you|the fasttrack)"
          // "their engineers or ours", not "in their business hours or ours": their people, not their things
          + "|(?:fasttrack|ft|microsoft|you|their (?:[\\w-]+ )?(?:engineers?|team|side|people|staff|specialists?|partners?"
          + "|admins?|job|responsibility|part|task|call|problem))(?:'s)?(?: [\\w-]+){0,2}\\s*,?\\s+or\\s+"
          + "(?:is it |do we |does |is )?(?:on )?(?:us|ours|our [\\w-]+(?: team)?|we)\\b"
          // "is that FT, us, or both?"
          + "|(?:fasttrack|ft|microsoft|you|us|we|ours)\\s*,\\s*(?:fasttrack|ft|microsoft|you|us|we|ours)\\s*,?\\s+or\\s+both\\b)");

  /**
   * "Do we send the invite, or does FastTrack handle it?", "is it up to FastTrack to …, or do we …?": one side asked
   * about, then the other.
   */
  static final Pattern SIDE_THEN_SIDE = Regex.compile(
      "^(?:do|does|should|must|will|would|can|shall|are|am|have|is it up to|is it on)\\s+(?:we|i|us|our [\\w-]+|the customer)\\b.*\\bor\\s+"
          + "(?:does|do|will|would|should|is|are|can)\\s+(?:fasttrack|ft|microsoft|you|the fasttrack)\\b"
          + "|^(?:does|do|will|would|should|is|can|is it up to|is it on)\\s+(?:fasttrack|ft|microsoft|you)\\b.*\\bor\\s+"
          + "(?:do|should|must|will|would|are|can|have)\\s+(?:we|i|us)\\b");

  /** One side as chat names it: "us", "FastTrack", "their engineers", "the partner". */
  private static final String SIDE =
      "(?:is it |was it |do we |does |will )?(?:(?:their|your|our|the|fasttrack's|ft's|microsoft's|my)\\s+)?"
          + "(?:[\\w'-]+\\s+){0,2}?"
          + "(?:us|we|ours|fasttrack|ft|microsoft|you|them|they|engineers?|team|side|people|staff|specialists?|partners?)";

  /** One of the two sides by its own name: "us", "FastTrack", "them". */
  private static final String CORE_SIDE = "(?:is it |was it |do we |does |will )?(?:us|we|ours|fasttrack|ft|microsoft|you|them|they)";

  /**
   * A third party, named with an article: "the platform", "a hosting provider", "their vendor's team" (the customer's
   * own people, "our global admin", may be what the question is about).
   */
  private static final String PARTY = "(?:the|their|a|an)\\s+(?:[\\w'-]+\\s+){0,2}[\\w'-]+";

  /**
   * A clause that only names the sides: "us or FastTrack?", "their engineers or our network team?", "us, the partner, or
   * FT?", and one side against any other party named with a determiner: "us or the platform?", "the vendor or us?".
   */
  static final Pattern ONLY_SIDES = Regex.compile(
      "^(?:" + SIDE + "(?:\\s*,\\s*" + SIDE + ")*\\s*,?\\s+or\\s+" + SIDE
          + "|" + CORE_SIDE + "\\s*,?\\s+or\\s+" + PARTY + "|" + PARTY + "\\s*,?\\s+or\\s+" + CORE_SIDE + ")"
          + "\\s*(?:do it|does it|handles? it)?\\s*[?!.]*$");

  /** "…, or do we?", "… or is it on us?": the customer's side offered as the other. */
  private static final Pattern OR_OUR_SIDE = Regex.compile(
      "\\bor\\s+(?:(?:do|should|must|will|would|are|can|have|is it|is that)\\s+)?(?:on\\s+)?"
          + "(?:we|i|us|ours|our\\s+[\\w-]+|the customer)\\b");

  /**
   * A clause asking about the customer's own part: "do we have to name a sponsor?", "should our admins …", "is that on
   * us?", "is it our job …".
   */
  private static final Pattern OUR_PART = Regex.compile(
      "^(?:(?:so|and|but|ok|okay)\\s+)?(?:do|does|did|should|must|shall|are|am|have)\\s+(?:we|i|us|our\\s+[\\w-]+|the customer)\\b"
          + "|\\b(?:on us|on our (?:side|end|plate|team)|ours to|our (?:job|responsibility|problem|call|task))\\b"
          + "|\\b(?:is|it's|that's|are) (?:it |that |this |those )?on (?:us|our(?:\\s+[\\w-]+){1,2})\\b");

  /**
   * True when the question asks about the customer's part: it offers both sides, or names the customer's side as
   * the other ("…, or do we?"), or an asking clause asks what the customer does ({@link #OUR_PART}).
   */
  static boolean asksAboutOurSide(Question q) {
    String question = q.corrected().toLowerCase(Locale.ROOT);
    return offersBothSides(question) || hasOr(question) && OR_OUR_SIDE.matcher(question).find()
        || q.ask().stream().anyMatch(a -> OUR_PART.matcher(a.toLowerCase(Locale.ROOT)).find());
  }

  /** True when the lower-cased text offers the two sides as alternatives ({@link #EITHER_SIDE}, {@link #SIDE_THEN_SIDE}). */
  static boolean offersBothSides(String lower) {
    return hasOr(lower) && (EITHER_SIDE.matcher(lower).find() || SIDE_THEN_SIDE.matcher(lower).lookingAt());
  }

  /**
   * True when "or" stands as a word before a space: {@link #EITHER_SIDE} and {@link #SIDE_THEN_SIDE} both need that,
   * and most questions have none ("for " is not it: a letter before "or" is no word boundary).
   */
  static boolean hasOr(String lower) {
    for (int i = lower.indexOf("or"); i >= 0; i = lower.indexOf("or", i + 1)) {
      if (i + 2 < lower.length() && Character.isWhitespace(lower.charAt(i + 2))
          && (i == 0 || !isAsciiWordChar(lower.charAt(i - 1)))) {
        return true;
      }
    }
    return false;
  }

  /** A character of {@code \w}: after one, no {@code \b} can stand before a word. */
  static boolean isAsciiWordChar(char c) {
    return c < 128 && (Character.isLetterOrDigit(c) || c == '_');
  }
}

package com.scopebot.answer;

import com.scopebot.corpus.Regex;
import java.util.List;
import java.util.regex.Pattern;

/**
 * How chat states or checks someone's claim about FastTrack: "the customer says FastTrack promised to ...", "you told
 * us SSO was included", "is that true?". English only; no word here names a product or a document's topic.
 */
final class ClaimWords {

  private ClaimWords() {}

  /** Someone's claim about what FastTrack will do: "the customer says FastTrack promised to ...". */
  static final Pattern CLAIM = Regex.compile(
      // one \b for the alternatives that start at a word, not one each: found the same, faster
      // (see RequestWords.REPEAT)
      "\\b(?:(?:claims?|claimed|claiming|insists?|insisted|insisting|assumed?|assuming"
          + "|was promised|were promised|promised|promises|quoting|supposedly|according to|swears?)\\b"
          + "|(?:says|said|thinks|thought|believes?|believed|expects?|expected) (?:that )?(?:the |their |our )?"
          + "(?:fasttrack|ft|microsoft|you|they)\\b"
          + "|told (?:us|them|me|him|her) (?:that |they'd |they would |they will |they'll |it |fasttrack |microsoft |you )"
          // a claim stated outright: "FastTrack will deploy AD FS for our two forests", "you said SSO was included"
          // ("FT told us to patch first" passes on an instruction: the work is the asker's, nothing is claimed of FT)
          + "|(?:you|fasttrack|microsoft|ft) (?:said|told us(?! to\\b)|promised|agreed|committed)\\b)"
          + "|^(?:fasttrack|ft|microsoft|the fasttrack team)\\s+(?:will|would|is going to|has to|must|promised|agreed)\\b");

  /** Words every {@link #CLAIM} holds one of (its last alternative also needs a side first: {@link #SIDE_FIRST}). */
  private static final List<String> CLAIM_WORDS = List.of("claim", "insist", "assum", "promis", "quoting", "supposedly",
      "according to", "swear", "says", "said", "think", "thought", "believ", "expect", "told", "agreed", "committed");
  private static final List<String> SIDE_FIRST = List.of("fasttrack", "ft", "microsoft", "the fasttrack team");
  private static final List<String> SIDE_WILL = List.of("will", "would", "going to", "has to", "must");

  /**
   * True when a lower-case text states a claim ({@link #CLAIM}); searched only when it holds a word every claim needs,
   * since most questions hold none.
   */
  static boolean claims(String lower) {
    boolean may = CLAIM_WORDS.stream().anyMatch(lower::contains)
        || SIDE_FIRST.stream().anyMatch(lower::startsWith) && SIDE_WILL.stream().anyMatch(lower::contains);
    return may && CLAIM.matcher(lower).find();
  }

  /** An ask that checks a claim rather than naming a side: "who's right?", "true?", "is that a commitment?". */
  static final Regex.Needs CHECKS_CLAIM = Regex.needing(
      "\\b(?:who|which(?: one| of them| of those| of the two)?)(?:'s| is) (?:right|correct|wrong)\\b|^(?:is (?:that|this|it) )?(?:(?:really|actually|even) )?"
          + "(?:true|correct|right|accurate)\\b"
          + "|\\bis (?:that|this|it) (?:(?:really|actually|even|still) )?(?:true|correct|right|accurate|so)\\b"
          + "|[-\u2014\u2013:,]\\s*(?:is (?:that|this|it) )?(?:really |actually )?(?:true|correct|right|accurate)\\s*[?!.]*\\s*$",
      "right", "correct", "wrong", "true", "accurate", "is that ", "is this ", "is it ");
}

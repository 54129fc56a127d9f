package com.scopebot.answer;

import com.scopebot.corpus.Regex;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * How a clause of chat asks: the words it opens with or ends on, an indirect question behind "wondering whether", a
 * clause that only sets the scene, and an ask that points back to the clause before it. English only; no word here
 * names a product or a document's topic.
 */
final class AskingWords {

  private AskingWords() {}

  /**
   * A clause that asks: it opens with a question word or an auxiliary ({@link #ASKS_OPENING}, tried at the start only),
   * or asks for a confirmation or says it asks further on ({@link #ASKS_LATER}).
   */
  static boolean asks(String lower) {
    return ASKS_OPENING.matcher(lower).lookingAt() || ASKS_LATER.find(lower);
  }

  static final Pattern ASKS_OPENING = Regex.compile(
      "(?:so |and |but |also |ok |okay |then )?(?:who|whom|whose|what|what's|whats|which|when|where|why|how|is|are|does|do|did"
          + "|will|would|can|could|should|shall|may|has|have|any|anything)\\b");
  static final Regex.Needs ASKS_LATER = Regex.needing(
      "\\b(?:(?:covered|included|in scope|out of scope|supported|possible|true|right)\\s*\\??$"
          + "|(?:asking|asks|asked|wondering|wonders|want to know|wants to know|checking) (?:whether|if|who|what|how)\\b)",
      "covered", "included", "scope", "supported", "possible", "true", "right", "asking ", "asks ", "asked ",
      "wondering ", "wonders ", "to know ", "checking ");

  /** A question inside a longer clause: "once SSO is configured does FT test it", "... and is that covered". */
  static final Pattern INNER_ASK = Regex.compile(
      // not after a subject of its own: "we did FastTrack for Intune last year" tells, it does not ask
      "(?<!\\b(?:we|i|you|they|it|he|she) )\\b(?:does|do|did|is|are|can|could|will|would|should)\\s+(?:ft|fasttrack|microsoft|you|we|they|it|that|this"
          + "|there|anybody|anyone|someone|somebody|the fasttrack|fast track)\\b(?!\\s*[,.]?$)");

  /** Framing before an indirect question: "our desktop team wants to know if ...", "I'm wondering whether ...". */
  static final Pattern ASKS_WHETHER = Regex.compile(
      "^(.*?\\b(?:asking|asks|asked|wondering|wonders|want to know|wants to know|checking|would like to know)"
          + "\\s+(?:whether|if))\\s+(.+)$", Pattern.CASE_INSENSITIVE);

  /**
   * False when a clause holds none of the words {@link #ASKS_WHETHER} needs ("ask", "wonder", "want", "check", "would
   * like"): most clauses, which then skip its search from every position.
   */
  static boolean mayAskWhether(String clause) {
    String lower = clause.toLowerCase(Locale.ROOT);
    return lower.contains("ask") || lower.contains("wonder") || lower.contains("want") || lower.contains("check")
        || lower.contains("would like");
  }

  /** A clause that sets the scene for a question rather than asking it. */
  static final Pattern SUBORDINATE = Regex.compile(
      "^(?:once|when|after|before|if|since|because|although|though|while|as soon as|now that|given that)\\b");

  /**
   * "what is that?", "is X just Y or does it cover other Y too", "what does SDS mean": asks what a term means or takes
   * in. Not "what does it cost" or "what is it for": those ask about the thing, not its name.
   */
  static final Regex.Needs ASKS_WHAT_IT_MEANS = Regex.needing(
      "\\b(?:what(?: is| are|'s|\u2019s) (?:that|this|it|they)\\s*[?!.]*$"
          + "|what(?: is| are|'s|\u2019s) (?:that|this|it|they) (?:exactly|again)\\b"
          // "is that what the document means by it?"
          + "|just\\b.*\\bor does it\\b|stand for\\b|mean\\b|(?:means|meant) by\\b)",
      "what ", "what's", "what\u2019s", "or does it", "stand for", "mean");

  /**
   * A plural pronoun that stands for something named before ("we have some 2012 R2 boxes. will FT onboard them?"),
   * or "that" as the object of the ask ("can you onboard that for us?", "can FastTrack deliver that training?"):
   * the clause asks about what the clause before it names, whatever else it names itself. "it" is left out, since
   * chat uses it without pointing anywhere ("is it in scope?"), and so are "they", "for them" and "walk them through",
   * which stand for people ("so they can trial it", "set it up for them").
   */
  /** A pronoun standing for a thing asked about: "or does FastTrack link it for us?". */
  static final Pattern PRONOUN = Regex.compile("(?i)\\b(?:it|them|that|this)\\b");

  static final Regex.Needs NAMES_BACK = Regex.needing(
      "(?<!\\b(?:for|to|with|help|let|get|walk|guide|train|show|tell|assist|support|advise|teach|contact|give|ask"
          + "|invite|remind|notify) )\\b(?:them|those|these|that(?= for (?:us|me)\\b| through\\b| via\\b))\\b"
          // "can FastTrack deliver that training?": a thing named before, by a word of its own
          + "|\\b(?:that|this) [a-z]+\\s*[?!.]*$"
          // "our tenant is in Microsoft Cloud Deutschland. is the benefit available there?": the place named before
          + "|\\b(?:available|offered|supported|possible|work|works|apply|applies) there\\s*[?!.]*$",
      "them", "those", "these", "that ", "this ", " there");

  /**
   * "… or is that our own change management?": the other side's alternative names the kind of work it would be, in
   * words of its own, so they are asked about; "is that our job?" names no kind.
   */
  static final Pattern NAMES_OUR_PART = Regex.compile(
      "^(?:or )?(?:is|was|isn't|wasn't) (?:that|this|it) (?:(?:just|all|really|still|simply|part of|on|under) )*"
          + "(?:our|your|their|the customer's|my)(?: own)? (?!(?:side|end|job|problem|call|task|responsibility"
          + "|responsibilities|plate|team|part|thing|bit|business|lookout|area)\\b)[a-z]");

  /**
   * "… or does the vendor do the scans?", "or will FastTrack handle that?": another doer of the work the clause
   * before asks about, said with a verb that only stands for that work.
   */
  static final Pattern OTHER_DOES_IT = Regex.compile(
      "^(?:or )?(?:does|do|did|will|would|can|could|should|is|are) (?:[\\w'-]+ ){1,3}?(?:just )?"
          + "(?:do|does|handle|handles|take care of|takes care of|run|runs|own|owns|cover|covers) "
          + "(?:it|that|this|them|those|these|the [\\w-]+(?: [\\w-]+)?)(?: for (?:us|me|them|you))?\\s*[?!.]*$");

  /**
   * Words that only ask, in words a topic may also use: "will that work?", "would it still work for us" (whether what
   * the clause before names is possible), "a quick list of what … included" (what kind of answer is wanted).
   */
  static final Regex.Needs ONLY_ASKS = Regex.needing(
      "\\b(?:will|would|does|do|can|could|is|are) (?:that|this|it|they|those|these) (?:still |even |actually |really )?"
          + "(?:work|fly|be (?:ok|okay|fine))\\b"
          + "|\\b(?:(?:a|the|quick|full|short|complete) )*list of(?= (?:what|which|everything|all)\\b)",
      "work", "fly", " ok", " fine", "list of");

  /** An asking clause that refers back to a clause before it. */
  static final Pattern POINTS_BACK = Regex.compile(
      "^(?:is|was|are) (?:that|this|it)\\b"
          // "does that change …", not "can this tenant qualify": the pronoun is the subject, a verb follows
          + "|^(?:does|did|do|would|will|could|can|should) (?:that|this) (?:(?:still|also|really|actually) )?"
          + "(?:change|mean|matter|affect|count|work|apply|cover|include|need|require|make|help|impact|qualify|fall"
          + "|come|go|get|fit|belong)\\b"
          // "in scope under the 2016 benefit?": a verdict without its subject asks about the clause before it
          + "|^(?:in[ -]scope|out of scope|covered|included)\\b"
          // "after we send the pack, who reviews it?": who does a thing only a pronoun names
          + "|^who(?:'s| is| will| would| should| does| do| has to| needs to)? [a-z]+ (?:it|that|this|them|those)"
          + "(?: off| up| out| over| through)?\\s*[?!.]*$"
          + "|\\b(?:(?:that|this) (?:something|a thing|still|actually|really)\\b"
          + "|(?:for|with|on|about|do|does|cover|covers|handle|handles|implement|implements|into|to) (?:it|that|this|them|those)"
          + "\\s*[?!.]*$)");

  /**
   * False when the text neither opens with "is", "was", "are", "who", "in", "out of" or "covered", nor holds "that " or
   * "this ", nor ends in a pronoun before the punctuation and spaces at its end: {@link #POINTS_BACK} needs one of these.
   */
  static boolean pointsBack(String lower) {
    String rest = lower.substring(0, trailingRun(lower, "?!."));
    boolean may = lower.startsWith("is ") || lower.startsWith("was ") || lower.startsWith("are ") || lower.startsWith("who")
        || lower.startsWith("in") || lower.startsWith("out of") || lower.startsWith("covered")
        || lower.contains("that ") || lower.contains("this ")
        || Stream.of("it", "that", "this", "them", "those").anyMatch(rest::endsWith);
    return may && POINTS_BACK.matcher(lower).find();
  }

  /**
   * Where the run of the given characters and white space that ends the text begins (its length when there is none).
   * The run takes line ends too: a pattern's {@code $} also matches before the last one.
   */
  static int trailingRun(String text, String chars) {
    int from = text.length();
    while (from > 0 && (chars.indexOf(text.charAt(from - 1)) >= 0 || text.charAt(from - 1) == '\u0085'
        || Character.isWhitespace(text.charAt(from - 1)))) {
      from--;
    }
    return from;
  }

  /**
   * The action a who-question asks the doer of: "who grants the access?", "who actually writes the runbook",
   * "whose job is it to open the request". Not a verb that says only that someone has the task ("who handles it",
   * "who owns it", "who is responsible"): any side's statement says as much.
   */
  static final Regex.Needs ASKS_DOER_OF = Regex.needing(
      "\\b(?:who(?:'s| is| are)?|whose (?:job|task|responsibility|call) is (?:it|that) to)"
          + "(?: (?:actually|really|usually|normally|typically|exactly|then|will|would|should|shall|must|can|could"
          + "|has to|have to|needs to|need to|gets to|(?:is |are |'s )?(?:going|supposed|expected|meant|required) to))*"
          + " (?!(?:do|does|did|doing|handles?|handling|owns?|is|are|be|takes?|has|have|gets?|needs?|responsible|in"
          + "|on|the|a|an|that|this|it|them|us|we|you|they|our|your|their|going|supposed|expected|meant|ft|fasttrack"
          + "|microsoft|partner|customer)\\b)([a-z]{3,})\\b",
      "who");
}

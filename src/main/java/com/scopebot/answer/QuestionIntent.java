package com.scopebot.answer;

import com.scopebot.corpus.Regex;
import com.scopebot.corpus.WordList;
import java.util.regex.Pattern;

/** Tells what a question asks for: its {@link Intent}, and whether it wants a number or a time. */
final class QuestionIntent {

  private QuestionIntent() {}

  /** What an information question asks for, when its wording tells. */
  enum AnswerType { PRICE, NUMBER, DURATION, TIME, VERSION, NAMES, NONE }

  // one \b for all the words, not one each: found the same, three times faster (see RequestWords.REPEAT)
  // not "up to": it is as often a verb's ("hooked up to Intune") as a number's
  // "what pilot size does the guide recommend?", "what's the minimum number of devices?": a number is the answer
  private static final Regex.Needs ASKS_NUMBER = Regex.needing(
      "\\b(?:how (many|much|big|large)\\b|what(?:'s| is| are)? (?:the )?(?:[a-z-]+ ){0,2}(?:number|size|count)\\b)",
      "how ", "what");
  /** "How much does it cost", "what's the price", "is there a fee": asks what it costs, not how many of something. */
  private static final Regex.Needs ASKS_PRICE = Regex.needing(
      "\\bhow much\\b[^?.!]{0,60}?\\b(?:costs?|charged?|charges|pay|paid|billed|price)\\b"
          + "|\\bwhat(?:'s| is| does| do| would| will)? (?:[a-z0-9-]+ ){0,5}(?:costs?|price|pricing|fee)\\b"
          + "|\\b(?:price|pricing)\\b",
      "how much", "cost", "price", "pricing", "fee");
  private static final Regex.Needs ASKS_TIME = Regex.needing("^when\\b|\\b(?:what time\\b|deadline\\b|within\\b)",
      "^when", "what time", "deadline", "within");
  /**
   * "How long until …", "how quickly do they get back", "how often do the calls run": asks for a length of time or a
   * frequency, which a condition doesn't give.
   */
  private static final Regex.Needs ASKS_DURATION = Regex.needing(
      "\\bhow (?:long|soon|quickly|fast|often|frequently)\\b"
          // "what turnaround time does it commit to?", "what's FastTrack's committed response time?", "what's the SLA?"
          + "|\\bwhat(?:'s| is)? (?:[a-z'-]+ ){0,3}(?:turnaround|response|lead|wait|waiting|processing|sla)"
          + "(?: time)?\\b"
          + "|\\bturnaround\\b",
      "how ", "what", "turnaround");
  /** "Which Exchange versions", "what's the minimum Windows 10 build", "the oldest release we can be on". */
  /** "Which languages", "in what regions": asks for the names a list gives. */
  private static final Regex.Needs ASKS_NAMES = Regex.needing(
      "\\b(?:which|what) (?:[a-z-]+ ){0,2}(?:languages|regions|countries|locales)\\b",
      "which ", "what ");
  private static final Regex.Needs ASKS_VERSION = Regex.needing(
      "\\b(?:which|what(?:'s| is)?(?: the)?) (?:[a-z0-9-]+ ){0,3}versions?\\b"
          + "|\\b(?:minimum|lowest|oldest|earliest) (?:[a-z0-9-]+ ){0,3}(?:versions?|builds?|releases?)\\b",
      "version", "build", "release");

  // WHO, INFO and the patterns of the question's words (AskingWords, RequestWords, ...) test the word boundary once
  // for the alternatives that start at a word, not once each: they find the same, faster (a question runs each at
  // least once)
  private static final Regex.Needs WHO = Regex.needing(
      // "the March 2018 Microsoft responsibilities page" names a document, it does not ask whose
      "\\b(?:(who|whom|whose|whose job|commitment|committed to|obliged|obligated|obligation|responsible|owner|owns"
          + "|accountable)\\b"
          + "|responsibilit(?:y|ies)\\b(?! (?:page|doc|docs|document|documents|article|section|list|table|sheet"
          + "|pages)\\b)"
          + "|(our|my|the customer's|customer's|fasttrack's|ft's|microsoft's) (job|duty|task|problem)\\b)"
          + "|^(do|must|should|shall|will) (we|i|the customer|customers) (have to|need to|handle|do)\\b"
          // "is our team actually required to turn up to the checkpoint meetings?": whether the duty is theirs
          + "|^(?:is|are|am) (?:we|i|they|you|our [a-z]+|the customer|customers|the partner|fasttrack|ft|microsoft)"
          + " (?:actually |really |still )?(?:required|expected|supposed) to\\b"
          // "is that Microsoft's engineer doing it alone or with us?", "do they group them on their own or do they need
          // info from us?": whether the work is shared
          + "|\\b(?:alone|on (?:their|its|his|her) own|by (?:themselves|itself)),? or\\b[^?.!]{0,50}?\\b(?:us|me|our|we)\\b",
      "who", "commit", "oblig", "responsib", "owner", "owns", "accountable", "job", "duty", "task", "problem", "^do ", "^must ", "^should ", "^shall ", "^will ", "alone", " own ", "themselves", "itself", "required to", "expected to", "supposed to");
  private static final Regex.Needs INFO = Regex.needing(
      "^(how|what|what's|whats|which|when|where|why|list|name|describe)\\b"
          // "do they even need the connector server?", "… or do we need E5 licences as well?": whether a thing is
          // needed, not "do we need Microsoft to do it?"
          + "|(?:^|\\bor )(do|does|will|would) (we|i|you|they|the customer|customers|cust) "
          + "(?:(?:even|actually|still|really|also|then|first|already) )?(need|require|have to have) "
          + "(?!to\\b|(?:microsoft|fasttrack|ft|you|them|us|anyone|someone|somebody|anything)\\b)[a-z0-9]"
          + "|^(during|in|for|at|on|by|from|with|to|after|before|until|within) (what|which|how)\\b"
          + "|\\b(?:how (many|much|long)\\b|(required|requirements?|prerequisites?|needed|languages?|mandatory|optional)\\b)",
      "^wh", "^how", "^list", "^name", "^describe", "^do", "^will", "^would", "or do", "or will", "or would", "^during", "^in", "^for", "^at", "^on", "^by", "^from", "^with", "^to", "^after", "^before", "^until", "how ", "required", "requirement", "prerequisite", "needed", "language", "mandatory", "optional");
  /**
   * A phrase that sets the scene before the question proper: "under the current EMS benefit", "for the pilot"; not
   * one that asks ("during what hours is …").
   */
  private static final Pattern SCENE = Regex.compile(
      "^(?:under|in|for|with|during|after|before|within|as part of|on|at)\\s"
          // a scene a comma closes ends there ("after onboarding is done, what …"), else at the first asking word
          + "(?:[^,?;]{1,60},\\s|(?:(?!\\b(?:what|which|how|who|whom|whose|when|where)\\b)[^,?;]){1,60}?,?\\s)"
          + "(?=(?:is|are|does|do|did|will|would|can|could|should|who|what|how|when|which)\\s)");
  /** Words of chat before the asking word, any number of them ({@code words/openers.txt}). */
  private static final Pattern OPENERS = Regex.compile(
      "^(?:" + WordList.load("openers").anywhereRegex() + "[,:;]?\\s+)+");
  private static final Regex.Needs YES_NO = Regex.needing(
      "^(is|are|does|do|did|will|would|can|could|should|shall|has|have|may|might|must)\\b"
          + "|\\b(covered|included|in scope|out of scope|supported|provided|promised)\\b",
      "^is", "^are", "^do", "^did", "^will", "^would", "^can", "^could", "^should", "^shall", "^has", "^have", "^may", "^might", "^must", "covered", "included", "in scope", "out of scope", "supported", "provided", "promised");
  /**
   * A yes/no question asked in the words that report one: "Warsaw team asks if the sessions can be run in Polish",
   * "our SOC is asking whether FastTrack can also help with …".
   */
  private static final Regex.Needs REPORTED_YES_NO = Regex.needing(
      "\\b(?:asks?|asking|asked|wonder|wonders|wondering|wants? to know|checking) (?:whether|if)\\b",
      "whether", " if");
  /** "Whether we …, or whether FastTrack …": a reported question that offers alternatives. */
  private static final Pattern ALTERNATIVES = Regex.compile("\\b(?:whether|if)\\b[^?.!]*\\bor\\b");
  /**
   * A yes/no question about order or timing, not scope: "does the adoption help only start after onboarding?", "can
   * onboarding kick off before the core work is finished?", "do our MX records already need to point to Office 365?".
   */
  private static final Regex.Needs ASKS_ORDER = Regex.needing(
      "^(?:is|are|does|do|will|would|can|could|should|must)\\b.*\\b(?:(?:start|starts|begin|begins|kick off|kicks off"
          + "|happen|happens|run|runs)(?: only)? (?:after|before|until|once|in parallel)|already need to|need to be done first)\\b",
      "after", "before", "until", "once", "in parallel", "already need", "done first");

  /** A yes/no question about coverage: "Does the benefit cover upgrading to the required version?". */
  private static final Regex.Needs ASKS_COVERAGE = Regex.needing(
      "^(is|are|does|do|will|would|can|could)\\b.*\\b(cover|covers|covered|include|includes|included|in scope|out of scope"
          + "|part of|offer|offers|provide|provides|help|helps|assist|support|supports|supported)\\b",
      "cover", "include", "in scope", "out of scope", "part of", "offer", "provide", "help", "assist", "support");

  /**
   * "Is it on us to whitelist them?", "what's on us and what's on the Microsoft side?": whose the work is. Not "does
   * FastTrack do it, or is that on us?", which asks whether FastTrack does it; read on the whole question, as the
   * clauses it is split into lose the "or".
   */
  private static final Regex.Needs ON_A_SIDE = Regex.needing(
      "(?<!\\bor )\\b(?:is|are|what's|whats|what is) (?:[a-z]+ ){0,3}?on (?:us|you|me)\\b", "on us", "on you", "on me");

  /**
   * A yes/no question whether FastTrack's people do something: "will someone walk us through the install
   * prerequisites?" asks whether that is covered, whatever it names; not "do you need …" or "can you tell us …",
   * which ask for a fact.
   */
  private static final Regex.Needs AGENT_DOES = Regex.needing(
      "^(?:will|would|can|could|does|do)\\s+(?:someone|somebody|anyone|anybody|you|you guys|fasttrack|ft|microsoft"
          + "|the fasttrack (?:team|center|specialists?|engineers?))\\s+(?!(?:need|needs|require|requires|have|has"
          + "|tell|list|explain|share|give|say|confirm|clarify|send|know|expect|recommend)\\b)[a-z]+",
      "^will ", "^would ", "^can ", "^could ", "^does ", "^do ");

  /**
   * A yes/no question whether the case meets what the benefit requires: "does that make us eligible?", "do they
   * qualify?", "meets the PC upgrade requirements?"; it asks whether the case is covered, not what the requirements are.
   */
  private static final Regex.Needs ASKS_ELIGIBILITY = Regex.needing(
      "^(?:(?:do|does|did|will|would|can|could)\\s+(?:[\\w'-]+\\s+){0,4}?(?:qualify|meet|satisfy|fulfill?)\\b"
          + "|(?:is|are|was|were)\\s+(?:[\\w'-]+\\s+){0,4}?eligible\\b|(?:meets|satisfies|fulfill?s|qualifies)\\b)",
      "qualif", "meet", "satisf", "fulfil", "eligible");

  /**
   * A relative "who" or "whose" after what it describes: "admins who can manage", "anyone who", "clusters whose
   * version has dropped".
   */
  static final Pattern RELATIVE_WHO = Regex.compile(
      "\\b(\\w{3,}s|someone|anyone|somebody|anybody|everyone|people|staff|person|one)\\s+who(?:se)?\\b(?!'s)");

  /**
   * False when no "who" in the text follows a word that {@link #RELATIVE_WHO} takes: those end in s, e, y, f or n
   * ("admins", "someone", "anybody", "staff", "person"). A question opening "Who …" has none before it.
   */
  static boolean mayHaveRelativeWho(String lower) {
    for (int i = lower.indexOf("who"); i >= 0; i = lower.indexOf("who", i + 1)) {
      int j = i - 1;
      if (j < 0 || !Character.isWhitespace(lower.charAt(j))) {
        continue;
      }
      while (j > 0 && Character.isWhitespace(lower.charAt(j))) {
        j--;
      }
      if ("seyfn".indexOf(lower.charAt(j)) >= 0) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether the lower-cased asking text wants a price ("how much does it cost"), a number ("how many"), a version, the
   * names of a list ("which languages"), a length of time ("how long"), a time ("when") or none of these.
   */
  static AnswerType answerType(String lower) {
    if (ASKS_PRICE.find(lower)) {
      return AnswerType.PRICE;
    }
    if (ASKS_NUMBER.find(lower)) {
      return AnswerType.NUMBER;
    }
    if (ASKS_VERSION.find(lower)) {
      return AnswerType.VERSION;
    }
    if (ASKS_NAMES.find(lower)) {
      return AnswerType.NAMES;
    }
    if (ASKS_DURATION.find(lower)) {
      return AnswerType.DURATION;
    }
    return ASKS_TIME.find(lower) ? AnswerType.TIME : AnswerType.NONE;
  }

  /** Whether the lower-cased question asks whose the work is by putting it on a side ({@link #ON_A_SIDE}). */
  static boolean putsItOnASide(String lower) {
    return ON_A_SIDE.find(lower);
  }

  /**
   * Whether lower-cased text that tells no other intent reports a yes/no question: "Warsaw team asks if the sessions
   * can be run in Polish". Not one that offers alternatives ("asking whether we have to attend, or whether FastTrack
   * can run it"): that asks which.
   */
  static boolean reportsYesOrNo(String lower) {
    return REPORTED_YES_NO.find(lower) && !ALTERNATIVES.matcher(lower).find();
  }

  /**
   * The intent of the lower-cased asking text.
   *
   * @param claim true when the question states someone's claim ({@link ClaimWords#claims})
   */
  static Intent of(String text, boolean claim) {
    // "admins who can manage templates": a relative "who" describes, it does not ask who
    String lower = mayHaveRelativeWho(text) ? RELATIVE_WHO.matcher(text).replaceAll("$1") : text;
    // "so roughly when will they …": the question starts after the words that open chat
    lower = OPENERS.matcher(lower).replaceFirst("");
    // "under the current benefit can FT guide it?": the question starts where the phrase that sets the scene ends
    lower = SCENE.matcher(lower).replaceFirst("");
    if (ClaimWords.CHECKS_CLAIM.find(lower)) {
      return claim ? Intent.CLAIM : Intent.COVERED;
    }
    if (WHO.find(lower) || SideWords.offersBothSides(lower)) {
      return Intent.WHO;
    }
    if (claim) {
      return Intent.CLAIM;
    }
    if (AskingWords.ASKS_WHAT_IT_MEANS.find(lower)) {
      return Intent.INFO;
    }
    if (ASKS_ORDER.find(lower)) {
      return Intent.INFO;
    }
    if (ASKS_COVERAGE.mayMatch(lower) && ASKS_COVERAGE.matcher(lower).lookingAt()) {
      return Intent.COVERED;
    }
    if (ASKS_ELIGIBILITY.find(lower) || AGENT_DOES.find(lower)) {
      return Intent.COVERED;
    }
    if (INFO.find(lower)) {
      return Intent.INFO;
    }
    if (YES_NO.find(lower)) {
      return Intent.COVERED;
    }
    return Intent.OTHER;
  }
}

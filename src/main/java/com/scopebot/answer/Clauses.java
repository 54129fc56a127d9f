package com.scopebot.answer;

import com.scopebot.corpus.Regex;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Cuts a question into clauses and tells which of them ask. */
final class Clauses {

  private Clauses() {}

  private static final Pattern SPACES = Regex.compile("\\s+");

  /**
   * Where a question's sentences end: people in chat rarely capitalise the next one. Not after "e.g." or "i.e."
   * ("… e.g. by scenario?"), which never end one.
   */
  static final Pattern SENTENCE_END = Regex.compile(
      "(?<!(?i:\\be\\.g|\\bi\\.e)\\.)(?<=[.?!…]|[.?!…][\"”'’])\\s+|\\.{3,}\\s*");

  /**
   * Where a question breaks into clauses: dashes, semicolons, a label ("PTA: is it ..."), parentheses, and a
   * conclusion drawn for a side ("…, so FT should deploy AD FS across both"), which the reasons before it only lead to.
   */
  static final Pattern CLAUSE_BREAK = Regex.compile(
      "\\s+[\u2014\u2013-]{1,2}\\s+|\\s*--\\s*|;\\s+|,\\s+but\\s+|,\\s+(?:or\\s+)?(?=(?:who|what|which|how|when|where|why"
          + "|is|are|does|do|can|could|will|would|should)\\s)"
          // a second question joined on: "does FastTrack cover that and do we need anything?"
          + "|\\s+and\\s+(?=(?i:do|does|is|are|can|will|would|should|could)\\s+"
          + "(?i:we|i|you|they|ft|fasttrack|microsoft)\\s)"
          + "|,?\\s+so\\s+(?=(?i:ft|fasttrack|microsoft|the fasttrack \\w+|they|you|we)\\s+(?:should|must|will|would|has to|have to|need to|needs to)\\s)");

  /** Characters a clause needs to hold both an ask and a scene after it; shorter ones are not searched. */
  private static final int MIN_ASK_AND_SCENE = 20;

  /**
   * A clause after the ask that sets its scene: a time with a subject of its own ("… once we send the email", "… after
   * they sign"), another case it is likened to ("… like they do for on-prem CRM"), or what it adds to ("…, not just the
   * domain controllers"), which it is not about.
   */
  static final Pattern TRAILING_SCENE = Regex.compile(
      "(?i)\\s(?:(?:once|after|as soon as)\\s+(?:we|you|they|i|he|she|the customer|the partner|our \\w+|their \\w+)\\s"
          + "|(?:just |exactly )?(?:like|as|the (?:same )?way) (?:they|you|ft|fasttrack|microsoft|it|we) (?:do|does|did)\\b"
          // "… on our AD FS servers as well, not just the domain controllers": what is had already, not what is asked
          + "|(?:not (?:just|only)|besides|in addition to|on top of|other than) (?:the |our |your )?[a-z0-9])");

  /** "when remediation is done": "when" before a subject, not before an auxiliary ("when will …"). */
  private static final Pattern WHEN_SCENE = Regex.compile(
      "when\\s+(?!(?:is|are|was|were|does|do|did|will|would|can|could|should|shall|may|might|must|has|have|had|to)\\b)");

  /** "what does the intune benefit doc say", "what do the docs actually say?": asks what the documents say, of nothing. */
  private static final Pattern ASKS_WHAT_IT_SAYS = Regex.compile(
      "what (?:does|do|did) (?:the |their |our |your |this |that )?(?:[\\w-]+ ){0,4}"
          + "(?:doc|docs|document|documents|documentation|page|pages|article|guide|text|wording) "
          + "(?:actually |really |exactly )?say\\s*[?.!]*");

  /** A relative pronoun opening a clause cut off after a comma: "…, which only lists email profiles." */
  static final Pattern RELATIVE = Regex.compile("(?i)(?:which|who|whose|where)\\b");

  /** An aside in parentheses. */
  static final Pattern PARENTHESES = Regex.compile("\\(([^()]*)\\)");

  /**
   * A label before a colon ("PTA: is it one agent only?", "Escalation: ..."): up to three words, or up to eight before
   * a question word ("AADP with sync from on-prem: who adds the admins?").
   */
  static final Pattern LABEL = Regex.compile("^([^\\s:]+(?:\\s[^\\s:]+){0,2}):\\s+(.+)$"
      + "|^([^\\s:]+(?:\\s[^\\s:]+){3,7}):\\s+((?i:who|what|which|how|when|where|why|whose)\\b.+)$");

  /** A label that only says who speaks: "Customer writes", "our PM asks", "cx replied". */
  static final Pattern SPEAKER = Regex.compile(
      "(?i)\\b(?:writes|wrote|asks|asked|says|said|emails|emailed|e-mailed|messages|messaged|replies|replied|posted"
          + "|pinged|adds|added|mentions|mentioned|wants to know)$");

  /** The clauses of a cleaned question, in order; the whole text, asking, when it yields none. */
  static List<Clause> of(String text) {
    List<Clause> out = new ArrayList<>();
    // each search below needs a character most questions lack (a sentence end before more text, a colon, a
    // parenthesis, a dash or comma or semicolon, a space that is not a single one): without it, it is skipped
    String[] sentences = mayEndSentence(text) ? SENTENCE_END.split(text) : new String[] {text};
    for (String sentence : sentences) {
      List<String> pieces = new ArrayList<>();
      Matcher label = sentence.indexOf(':') >= 0 ? LABEL.matcher(sentence) : null;
      if (label != null && label.matches()) {
        boolean upToThree = label.group(1) != null;
        String named = label.group(upToThree ? 1 : 3);
        if (!SPEAKER.matcher(named).find()) { // "Customer writes: …" says who speaks, nothing of the topic
          pieces.add(named);
        }
        sentence = label.group(upToThree ? 2 : 4);
      }
      // an aside in parentheses ("(what used to be called Office ProPlus)") is context, whatever it says
      List<String> asides = new ArrayList<>();
      if (sentence.indexOf('(') >= 0) {
        Matcher aside = PARENTHESES.matcher(sentence);
        while (aside.find()) {
          asides.add(aside.group(1));
        }
        sentence = PARENTHESES.matcher(sentence).replaceAll(" ");
      }
      sentence = (singleSpaced(sentence) ? sentence : SPACES.matcher(sentence).replaceAll(" ")).strip();
      // asides come first, so that a clause pointing back ("is that in scope?") finds the sentence, not the aside
      for (String a : asides) {
        if (a.chars().anyMatch(Character::isLetterOrDigit)) {
          out.add(new Clause(a.strip(), false, sentence));
        }
      }
      pieces.addAll(mayBreakClause(sentence) ? List.of(CLAUSE_BREAK.split(sentence)) : List.of(sentence));
      boolean first = true;
      for (String piece : pieces) {
        String p = piece.strip();
        // only a piece cut off at a comma ("the 2016 page, which only lists …"), not one after a label or a dash
        boolean relative = !first && RELATIVE.matcher(p).lookingAt() && !sentence.endsWith("?")
            && sentence.contains(", " + p);
        first = false;
        if (p.isEmpty() || p.chars().noneMatch(Character::isLetterOrDigit)) {
          continue;
        }
        Matcher whether = AskingWords.mayAskWhether(p) ? AskingWords.ASKS_WHETHER.matcher(p) : null;
        if (whether != null && whether.matches()) {
          // who wants to know is context; what they want to know is the question
          out.add(new Clause(whether.group(1), false, sentence));
          out.add(new Clause(whether.group(2), true, sentence));
        } else {
          // "the 2016 page, which only lists email profiles.": a relative clause describes; it does not ask
          boolean asking = !relative && asks(p, sentence);
          Matcher scene = asking && p.length() > MIN_ASK_AND_SCENE ? TRAILING_SCENE.matcher(p) : null;
          if (scene != null && scene.find() && scene.start() > 0) {
            // "who grants the access once we send the email?": the time after "once" sets the scene for the ask
            out.add(new Clause(p.substring(0, scene.start()).strip(), true, sentence));
            out.add(new Clause(p.substring(scene.start()).strip(), false, sentence));
          } else {
            out.add(new Clause(p, asking, sentence));
          }
        }
      }
    }
    if (out.isEmpty()) {
      out.add(new Clause(text, true, text));
    }
    return out;
  }

  private static boolean asks(String clause, String sentence) {
    String lower = clause.toLowerCase(Locale.ROOT);
    if (SideWords.hasOr(lower) && SideWords.ONLY_SIDES.matcher(lower).matches()) {
      return false; // "us or FastTrack?", "their engineers or our network team?": who, not what
    }
    if (lower.startsWith("what") && ASKS_WHAT_IT_SAYS.matcher(lower).matches()) {
      return false; // "… what does the FT resp doc actually say": asks for the source, which every answer cites
    }
    if (WHEN_SCENE.matcher(lower).lookingAt() && !clause.endsWith("?")) {
      return false; // "when remediation is done, do we …": the time of the question, not a question about the time
    }
    if (AskingWords.asks(lower) || ClaimWords.claims(lower) || AskingWords.INNER_ASK.matcher(lower).find()) {
      return true;
    }
    // "once the approach is agreed, who implements it?": a subordinate clause sets the scene
    if (AskingWords.SUBORDINATE.matcher(lower).lookingAt()) { // anchored at the start: tried there only
      return false;
    }
    return clause.endsWith("?") || sentence.endsWith("?") && sentence.endsWith(clause);
  }

  /**
   * The marks that may close a sentence after its end mark: quotes ("… at our own pace." Who …?), not a parenthesis
   * ("(Outlook mobile etc.) can reach …" goes on).
   */
  private static final String CLOSING = "\"\u201d'\u2019";

  /**
   * False when {@link #SENTENCE_END} cannot split the text: no ".", "?", "!" or "\u2026" before white space (or before a
   * closing quote and white space), and no two dots in a row (three or more split).
   */
  static boolean mayEndSentence(String text) {
    for (int i = 0; i + 1 < text.length(); i++) {
      if (".?!\u2026".indexOf(text.charAt(i)) >= 0 && (Character.isWhitespace(text.charAt(i + 1))
          || text.startsWith("..", i)
          // a quoted sentence ends at its closing quote: "… at our own pace." Who …?
          || CLOSING.indexOf(text.charAt(i + 1)) >= 0 && i + 2 < text.length() && Character.isWhitespace(text.charAt(i + 2)))) {
        return true;
      }
    }
    return false;
  }

  /**
   * False when {@link #CLAUSE_BREAK} cannot split the text: it has no dash after a space, no "--", no semicolon or
   * comma before a space ("pass-through" and "5,000" break nothing), and no "and" or "so" after a space.
   */
  static boolean mayBreakClause(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if ("-\u2014\u2013".indexOf(c) >= 0 && (i > 0 && Character.isWhitespace(text.charAt(i - 1))
          || text.startsWith("--", i))
          || (c == ';' || c == ',') && i + 1 < text.length() && Character.isWhitespace(text.charAt(i + 1))
          || (c == 'a' || c == 's') && i > 0 && Character.isWhitespace(text.charAt(i - 1))
              && (text.startsWith("and", i) || text.startsWith("so", i))) {
        return true;
      }
    }
    return false;
  }

  /** True when every run of white space in the text is one space, so that folding runs into one changes nothing. */
  static boolean singleSpaced(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == ' ' ? i > 0 && text.charAt(i - 1) == ' ' : Character.isWhitespace(c) || Character.isSpaceChar(c)) {
        return false;
      }
    }
    return true;
  }
}

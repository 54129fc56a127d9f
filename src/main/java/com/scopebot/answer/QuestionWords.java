package com.scopebot.answer;

import com.scopebot.corpus.Constraints;
import com.scopebot.corpus.Regex;
import com.scopebot.corpus.WordList;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * How people phrase questions in chat: what asks, what frames a claim, what is chatter, and what a request for more,
 * again, on site or out of hours looks like. English only; no word here names a product or a document's topic.
 */
final class QuestionWords {

  private QuestionWords() {}

  /** Where a question's sentences end: people in chat rarely capitalise the next one. */
  static final Pattern SENTENCE_END = Regex.compile("(?<=[.?!…])\\s+|\\.{3,}\\s*");

  /** Snowball's English stop words (shipped with Lucene): pronouns, auxiliaries and contractions people write. */
  static final Set<String> STOP_WORDS = snowballStopWords();

  private static Set<String> snowballStopWords() {
    try (java.io.Reader r = org.apache.lucene.util.IOUtils.getDecodingReader(
        org.apache.lucene.analysis.snowball.SnowballFilter.class, "english_stop.txt", java.nio.charset.StandardCharsets.UTF_8)) {
      Set<String> words = new java.util.HashSet<>();
      for (Object w : org.apache.lucene.analysis.WordlistLoader.getSnowballWordSet(r)) {
        words.add(new String((char[]) w));
      }
      return Set.copyOf(words);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException("Lucene's english_stop.txt is unreadable", e);
    }
  }

  /** Where a question breaks into clauses: dashes, semicolons, a label ("PTA: is it ..."), parentheses. */
  static final Pattern CLAUSE_BREAK = Regex.compile(
      "\\s+[\u2014\u2013-]{1,2}\\s+|\\s*--\\s*|;\\s+|,\\s+but\\s+|,\\s+(?:or\\s+)?(?=(?:who|what|which|how|when|where|why"
          + "|is|are|does|do|can|could|will|would|should)\\s)");

  /** An aside in parentheses. */
  static final Pattern PARENTHESES = Regex.compile("\\(([^()]*)\\)");

  /** A label before a colon ("PTA: is it one agent only?", "Escalation: ..."): up to three words. */
  static final Pattern LABEL = Regex.compile("^([^\\s:]+(?:\\s[^\\s:]+){0,2}):\\s+(.+)$");

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
      "\\b(?:does|do|did|is|are|can|could|will|would|should)\\s+(?:ft|fasttrack|microsoft|you|we|they|it|that|this"
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

  /** Someone's claim about what FastTrack will do: "the customer says FastTrack promised to ...". */
  static final Pattern CLAIM = Regex.compile(
      // one \b for the alternatives that start at a word, not one each: found the same, faster (see REPEAT)
      "\\b(?:(?:claims?|claimed|claiming|insists?|insisted|insisting|assumed?|assuming"
          + "|was promised|were promised|promised|promises|quoting|supposedly|according to|swears?)\\b"
          + "|(?:says|said|thinks|thought|believes?|believed|expects?|expected) (?:that )?(?:the |their |our )?"
          + "(?:fasttrack|ft|microsoft|you|they)\\b"
          + "|told (?:us|them|me|him|her) (?:that |they'd |they would |they will |they'll |it |fasttrack |microsoft |you )"
          // a claim stated outright: "FastTrack will deploy AD FS for our two forests", "you said SSO was included"
          + "|(?:you|fasttrack|microsoft|ft) (?:said|told us|promised|agreed|committed)\\b)"
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
      "\\bwho(?:'s| is) (?:right|correct|wrong)\\b|^(?:is (?:that|this|it) )?(?:(?:really|actually|even) )?"
          + "(?:true|correct|right|accurate)\\b"
          + "|\\bis (?:that|this|it) (?:(?:really|actually|even|still) )?(?:true|correct|right|accurate|so)\\b"
          + "|[-\u2014\u2013:,]\\s*(?:is (?:that|this|it) )?(?:really |actually )?(?:true|correct|right|accurate)\\s*[?!.]*\\s*$",
      "right", "correct", "wrong", "true", "accurate", "is that ", "is this ", "is it ");

  /** Two sides offered as alternatives: "us or FastTrack?", "FastTrack's job or ours?". */
  static final Pattern EITHER_SIDE = Regex.compile(
      "\\b(?:(?:us|we|ours|our [\\w-]+(?: team)?|the customer|our side)\\s*,?\\s+or\\s+(?:does |do |will |is )?(?:fasttrack|ft|microsoft|you|the fasttrack)"
          + "|(?:fasttrack|ft|microsoft|you|their [\\w-]+)(?:'s)?(?: [\\w-]+){0,2}\\s*,?\\s+or\\s+(?:is it |do we |does |is )?(?:us|ours|our [\\w-]+(?: team)?|we)\\b)");

  /** "Do we send the invite, or does FastTrack handle it?": one side asked about, then the other. */
  static final Pattern SIDE_THEN_SIDE = Regex.compile(
      "^(?:do|does|should|must|will|would|can|shall|are|am|have)\\s+(?:we|i|us|our [\\w-]+|the customer)\\b.*\\bor\\s+"
          + "(?:does|do|will|would|should|is|are|can)\\s+(?:fasttrack|ft|microsoft|you|the fasttrack)\\b"
          + "|^(?:does|do|will|would|should|is|can)\\s+(?:fasttrack|ft|microsoft|you)\\b.*\\bor\\s+"
          + "(?:do|should|must|will|would|are|can|have)\\s+(?:we|i|us)\\b");

  /** A clause that only names the two sides: "us or FastTrack?", "their engineers or our network team?". */
  static final Pattern ONLY_SIDES = Regex.compile(
      "^(?:is it |was it |do we |does |will )?(?:(?:their|your|our|the|fasttrack's|ft's|microsoft's|my)\\s+)?(?:[\\w'-]+\\s+){0,2}?"
          + "(?:us|we|ours|fasttrack|ft|microsoft|you|them|they|engineers?|team|side|people|staff|specialists?|partner)"
          + "\\s*,?\\s+or\\s+(?:is it |do we |does |will )?(?:(?:their|your|our|the|my)\\s+)?(?:[\\w'-]+\\s+){0,2}?"
          + "(?:us|we|ours|fasttrack|ft|microsoft|you|them|they|engineers?|team|side|people|staff|specialists?|partner)"
          + "\\s*(?:do it|does it|handles? it)?\\s*[?!.]*$");

  /** A relative "who" after the people it describes: "admins who can manage", "anyone who". */
  static final Pattern RELATIVE_WHO = Regex.compile(
      "\\b(\\w{3,}s|someone|anyone|somebody|anybody|everyone|people|staff|person|one)\\s+who\\b(?!'s)");

  /** "what is that", "is X just Y or does it cover other Y too": asks what a term means or takes in. */
  static final Regex.Needs ASKS_WHAT_IT_MEANS = Regex.needing(
      "\\b(?:what (?:is|are|does) (?:that|this|it|they)\\b|just\\b.*\\bor does it\\b|stand for\\b|mean\\b)",
      "what ", "or does it", "stand for", "mean");

  /** An asking clause that refers back to a clause before it. */
  static final Pattern POINTS_BACK = Regex.compile(
      "^(?:is|was|are) (?:that|this|it)\\b|\\b(?:(?:that|this) (?:something|a thing|still|actually|really)\\b"
          + "|(?:for|with|on|about|do|does|cover|covers|handle|handles|implement|implements|into|to) (?:it|that|this|them|those)"
          + "\\s*[?!.]*$)");

  /**
   * Words of chat that say nothing about the topic: greetings, hedges, claim framing, references to the conversation.
   * They are dropped from the topic once product names have been recognised.
   */
  static final Set<String> CHATTER = Set.copyOf(WordList.load("chatter").phrases());

  private static final String NUMBER_WORD = "(\\d{1,3}(?:,\\d{3})*|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)";
  private static final Pattern COUNT = Regex.compile(
      "(?<![\\w.])~?" + NUMBER_WORD + "(?![\\w.:/])((?:\\s+[a-z][a-z-]*){1,4})");
  /** A product and its version: "exchange 2007", "sharepoint server 2016", "ad fs 1.1". */
  private static final Pattern VERSION = Regex.compile("\\b(?:([a-z]++)\\s++)?([a-z]++)\\s++(\\d{1,4}(?:\\.\\d+)?)\\b");
  private static final Pattern TIME_UNIT = Regex.compile(
      "^\\s*(?:hours?|days?|weeks?|months?|years?|minutes?|percent|%|am|pm|gb|mb)\\b");
  // these three start with one \b for all their words: a \b before each word checked the
  // characters either side of each position once per word, and a question runs these several times (three times faster)
  private static final Regex.Needs REPEAT = Regex.needing(
      "\\b(?:again\\b|second time\\b|once more\\b|another (?:round|time|engagement|onboarding|run)\\b"
          + "|re-?(?:do|run|onboard)\\b|redo\\b|more than once\\b|second (?:round|engagement|onboarding)\\b)",
      "again", "second", "once", "another", "re-", "redo", "rerun", "reonboard");
  private static final Regex.Needs ON_SITE = Regex.needing(
      "\\b(?:(?:(?:come|travel|fly|be|send (?:someone|somebody|anyone|people|staff))\\s+)?on[- ]?site\\b"
          + "|in[- ]person\\b|visit (?:us|our)\\b|come (?:to|into) (?:our|us)\\b"
          + "|at our (?:office|site|premises|location)\\b|physically\\b)",
      "site", "person", "visit ", "come ", "at our ", "physically");
  private static final Regex.Needs OFF_HOURS = Regex.needing(
      "\\b(?:weekends?\\b|saturdays?\\b|sundays?\\b|overnight\\b|at night\\b|after[- ]hours\\b|out of hours\\b"
          + "|outside (?:of )?(?:business|office|working) hours\\b|24/7\\b|24x7\\b|holidays?\\b"
          + "|\\d{1,2}:\\d{2}\\b|midnight\\b)",
      "weekend", "saturday", "sunday", "night", "hours", "24/7", "24x7", "holiday", "0:", "1:", "2:", "3:", "4:", "5:",
      "6:", "7:", "8:", "9:");
  /** A case lacking something: "without forest trusts", "no trust between them", "before the core work is done". */
  private static final Regex.Needs WITHOUT = Regex.needing(
      "\\b(?:without|no|lacking|before|don't have|do not have|doesn't have|does not have|haven't got|there's no|there is no)"
          + " (?:any |a |an |the )?([a-z][a-z -]{2,40})",
      "without ", "no ", "lacking ", "before ", "have ", "got ");
  /** Words between a product and its version that name an edition of it. */
  private static final Set<String> EDITION = Set.of("server", "online", "enterprise", "pro", "standard", "datacenter");

  /** Where a question says the customer runs it: on premises ("on-prem", "LBD"), or in the cloud. */
  private static final Pattern ON_PREMISES = Regex.compile(
      "\\bon[- ]?prem(?:ises|ise)?\\b|\\bonprem\\b|\\blbd\\b|\\blocal business data\\b|\\bself[- ]hosted\\b");
  private static final Pattern MOVING_OFF = Regex.compile("\\b(?:from|off|migrat\\w*|mov\\w*|upgrad\\w*)\\b");
  private static final Pattern IN_THE_CLOUD = Regex.compile(
      "\\b(?:in the cloud|cloud[- ]hosted|cloud deployment|saas|online tenant)\\b");

  /** {@code on-premises}, {@code cloud} or empty (see {@link Question.Request#deployment}). */
  static String deploymentOf(String lower) {
    boolean onPremises = false;
    Matcher m = ON_PREMISES.matcher(lower);
    while (m.find() && !onPremises) {
      // "migrating from on-prem CRM": where they come from, not where they run it
      onPremises = !MOVING_OFF.matcher(lower.substring(Math.max(0, m.start() - 30), m.start())).find();
    }
    boolean cloud = IN_THE_CLOUD.matcher(lower).find();
    return onPremises == cloud ? "" : onPremises ? "on-premises" : "cloud";
  }

  /** The words that state what limits answer ("on site", "again", "Saturday 02:00"): the request, not the topic. */
  static String withoutRequest(String text) {
    String lower = text.toLowerCase(Locale.ROOT);
    for (Regex.Needs p : List.of(REPEAT, ON_SITE, OFF_HOURS)) {
      lower = p.replaceAll(lower, " ");
    }
    return lower;
  }

  private static final String MONTHS =
      "january|february|march|april|may|june|july|august|september|october|november|december"
          + "|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec";
  /** A date a question asks about: "in March 2018", "as of 2018-04-01", "back in spring 2017", "in 2016". */
  private static final Pattern PRESENT = Regex.compile(
      "\\b(?:still|now|nowadays|today|currently|anymore|any more|these days|at the moment|in force)\\b");
  private static final Pattern ISO_DATE = Regex.compile("\\b(19|20)\\d\\d-\\d\\d-\\d\\d\\b");
  private static final Pattern MONTH_YEAR = Regex.compile("\\b(" + MONTHS + ")\\.?,?\\s+((?:19|20)\\d\\d)\\b");
  private static final Pattern SEASON_YEAR = Regex.compile(
      "\\b(spring|summer|autumn|fall|winter|early|mid|late|end of|start of|beginning of)\\s+((?:19|20)\\d\\d)\\b");
  private static final Pattern YEAR_IN_TIME = Regex.compile(
      "\\b(?:in|as of|back in|during|at the time of|before|until|by)\\s+((?:19|20)\\d\\d)\\b(?!\\s*[-/]|\\s+(?:r2|sp\\d))");

  /**
   * The date a question asks about, as the last day of the period it names ("in March 2018" → 2018-03-31): the
   * documents in force then answer it. Versions ("Exchange 2013", "Windows Server 2008") are not dates.
   */
  static java.util.Optional<java.time.LocalDate> dateOf(String text) {
    if (!hasYear(text)) {
      return java.util.Optional.empty(); // every date below has a year: most questions have none
    }
    String lower = text.toLowerCase(Locale.ROOT);
    java.util.Optional<java.time.LocalDate> date = datedIn(lower);
    // "is that still in scope?": asked of today, whatever date it mentions
    return date.isPresent() && PRESENT.matcher(lower).find() ? java.util.Optional.empty() : date;
  }

  /** True when the text holds 19 or 20 and two more digits, as every year a date is read from does. */
  static boolean hasYear(String text) {
    for (int i = 0; i + 3 < text.length(); i++) {
      char c = text.charAt(i);
      if ((c == '1' && text.charAt(i + 1) == '9' || c == '2' && text.charAt(i + 1) == '0')
          && Character.isDigit(text.charAt(i + 2)) && Character.isDigit(text.charAt(i + 3))) {
        return true;
      }
    }
    return false;
  }

  /** The first date the lower-cased text names, without regard to words that ask about the present. */
  private static java.util.Optional<java.time.LocalDate> datedIn(String lower) {
    try {
      Matcher iso = ISO_DATE.matcher(lower);
      if (iso.find()) {
        return java.util.Optional.of(java.time.LocalDate.parse(iso.group()));
      }
      Matcher my = MONTH_YEAR.matcher(lower);
      if (my.find()) {
        int month = monthOf(my.group(1));
        return java.util.Optional.of(java.time.YearMonth.of(Integer.parseInt(my.group(2)), month).atEndOfMonth());
      }
      Matcher sy = SEASON_YEAR.matcher(lower);
      if (sy.find()) {
        int month = switch (sy.group(1)) {
          case "spring" -> 5;
          case "summer", "mid" -> 8;
          case "autumn", "fall" -> 11;
          case "winter", "early", "start of", "beginning of" -> 2;
          default -> 12;
        };
        return java.util.Optional.of(java.time.YearMonth.of(Integer.parseInt(sy.group(2)), month).atEndOfMonth());
      }
      Matcher y = YEAR_IN_TIME.matcher(lower);
      if (y.find()) {
        return java.util.Optional.of(java.time.LocalDate.of(Integer.parseInt(y.group(1)), 12, 31));
      }
    } catch (java.time.DateTimeException | NumberFormatException e) {
      return java.util.Optional.empty(); // "2018-02-31": not a date
    }
    return java.util.Optional.empty();
  }

  private static int monthOf(String name) {
    List<String> months = List.of("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec");
    return months.indexOf(name.substring(0, 3)) + 1;
  }

  /**
   * Where a match of {@link #COUNT} can start at the earliest, or -1 when none can: at the first digit or number word,
   * or the "~" before it.
   */
  static int countFrom(String lower) {
    int first = -1;
    for (int i = 0; i < lower.length(); i++) {
      if (lower.charAt(i) >= '0' && lower.charAt(i) <= '9') {
        first = i;
        break;
      }
    }
    for (String w : NUMBER_WORDS) {
      int at = lower.indexOf(w);
      if (at >= 0 && (first < 0 || at < first)) {
        first = at;
      }
    }
    return first < 0 ? -1 : Math.max(0, first - 1);
  }

  /**
   * Where a match of {@link #VERSION} can start at the earliest, or -1 when none can: a version is a word or two,
   * white space and digits, so the first digit after white space, with up to two words and the white space before.
   */
  static int versionFrom(String lower) {
    for (int i = 1; i < lower.length(); i++) {
      if (lower.charAt(i) >= '0' && lower.charAt(i) <= '9' && Character.isWhitespace(lower.charAt(i - 1))) {
        int j = i;
        for (int word = 0; word < 2; word++) {
          while (j > 0 && Character.isWhitespace(lower.charAt(j - 1))) {
            j--;
          }
          while (j > 0 && lower.charAt(j - 1) >= 'a' && lower.charAt(j - 1) <= 'z') {
            j--;
          }
        }
        return j;
      }
    }
    return -1;
  }

  /** The number words {@link #COUNT} reads besides digits. */
  private static final List<String> NUMBER_WORDS =
      List.of("two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve");

  static boolean hasDigit(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (Character.isDigit(text.charAt(i))) {
        return true;
      }
    }
    return false;
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

  /**
   * False when {@link #SENTENCE_END} cannot split the text: no ".", "?", "!" or "\u2026" before white space, and no
   * two dots in a row (three or more split).
   */
  static boolean mayEndSentence(String text) {
    for (int i = 0; i + 1 < text.length(); i++) {
      if (".?!\u2026".indexOf(text.charAt(i)) >= 0 && (Character.isWhitespace(text.charAt(i + 1))
          || text.startsWith("..", i))) {
        return true;
      }
    }
    return false;
  }

  /**
   * False when {@link #CLAUSE_BREAK} cannot split the text: it has no dash after a space, no "--", and no semicolon or
   * comma before a space ("pass-through" and "5,000" break nothing).
   */
  static boolean mayBreakClause(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if ("-\u2014\u2013".indexOf(c) >= 0 && (i > 0 && Character.isWhitespace(text.charAt(i - 1))
          || text.startsWith("--", i))
          || (c == ';' || c == ',') && i + 1 < text.length() && Character.isWhitespace(text.charAt(i + 1))) {
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

  /** A character of {@code \w}: after one, no {@code \b} can stand before a word. */
  static boolean isAsciiWordChar(char c) {
    return c < 128 && (Character.isLetterOrDigit(c) || c == '_');
  }

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
   * False when the text neither opens with "is", "was" or "are", nor holds "that " or "this ", nor ends in a pronoun
   * before the punctuation and spaces at its end: {@link #POINTS_BACK} needs one of these.
   */
  static boolean pointsBack(String lower) {
    String rest = lower.substring(0, trailingRun(lower, "?!."));
    boolean may = lower.startsWith("is ") || lower.startsWith("was ") || lower.startsWith("are ")
        || lower.contains("that ") || lower.contains("this ")
        || Stream.of("it", "that", "this", "them", "those").anyMatch(rest::endsWith);
    return may && POINTS_BACK.matcher(lower).find();
  }

  /** What a question asks for that limits can answer: counts, versions, repeats, on site, out of hours. */
  static Question.Request request(String text) {
    String lower = text.toLowerCase(Locale.ROOT).replace('\u2019', '\'');
    List<Question.Request.Count> counts = new ArrayList<>();
    // a count starts at digits or a number word (after a "~" perhaps), a version ends in digits after a space: the
    // searches start where the first of them could, not at every place before it (most questions have none)
    int countFrom = countFrom(lower);
    Matcher m = COUNT.matcher(lower);
    boolean more = countFrom >= 0 && m.find(countFrom);
    for (; more; more = m.find()) {
      if (TIME_UNIT.matcher(lower).region(m.end(1), lower.length()).lookingAt()) {
        continue;
      }
      double n = Constraints.number(m.group(1));
      if (n >= 2) {
        counts.add(new Question.Request.Count(n, m.group(2).trim()));
      }
    }
    Map<String, String> versions = new LinkedHashMap<>();
    Matcher v = VERSION.matcher(lower);
    int versionFrom = versionFrom(lower);
    for (boolean found = versionFrom >= 0 && v.find(versionFrom); found; found = v.find()) {
      if (v.group(3).equals("365") || TIME_UNIT.matcher(lower).region(v.end(), lower.length()).lookingAt()) {
        continue;
      }
      versions.put(v.group(2), v.group(3));
      if (v.group(1) != null && EDITION.contains(v.group(2))) {
        versions.putIfAbsent(v.group(1), v.group(3)); // "SharePoint Server 2016" is a version of SharePoint too
      }
    }
    Matcher w = WITHOUT.mayMatch(lower) ? WITHOUT.matcher(lower) : null;
    return new Question.Request(counts, versions, REPEAT.find(lower), ON_SITE.find(lower), OFF_HOURS.find(lower),
        w != null && w.find() ? w.group(1).trim() : "", List.of(), "", deploymentOf(lower));
  }
}

package com.scopebot.answer;

import com.scopebot.corpus.Classifier;
import com.scopebot.corpus.Condition;
import com.scopebot.corpus.Regex;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a follow-up against the previous question of the same conversation: "and for a single forest?", "what about
 * Intune?", "who does that then?", "is that covered for multiple forests too?". The result is a whole question the
 * answerer reads as usual, and that the answer shows ("Reading this as: …"). Stateless.
 */
public final class FollowUps {

  /** "and for X?", "what about X?", "same for X?": the previous question about X. */
  private static final Pattern ABOUT = Regex.compile(
      "^(?:and|also|but|ok|okay|so)?\\s*(?:what|how) about\\s+(?:for\\s+)?(.+)$"
          + "|^(?:and|but|also)\\s+(?:for|with|in|on|if we have|if it's|if it is)\\s+(.+)$"
          + "|^(?:same|the same)(?: question)? (?:for|with)\\s+(.+)$|^and\\s+(.+)$",
      Pattern.CASE_INSENSITIVE);
  /** "who does that then?", "whose job is that?", "who handles it?". */
  private static final Pattern WHO_THAT = Regex.compile(
      "^(?:and |so |ok |then )?(?:who|whose job|whose responsibility)\\b[^?]{0,40}\\b(?:that|this|it|them)\\b"
          + "(?:\\s+(?:then|now|instead|exactly|part))?$", Pattern.CASE_INSENSITIVE);
  /** "is that covered for multiple forests too?", "does it include X?". */
  private static final Pattern IS_THAT = Regex.compile(
      "^(?:and |so |but )?(?:is|does|would|will|can|could) (?:that|this|it)\\b\\s*(.*)$", Pattern.CASE_INSENSITIVE);
  /**
   * An "it" that stands for nothing before it, but for the clause after it: "is it on us to configure the ports?", "is it
   * possible to get on-site help?", "is it true that FastTrack deploys AD FS?". Such a message is a whole question.
   */
  private static final Pattern EXPLETIVE_IT = Regex.compile(
      "^(?:and |so |but )?(?:is|was|would|will) it (?:really |actually |still )?"
          + "(?:(?:on|up to) [^?]{1,40}? to \\w+"
          + "|(?:be )?(?:possible|true|ok|okay|allowed|fine|necessary|required|mandatory|normal|expected|enough|worth it"
          + "|feasible|safe|our job|their job|my job|part of [\\w ]{1,30}?) (?:to|that|for|if)\\b)",
      Pattern.CASE_INSENSITIVE);
  /** What asks rather than names, at the start and end of a question. */
  private static final Pattern LEADING_ASK = Regex.compile(
      "^(?:is|are|does|do|can|could|will|would|should|who (?:is responsible for|handles|does|configures|sets up))\\s+"
          + "(?:(?:fasttrack|ft|microsoft|you|we|the benefit|the fasttrack benefit)\\s+)?(?:(?:help (?:us )?(?:with )?)\\s*)?",
      Pattern.CASE_INSENSITIVE);
  private static final Pattern TRAILING_ASK = Regex.compile(
      "\\s+(?:covered|included|in scope|out of scope|supported|provided|part of (?:the )?(?:benefit|onboarding))"
          + "(?=\\s|$)", Pattern.CASE_INSENSITIVE);
  private static final Pattern FOREST = Regex.compile(
      "\\s*\\b(?:for|in|with|across)\\s+(?:a |all |an |our )?(?:single|multiple|multi|several|many|two|three|\\d+)"
          + "[- ](?:ad |active directory )?forests?(?:\\s+(?:environments?|configurations?|setups?|scenarios?))?"
          + "|\\s*\\b(?:for|in|with) (?:a |an )?(?:single|multi)[- ]forest(?: environment| setup| configuration)?",
      Pattern.CASE_INSENSITIVE);
  private static final Pattern TOO = Regex.compile("\\s+(?:too|as well|also)$", Pattern.CASE_INSENSITIVE);

  private FollowUps() {}

  /** The follow-up as a whole question, or empty when it stands on its own. */
  public static Optional<String> resolve(String previous, String current) {
    if (previous == null || previous.isBlank()) {
      return Optional.empty();
    }
    String cur = trim(current);
    String prev = trim(previous);
    if (WHO_THAT.matcher(cur).matches()) {
      return Optional.of("Who is responsible for " + gerund(topic(prev)) + "?");
    }
    Matcher is = IS_THAT.matcher(cur);
    if (is.matches() && !EXPLETIVE_IT.matcher(cur).lookingAt()) {
      String rest = TOO.matcher(is.group(1).strip()).replaceAll("");
      return Optional.of("Is " + withoutForest(topic(prev)) + (rest.isEmpty() ? " covered" : " " + rest) + "?");
    }
    Matcher about = ABOUT.matcher(cur);
    if (!about.matches()) {
      return Optional.empty();
    }
    String x = TOO.matcher(firstGroup(about)).replaceAll("").strip();
    if (x.isEmpty()) {
      return Optional.empty();
    }
    if (!Classifier.forestConditions(x).isEmpty()) {
      // the same question for another forest topology
      String phrase = x.toLowerCase(Locale.ROOT).startsWith("for ") ? x : "for " + x;
      return Optional.of(withoutForest(prev) + " " + phrase + "?");
    }
    String lower = prev.toLowerCase(Locale.ROOT);
    if (lower.startsWith("who")) {
      return Optional.of("Who is responsible for " + x + "?");
    }
    if (lower.matches("^(how|what|which|when|where|why)\\b.*")) {
      return Optional.of(prev + " for " + x + "?");
    }
    Matcher forest = FOREST.matcher(prev);
    String condition = forest.find() ? forest.group().strip() : "";
    return Optional.of("Is " + x + " covered" + (condition.isEmpty() ? "" : " " + condition) + "?");
  }

  /** True for a message that only makes sense after an earlier question: "and for Intune?", "who does that then?". */
  public static boolean isFollowUp(String current) {
    String cur = trim(current);
    return WHO_THAT.matcher(cur).matches() || IS_THAT.matcher(cur).matches() && !EXPLETIVE_IT.matcher(cur).lookingAt()
        || ABOUT.matcher(cur).matches();
  }

  /**
   * A follow-up read on its own, when there is no earlier question: "and for Intune?" asks about Intune, "and who
   * configures DNS?" is that question. Empty when it needs what it follows: a pronoun ("who does that then?") or only a
   * forest topology ("and for a single forest?").
   */
  public static Optional<String> standalone(String current) {
    String cur = trim(current);
    if (WHO_THAT.matcher(cur).matches() || IS_THAT.matcher(cur).matches()) {
      return Optional.empty();
    }
    Matcher about = ABOUT.matcher(cur);
    if (!about.matches()) {
      return Optional.empty();
    }
    String x = TOO.matcher(firstGroup(about)).replaceAll("").strip();
    // what is left once a forest topology goes (the patterns take "for" off: "and for a single forest?")
    if (x.isEmpty() || FOREST.matcher(" for " + x).replaceAll("").isBlank()) {
      return Optional.empty();
    }
    if (AskingWords.ASKS_OPENING.matcher(x.toLowerCase(Locale.ROOT)).lookingAt()) {
      return Optional.of(Character.toUpperCase(x.charAt(0)) + x.substring(1) + "?");
    }
    return Optional.of("Is " + x + " covered?");
  }

  /** What a question is about: its words without the asking frame ("Is AD FS covered for …?" → "AD FS for …"). */
  static String topic(String question) {
    String t = LEADING_ASK.matcher(trim(question)).replaceFirst("");
    return TRAILING_ASK.matcher(t).replaceAll("").strip();
  }

  /** "configure DNS" → "configuring DNS": a task named by its verb reads as the thing someone is responsible for. */
  static String gerund(String topic) {
    String[] words = topic.split("\\s+", 2);
    String verb = words[0].toLowerCase(Locale.ROOT);
    if (!VERBS.contains(verb)) {
      return topic;
    }
    String ing;
    if (verb.endsWith("e") && !verb.endsWith("ee")) {
      ing = verb.substring(0, verb.length() - 1) + "ing";
    } else if (DOUBLED.contains(verb)) {
      ing = verb + verb.charAt(verb.length() - 1) + "ing";
    } else {
      ing = verb + "ing";
    }
    return words.length > 1 ? ing + " " + words[1] : ing;
  }

  private static final java.util.Set<String> VERBS = java.util.Set.of("configure", "set", "deploy", "install", "enable",
      "implement", "create", "manage", "perform", "run", "activate", "add", "use", "build", "migrate", "integrate",
      "connect", "upgrade", "enroll", "register", "provide", "write", "buy", "test", "verify", "review", "remove",
      "decommission", "plan", "design", "develop", "train", "support", "handle", "own", "assign", "license", "move",
      "update", "monitor", "package", "distribute", "procure", "prepare", "define", "establish", "validate");
  private static final java.util.Set<String> DOUBLED = java.util.Set.of("set", "run", "plan");

  private static String withoutForest(String text) {
    return FOREST.matcher(text).replaceAll("").strip();
  }

  private static String firstGroup(Matcher m) {
    for (int i = 1; i <= m.groupCount(); i++) {
      if (m.group(i) != null) {
        return m.group(i);
      }
    }
    return "";
  }

  private static String trim(String s) {
    return s.strip().replaceAll("[?!.\\s]+$", "");
  }
}

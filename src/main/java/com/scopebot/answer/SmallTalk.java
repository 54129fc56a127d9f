package com.scopebot.answer;

import com.scopebot.corpus.Corpus;
import com.scopebot.corpus.Document;
import com.scopebot.corpus.Regex;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Greetings, thanks and questions about the bot itself ("help", "what can you do?", "which documents do you use?"):
 * answered with what the bot covers, the documents and revisions it reads and example questions, never with "Not in
 * the documents". Only a whole message of that kind counts, so a scope question that starts with "hi" is still one.
 */
public final class SmallTalk {

  /** Questions shown to people who ask what the bot can do; none of them is an eval question. */
  public static final List<String> EXAMPLES = List.of(
      "Is AD FS in scope for a multi-forest setup?",
      "Who provides the public SSL certificates?",
      "Is hybrid Entra ID join part of the onboarding?");

  private static final Pattern GREETING = Regex.compile(
      "^(?:hi|hello|hey|hiya|howdy|yo|good (?:morning|afternoon|evening|day)|greetings)"
          + "(?: there| scopebot| bot| all| team| folks| everyone)?$");
  private static final Pattern THANKS = Regex.compile(
      "^(?:(?:ok|okay|great|perfect|awesome|cool|nice|brilliant)[, ]+)?(?:thanks|thank you|thx|ty|cheers|many thanks)"
          + "(?: a lot| so much| very much| again)?(?: scopebot| bot)?$|^(?:ok|okay|great|perfect|awesome|cool|got it|nice)$");
  private static final Pattern HELP = Regex.compile(
      "^(?:help|usage|\\?|how do i use (?:you|this|it|scopebot)|what can you do|what do you do|who are you|what are you"
          + "|what is (?:this|scopebot)|what can i ask(?: you)?|how does this work|what are you for)$");
  private static final Pattern DOCUMENTS = Regex.compile(
      "^(?:which|what) (?:documents|docs|sources|files|revisions|versions)(?: do you| are you| does scopebot)?"
          + "(?: use| using| know| cover| read| rely on| have| based on)?$"
          + "|^what do you (?:know|cover)(?: about)?$|^what (?:is|are) your sources$");

  // compiled once: String.replaceAll compiled them again for every message
  private static final Pattern TRAILING = Regex.compile("[!.?,;:)(\\s]+$");
  private static final Pattern LEADING = Regex.compile("^[@\\s]+");

  private SmallTalk() {}

  /** The kind of small talk a whole message is — help, greeting, thanks, documents — or empty for a real question. */
  public static Optional<String> kindOf(String cleaned) {
    String s = withoutTrailing(cleaned.toLowerCase(Locale.ROOT).replace('\u2019', '\''));
    // LEADING matches only at the start: a message that starts with neither "@" nor a space has nothing to drop
    if (!s.isEmpty() && (s.charAt(0) == '@' || Character.isWhitespace(s.charAt(0)))) {
      s = LEADING.matcher(s).replaceAll("");
    }
    s = s.strip();
    if (s.isEmpty() && cleaned.strip().equals("?")) {
      return Optional.of("help");
    }
    if (HELP.matcher(s).matches()) {
      return Optional.of("help");
    }
    if (DOCUMENTS.matcher(s).matches()) {
      return Optional.of("documents");
    }
    if (GREETING.matcher(s).matches()) {
      return Optional.of("greeting");
    }
    if (THANKS.matcher(s).matches()) {
      return Optional.of("thanks");
    }
    return Optional.empty();
  }

  /**
   * The text without the punctuation and spaces {@link #TRAILING} takes from its end. Its one match lies in the run of
   * such characters (and line ends, before which its {@code $} also matches) that ends the text, so the search starts
   * there instead of trying every space of the message.
   */
  static String withoutTrailing(String text) {
    int from = AskingWords.trailingRun(text, "!.?,;:)(");
    if (from == text.length()) {
      return text;
    }
    java.util.regex.Matcher m = TRAILING.matcher(text);
    return m.find(from) ? text.substring(0, m.start()) + text.substring(m.end()) : text;
  }

  /** The reply to a follow-up with no earlier question to follow: what to ask instead. */
  static Answer followsNothing(String question) {
    return Answer.smallTalk(question, "follow-up", "There is no earlier question here for \u201c" + question.strip()
        + "\u201d to follow. Ask the whole question, naming the task or service, for example: \u201c"
        + EXAMPLES.get(0) + "\u201d");
  }

  /** The reply: a friendly line, what the bot covers, the documents with their revisions, three examples. */
  static Answer reply(String question, String kind, Corpus corpus) {
    StringBuilder sb = new StringBuilder();
    switch (kind) {
      case "greeting" -> sb.append("Hi! ");
      case "thanks" -> sb.append("You're welcome. ");
      case "help" -> sb.append("How to use Scopebot: ");
      default -> { }
    }
    sb.append("I answer questions about what the FastTrack onboarding benefit covers and who does what, with a "
        + "verdict and the exact sentences of the documents it rests on.");
    if (!kind.equals("thanks")) {
      sb.append("\nDocuments I read:");
      corpus.documents().stream()
          .sorted(Comparator.comparing(Document::current).reversed().thenComparing(Document::title))
          .forEach(d -> sb.append("\n• ").append(d.title()).append(" (").append(d.revision())
              .append(d.current() ? "" : ", superseded").append(')'));
    }
    sb.append("\nTry:");
    EXAMPLES.forEach(e -> sb.append("\n• ").append(e));
    return Answer.smallTalk(question, kind, sb.toString());
  }
}

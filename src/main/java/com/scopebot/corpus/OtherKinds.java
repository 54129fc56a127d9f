package com.scopebot.corpus;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The constraint of a sentence that excludes the other kinds of a thing: "Password hash sync and password writeback
 * support multiple forests. However, other writeback scenarios aren't supported." keeps password writeback in and
 * leaves device, group and user writeback out ({@link Limit.Kind#OTHERS_EXCLUDED}). Read from the sentence and the
 * passage it stands in; held against the kinds a question names. Stateless and thread-safe.
 */
public final class OtherKinds {

  /** "other writeback scenarios aren't supported": every kind of the thing but the ones named beside it. */
  private static final Pattern OTHERS = Regex.compile("\\bother ([a-z][a-z-]{2,})(?: (?:scenarios?|cases?|types?|kinds?"
      + "|configurations?|options?|methods?|features?))? (?:are not|aren't|is not|isn't|are never) (?:supported|included"
      + "|covered|in scope|available)\\b");
  /**
   * Words before a thing's name that name no kind of it, besides {@link StopWords}: "other writeback", "any writeback".
   */
  private static final Set<String> NO_KIND = Set.of("other", "any", "all", "each", "every", "some", "those",
      "its", "your", "our", "more", "multiple", "several", "both");

  private OtherKinds() {}

  /**
   * The limit of a sentence that excludes the other kinds of a thing; its values are the kinds the passage names
   * ("password writeback"), the ones that stay in. Empty for any other sentence, or when the passage names none.
   */
  public static Optional<Limit> of(String sentence, String passage) {
    Matcher m = OTHERS.matcher(Classifier.fold(sentence));
    if (!m.find()) {
      return Optional.empty();
    }
    String thing = m.group(1);
    Set<String> kinds = new LinkedHashSet<>();
    Matcher named = kindsOf(thing).matcher(Classifier.fold(passage));
    while (named.find()) {
      if (!namesNoKind(named.group(1))) {
        kinds.add(named.group(1));
      }
    }
    return kinds.isEmpty() ? Optional.empty()
        : Optional.of(new Limit(Limit.Kind.OTHERS_EXCLUDED, m.group().trim(), thing, 0, kinds));
  }

  /** A kind of the limit's thing a question names that the documents do not ("device writeback"), or empty. */
  public static Optional<String> named(Limit l, String question) {
    Matcher m = kindsOf(l.subject()).matcher(question.toLowerCase(Locale.ROOT));
    while (m.find()) {
      String kind = m.group(1);
      if (!l.values().contains(kind) && !namesNoKind(kind) && EnglishWords.contains(kind)) {
        return Optional.of(kind);
      }
    }
    return Optional.empty();
  }

  private static boolean namesNoKind(String word) {
    return NO_KIND.contains(word) || StopWords.contains(word);
  }

  /** The word right before a thing's name: "password writeback", "device writeback". */
  private static Pattern kindsOf(String thing) {
    return Regex.compile("\\b([a-z][a-z-]+) " + Pattern.quote(thing) + "\\b");
  }
}

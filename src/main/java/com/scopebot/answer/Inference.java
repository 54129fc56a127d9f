package com.scopebot.answer;

import com.scopebot.corpus.Constraints;
import com.scopebot.corpus.Versions;
import com.scopebot.corpus.Limit;
import com.scopebot.corpus.OtherKinds;
import com.scopebot.corpus.Platforms;
import com.scopebot.corpus.Regex;
import com.scopebot.corpus.Statement;
import com.scopebot.corpus.StatementKind;
import com.scopebot.corpus.WordList;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Answers a coverage question by inference from a statement's limits: "up to two" answers a request for three, a list
 * of versions a question about another version, "a one time activity" a second run, "provided remotely" a request to
 * come on site, "business hours" a Saturday night, a condition the case without it.
 *
 * <p>Stateless; the limits were read at ingestion.
 */
final class Inference {

  private Inference() {}

  /** The limits that, in an exclusion, name what it excludes rather than limit what is granted. */
  private static final Set<Limit.Kind> NAMES_WHAT_IT_EXCLUDES = EnumSet.of(Limit.Kind.COUNT,
      Limit.Kind.MIN_COUNT, Limit.Kind.VERSIONS, Limit.Kind.MIN_VERSION, Limit.Kind.MAX_VERSION, Limit.Kind.NAMED_LIST,
      Limit.Kind.DEPLOYMENT,
      Limit.Kind.PLATFORMS);

  /** "There's no minimum licensing requirement for commercial ISVs building Windows 10 apps": who a least count spares. */
  private static final Pattern NO_MINIMUM = Regex.compile(
      "\\bno minimum (?:[a-z]+ ){0,2}requirements? for ([^.;:]{3,120})");

  /** The group a statement spares from a least count ({@link #NO_MINIMUM}), or empty. */
  static String exempted(Statement s) {
    java.util.regex.Matcher m = NO_MINIMUM.matcher(s.text().toLowerCase(Locale.ROOT));
    return m.find() ? m.group(1) : "";
  }

  /**
   * True when the request names a version that meets one of the statement's version limits: listed, at or above its
   * floor, at or below its ceiling ("Windows 8.1 Enterprise tablets" against "Source OS: Windows 7 …, Windows 8.1 …").
   */
  static boolean meetsVersion(Statement s, Question.Request r) {
    return s.limits().stream().anyMatch(l -> r.versions().entrySet().stream()
        .anyMatch(asked -> asked.getKey().equals(l.subject())
            && Versions.against(l, asked.getValue()) == Versions.Against.MEETS));
  }

  /** Why the request is beyond what the statement grants, in a sentence for people; empty when it is not. */
  static Optional<String> beyond(Statement s, Question.Request r) {
    if (!s.kind().grounds()) {
      return Optional.empty(); // a description's numbers describe; only what grants, excludes or requires limits
    }
    for (Limit l : s.limits()) {
      if (s.polarity().excludes() && NAMES_WHAT_IT_EXCLUDES.contains(l.kind())) {
        continue; // "… agents: Windows Server 2008" out of scope says nothing against 2012
      }
      if (!l.item().isEmpty() && !names(r.said(), l.item())) {
        continue; // "…, hybrid site creation (SharePoint 2013 only), …" limits that item, not hybrid search
      }
      Optional<String> why = switch (l.kind()) {
        case COUNT -> count(l, r);
        case MIN_COUNT -> r.counts().stream().filter(c -> c.n() < l.max() && overlaps(l.subject(), c.following()))
            .findFirst().map(c -> "The benefit requires " + l.phrase() + "; you asked about " + asked(c)
                + ", fewer than that.");
        case VERSIONS -> versionBeyond(l, r)
            .map(asked -> "The documents name " + l.phrase() + " only; " + asked + " is not among them.");
        case MIN_VERSION -> versionBeyond(l, r)
            .map(asked -> "The benefit requires " + l.phrase() + "; you asked about " + asked + ", an earlier version.");
        case MAX_VERSION -> versionBeyond(l, r)
            .map(asked -> "The documents cover " + l.phrase() + "; you asked about " + asked + ", a later version.");
        case ONE_TIME -> r.repeat()
            ? Optional.of("The documents make this a one-time activity (\u201c" + l.phrase() + "\u201d); doing it again is "
                + "beyond the benefit.")
            : Optional.empty();
        case REMOTE -> r.onSite()
            ? Optional.of("The documents say this is provided remotely; on-site work is not part of the benefit.")
            : Optional.empty();
        case DEPLOYMENT -> !r.deployment().isEmpty() && !r.deployment().equals(l.subject())
            ? Optional.of("The documents say this is " + l.phrase() + "; a deployment " + (r.deployment()
                .equals("cloud") ? "in the cloud" : "on premises") + " is not among them.")
            : Optional.empty();
        case NOT_PRODUCTION -> RequestWords.inProduction(r.said())
            ? Optional.of("The documents say this is not for production use (\u201c" + l.phrase() + "\u201d); your "
                + "question is about production.")
            : Optional.empty();
        case BUSINESS_HOURS -> r.offHours()
            ? Optional.of("The documents say this is available during " + l.phrase() + " only.")
            : Optional.empty();
        case CONDITION -> !r.without().isEmpty() && overlaps(l.phrase(), r.without())
            ? Optional.of("The documents make it conditional: only if " + l.phrase() + ".")
            : Optional.empty();
        case NAMED_LIST -> r.names().stream().filter(n -> !l.values().contains(n)).findFirst()
            .map(n -> "The documents list " + l.phrase() + "; " + capital(n) + " is not among them.");
        case PLATFORMS -> notListed(Platforms.named(r.said()), l.values())
            .map(p -> "The documents name " + l.phrase() + " only; " + Platforms.written(p) + " is not among them.");
        case DIRECTION -> l.values().stream().filter(r::says).findFirst()
            .map(other -> "The documents say \u201c" + l.phrase() + "\u201d; " + other + " is not part of it.");
        case SOURCE -> RequestWords.namesListing(r.without())
            ? Optional.of("The documents cover only what comes " + l.phrase()
                + "; your question is about one that does not.")
            : Optional.empty();
        case OTHERS_EXCLUDED -> OtherKinds.named(l, r.said())
            .map(k -> "The documents support " + String.join(" and ", l.values()) + " " + l.subject() + " only (\u201c"
                + l.phrase() + "\u201d); you asked about " + k + " " + l.subject() + ".");
        case UNAVAILABLE_IN -> l.values().stream().anyMatch(r::says)
            ? Optional.of("The documents say this is " + l.phrase() + ", which your question is about.")
            : Optional.empty();
        case PREREQUISITE -> !r.without().isEmpty() && overlaps(l.phrase(), r.without())
            ? Optional.of("The benefit requires this (\u201c" + l.phrase() + "\u201d), which your question says is missing.")
            : Optional.empty();
      };
      if (why.isPresent()) {
        return why;
      }
    }
    if (s.kind() == StatementKind.REQUIREMENT && !r.without().isEmpty() && overlaps(s.text(), r.without())) {
      // "Target OS: Windows 10 Enterprise" against "Windows 10 Pro (not Enterprise)"
      return Optional.of("The benefit requires this (\u201c" + s.text() + "\u201d), which your question says is missing.");
    }
    return Optional.empty();
  }

  /**
   * The request less the versions and names that a grant among the statements (of one document) lists. A list whose
   * items are statements of their own ("… operating systems: Windows Server 2016", "… : Windows Server 2012 R2") names its other
   * items elsewhere: one item is not all the list grants, and a version another item grants is not beyond it.
   */
  static Question.Request lessGranted(List<Statement> statements, Question.Request r) {
    return lessGranted(statements, r, true);
  }

  /**
   * The request less the versions that a grant among the statements names: a version granted by name in one statement
   * is not beyond another's list of versions, which limits that statement's own work. Names stay: two documents' lists
   * of languages differ by task.
   */
  static Question.Request lessVersionsGranted(List<Statement> statements, Question.Request r) {
    return lessGranted(statements, r, false);
  }

  private static Question.Request lessGranted(List<Statement> statements, Question.Request r, boolean listedNames) {
    if (r.versions().isEmpty() && (r.names().isEmpty() || !listedNames)) {
      return r;
    }
    Map<String, String> versions = new HashMap<>(r.versions());
    List<String> names = new ArrayList<>(r.names());
    for (Statement s : statements) {
      if (!s.kind().grounds() || s.polarity().excludes()) {
        continue;
      }
      for (Limit l : s.limits()) {
        String asked = versions.get(l.subject());
        if (l.kind() == Limit.Kind.VERSIONS && asked != null && l.values().contains(asked)) {
          versions.remove(l.subject());
        } else if (l.kind() == Limit.Kind.NAMED_LIST && listedNames) {
          names.removeIf(l.values()::contains);
        }
      }
    }
    return versions.size() == r.versions().size() && names.size() == r.names().size() ? r
        : new Question.Request(r.counts(), versions, r.repeat(), r.onSite(), r.offHours(), r.without(), names, r.from(),
            r.deployment(), r.said());
  }

  /**
   * True when an exclusion names the versions it excludes and the question asks about another version of the same
   * product ("… agents: Windows Server 2008" out of scope, asked about 2012 R2): the exclusion is about another case.
   */
  static boolean excludesOtherVersions(Statement s, Question.Request r) {
    if (!s.polarity().excludes() || r.versions().isEmpty()) {
      return false;
    }
    for (Limit l : s.limits(Limit.Kind.VERSIONS)) {
      if (versionBeyond(l, r).isPresent()) {
        return true;
      }
    }
    return false;
  }

  /** The version the request names of the limit's product that goes beyond the limit, or empty. */
  private static Optional<String> versionBeyond(Limit l, Question.Request r) {
    String asked = r.versions().get(l.subject());
    return asked != null && Versions.against(l, asked) == Versions.Against.BEYOND ? Optional.of(asked)
        : Optional.empty();
  }

  /** "Up to two test devices" against "three test devices": the counted things must be the same. */
  private static Optional<String> count(Limit l, Question.Request r) {
    for (Question.Request.Count c : r.counts()) {
      if (c.n() > l.max() && overlaps(l.subject(), c.following())) {
        return Optional.of("The benefit covers " + l.phrase() + "; you asked about " + asked(c) + ".");
      }
    }
    return Optional.empty();
  }

  /** The amount a question asked about, with what it counts when it says ("5 test devices"). */
  private static String asked(Question.Request.Count c) {
    StringBuilder what = new StringBuilder(c.written());
    for (String word : c.following().strip().split("\\s+")) {
      if (word.isEmpty() || Constraints.endsCount(word)) {
        break; // "2 servers for HA plus": what is counted ends where the sentence goes on
      }
      what.append(what.charAt(what.length() - 1) == '-' ? "" : " ").append(word); // "multi-site" stays one word
    }
    return what.toString();
  }

  /** True when the text holds most of the phrase's words (two thirds of its stems, each as a word's start). */
  static boolean names(String text, String phrase) {
    String[] wanted = contentStems(phrase);
    String[] held = contentStems(text);
    int found = 0;
    for (String w : wanted) {
      for (String h : held) {
        if (h.startsWith(w) || w.startsWith(h)) {
          found++;
          break;
        }
      }
    }
    return most(found, wanted.length);
  }

  /** True when {@code held} of {@code of} things is most of them: two thirds at least, and at least one. */
  /** The first platform asked about, when the list names none of those asked about. */
  private static Optional<String> notListed(Set<String> asked, Set<String> listed) {
    return Collections.disjoint(asked, listed) ? asked.stream().findFirst() : Optional.empty();
  }

  static boolean most(int held, int of) {
    return of > 0 && held * 3 >= of * 2;
  }

  /**
   * True when two phrases share a content word: the same word but for a plural -s, or one a shortening of the other
   * ("apps" and "applications", "test" and "testing").
   */
  static boolean overlaps(String a, String b) {
    String[] ys = contentStems(b);
    if (ys.length == 0) {
      return false;
    }
    for (String sx : contentStems(a)) {
      for (String sy : ys) {
        if (sx.startsWith(sy) || sy.startsWith(sx) || UNITS.same(sx, sy)) {
          return true;
        }
      }
    }
    return false;
  }

  /** Words that count the same thing ({@code words/units.txt}): "licenses" and "seats". */
  private static final Units UNITS = Units.load();

  /** Groups of words that count the same thing, each word made singular. */
  private record Units(Map<String, Integer> group) {
    static Units load() {
      Map<String, Integer> group = new HashMap<>();
      List<String> lines = WordList.load("units").phrases();
      for (int i = 0; i < lines.size(); i++) {
        for (String w : lines.get(i).split("\\s+")) {
          group.putIfAbsent(stem(w), i);
        }
      }
      return new Units(Map.copyOf(group));
    }

    boolean same(String a, String b) {
      Integer ga = group.get(a);
      return ga != null && ga.equals(group.get(b));
    }
  }

  /**
   * A phrase's words that can tie it to another, made singular: three letters or more and not a {@link #SMALL_WORDS
   * small word}. Kept by phrase: ranking asks this of the same few limits and question phrases for 80 candidates of
   * every question.
   */
  private static String[] contentStems(String phrase) {
    return STEMS.get(phrase, Inference::stemsOf);
  }

  private static String[] stemsOf(String phrase) {
    List<String> stems = new ArrayList<>();
    for (String w : NOT_WORD.split(phrase.toLowerCase(Locale.ROOT))) {
      String stem = stem(w);
      if (stem.length() >= 3 && !SMALL_WORDS.contains(stem)) {
        stems.add(stem);
      }
    }
    return stems.toArray(String[]::new);
  }

  /** Phrases whose stems are kept. */
  private static final Memo<String, String[]> STEMS = Memo.of(4_096);

  private static final Pattern NOT_WORD = Regex.compile("[^a-z0-9]+");

  /** Words too common to tie two phrases together. */
  private static final java.util.Set<String> SMALL_WORDS = java.util.Set.of("the", "and", "for", "each", "with", "per",
      "our", "your", "their", "all", "any", "one", "two", "are", "can", "will", "from", "that", "this", "to", "be");

  /** A plural made singular: "libraries" → "library", "servers" → "server". */
  private static String stem(String w) {
    if (w.endsWith("ies") && w.length() > 4) {
      return w.substring(0, w.length() - 3) + "y";
    }
    return w.endsWith("s") && !w.endsWith("ss") ? w.substring(0, w.length() - 1) : w;
  }

  static String format(double n) {
    return n == Math.rint(n) ? String.valueOf((long) n) : String.valueOf(n);
  }

  private static String capital(String w) {
    return w.isEmpty() ? w : w.substring(0, 1).toUpperCase(Locale.ROOT) + w.substring(1);
  }

}

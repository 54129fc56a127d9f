package com.scopebot.corpus;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The constraints a statement puts on what it grants, read once at ingestion as typed limits ({@link Limit}):
 * counts and least counts, versions ({@link Versions}), deployments, "one time", "remotely", business hours, closed
 * lists of names, conditions and prerequisites. Answers compare them with the facts a question states.
 *
 * <p>Stateless and thread-safe.
 */
public final class Constraints {

  private static final String NUMBER_WORD =
      "(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|single|a single|\\d{1,3})";
  /** The words that name what is counted stop at these: "one server on-premises" of "… with the RMS Connector". */
  private static final WordList NOT_COUNTED_WORDS = WordList.load("not-counted");
  private static final String NOT_COUNTED = "(?!" + NOT_COUNTED_WORDS.anywhereRegex() + "(?!-))";
  private static final Pattern COUNT = Regex.compile(
      "\\b(?:(up to|limited to|a maximum of|maximum of|no more than|at most|only)\\s+)?(" + NUMBER_WORD + ")"
          + "(?:\\s*\\(\\d+\\))?((?:(?:\\s+|(?<=single)-)" + NOT_COUNTED + "[a-z][a-z-]*){1,4})");
  /** A least count: "at least 150 licenses", "a minimum of 20 seats", "150 or more users", "150+ users". */
  private static final Pattern MIN_COUNT = Regex.compile(
      "\\b(?:(?:at least|a minimum of|minimum of|no fewer than|no less than)\\s+(\\d[\\d,]*|" + NUMBER_WORD + ")"
          + "(?:\\s*\\(\\d+\\))?|(\\d[\\d,]*)(?:\\s*\\+|\\s+or more\\b))((?:\\s+" + NOT_COUNTED + "[a-z][a-z-]*){1,3})");
  /** "limited to outbound provisioning only", "inbound only": a restriction to one direction. */
  private static final Pattern ONLY = Regex.compile("\\blimited to ([a-z-]+)(?: [a-z-]+){0,3} only\\b|\\b([a-z-]+) only\\b");
  /** Each direction and its opposites ({@code words/opposites.txt}). */
  private static final java.util.Map<String, Set<String>> OPPOSITES = opposites(WordList.load("opposites"));

  private static java.util.Map<String, Set<String>> opposites(WordList list) {
    java.util.Map<String, Set<String>> out = new java.util.HashMap<>();
    for (List<String> pair : list.groups()) {
      for (String a : pair) {
        out.computeIfAbsent(a, k -> new LinkedHashSet<>()).addAll(pair.stream().filter(b -> !b.equals(a)).toList());
      }
    }
    return java.util.Map.copyOf(out);
  }

  /** A plural alternative beside "single": "Single forest; Multiple forests" lists options, not a ceiling. */
  private static final Pattern PLURAL_ALTERNATIVE = Regex.compile(
      "\\b(?:multiple|several|many|more than one|two or more|multi-?)\\s*(?:[a-z-]+\\s+){0,3}[a-z]+");
  /** A clause that says whom a statement applies to: "for customers with ...", "if you have ...", "when ...". */
  private static final Pattern CONDITION_CLAUSE = Regex.compile(
      "\\bfor\\b[^,;:]*\\bwith\\b|\\b(?:if|when|where|whose)\\b");
  private static final Pattern CONDITION_BEFORE = Regex.compile("\\b(?:for|in|with|if|when)(?: an?| the)?\\s*$");
  /** The activity right before a number: "configuring", "licensing", "setting up". */
  private static final Pattern ACTIVITY_BEFORE = Regex.compile("\\b[a-z]{3,}ing(?: up)?\\s+$");
  /** A verb after the words a "one" counts: "one server cannot …" is the subject of a rule, not a count granted. */
  private static final Pattern SUBJECT_VERB = Regex.compile(
      "\\s(?:cannot|can't|can|must|mustn't|should|will|won't|may|might|could|would|is|isn't|are|aren't|does|doesn't)\\b");
  private static final Pattern OR_MORE = Regex.compile("^\\s*(?:\\(\\d+\\)\\s*)?or more\\b");
  private static final String NAMED_ITEM = "[A-Z][a-z]+(?: \\([A-Z][a-z]+\\))?(?: [A-Z][a-z]+)?";
  private static final Pattern NAMED_LIST = Regex.compile(
      NAMED_ITEM + "(?:,\\s+(?:and |or )?" + NAMED_ITEM + "){2,}(?:,?\\s+(?:and|or)\\s+" + NAMED_ITEM + ")?");
  private static final Pattern LIST_SEPARATOR = Regex.compile(",?\\s+(?:and|or)\\s+|,\\s+");
  /** A name as documents write one: capitalised or an acronym ("GCC High", "DoD", "21Vianet"). */
  private static final String ENVIRONMENT = "(?:[A-Z0-9][\\w-]*)(?:\\s+[A-Z0-9][\\w-]*)*";
  /** A list of them: "GCC High, DoD, and Office 365". */
  private static final String ENVIRONMENTS = ENVIRONMENT + "(?:(?:,\\s+|,?\\s+(?:or|and)\\s+)" + ENVIRONMENT + ")*";
  /** "(not available in GCC High or DoD plans)", "UM isn't supported for GCC DoD tenants": where it is not offered. */
  private static final Pattern UNAVAILABLE = Regex.compile(
      "(?:\\bnot|n't) ((?:available|supported|offered) (?:in|for|to|with)) (?:the )?(" + ENVIRONMENTS + ")");
  /** "All Microsoft clouds except GCC-High, DoD, and …": every environment but the ones it names. */
  private static final Pattern ALL_EXCEPT = Regex.compile(
      "(?i:\\ball (?:[\\w-]+ ){0,2}(?:clouds|regions|environments|tenants|plans|sovereign clouds) except (?:for )?)("
          + ENVIRONMENTS + ")");
  private static final Pattern ACRONYM = Regex.compile("(?:[A-Za-z0-9]*[A-Z]){2}[A-Za-z0-9]*");

  /**
   * The environments a restriction names, lower case: each as written, and its last word alone when that is an acronym
   * ("GCC DoD" is also "DoD"; "GCC High" is not "High").
   */
  private static Set<String> environments(String names) {
    Set<String> out = new LinkedHashSet<>();
    for (String name : LIST_SEPARATOR.split(names)) {
      String[] words = name.trim().split("\\s+");
      out.add(name.trim().toLowerCase(Locale.ROOT));
      out.add(name.trim().toLowerCase(Locale.ROOT).replace('-', ' ')); // "GCC-High" is asked as "GCC High" too
      if (words.length > 1 && ACRONYM.matcher(words[words.length - 1]).matches()) {
        out.add(words[words.length - 1].toLowerCase(Locale.ROOT));
      }
    }
    out.removeIf(String::isBlank);
    return out;
  }

  private static final Pattern ONE_TIME = Regex.compile(
      "\\bone[- ]time\\b|\\bonce (?:for|per|only)\\b|\\bonly once\\b|\\bsingle engagement\\b");
  /** Delivered from afar ("provided remotely", "remote support"), not a feature named remote ("remote assistance"). */
  private static final Pattern REMOTE = Regex.compile(
      "\\bremote(?:ly\\b|[- ]only\\b| (?:support|delivery|engagement|sessions?|onboarding|guidance)\\b)");
  /** The deployments a statement is for: "for cloud deployments", "cloud only", "on-premises only". */
  private static final Pattern CLOUD_ONLY = Regex.compile(
      "\\bfor cloud(?:-based)? (?:deployments?|environments?|implementations?|projects?|customers)\\b"
          + "|\\bcloud[- ]only\\b|\\bonline only\\b|\\bonly (?:for|in) (?:the )?cloud\\b");
  /** The listing a grant takes its apps from: "from the Azure Active Directory Marketplace", "from the Store". */
  private static final Pattern SOURCE = Regex.compile(
      "(?i)\\bfrom (?:the |an? )?(?:[\\w-]+ ){0,4}(?:marketplace|gallery|store|catalog(?:ue)?)\\b");
  private static final Pattern ON_PREMISES_ONLY = Regex.compile(
      "\\bfor on-?premises (?:deployments?|environments?|implementations?|projects?)\\b|\\bon-?premises only\\b");
  /** What is not for production use: "aren't meant for production", "for development and testing only". */
  private static final Pattern NOT_FOR_PRODUCTION = Regex.compile(
      "(?:\\bnot|n't) (?:be )?(?:meant|intended|recommended|supported|suitable|designed) (?:for|in) production\\b"
          + "|\\b(?:not for production|for (?:development|dev) and (?:testing|test)(?: purposes)? only"
          + "|(?:dev/test|development/test(?:ing)?) only)\\b");
  private static final Pattern HOURS = Regex.compile("\\b(?:normal |regular )?(?:business|working|office) hours\\b");
  /** What a sentence says is required; most sentences say nothing is, and the search costs a scan from every place. */
  private static final Regex.Needs PREREQUISITE =
      Regex.needing("([^,.;:()]*\\b(?:is|are) required)\\b", "is required", "are required");
  /**
   * What a sentence says someone must have to take part: "All implementation partners must have the Cloud Business
   * Applications competency", "The organization must have an implementation partner".
   */
  private static final Regex.Needs MUST_HAVE = Regex.needing(
      "\\b(?:must|needs? to) (?:have|hold|maintain)\\s+((?:an? |the )?[^,.;:()]{3,80})", "must ", "need");
  private static final Pattern NOT_A_PREREQUISITE = Regex.compile("(?i)\\b(?:if|whether|when|what|which|no|not)\\b");
  private static final Pattern CONDITION = Regex.compile(
      "\\b(?:supported|available|provided|included|possible|allowed|in scope|begins?|starts?|proceeds?)\\s+"
          + "(?:only\\s+)?(?:if|when|once|after|provided that)\\s+([^.;]+)|\\bonly (?:if|when|after)\\s+([^.;]+)"
          + "|\\b(?:as|so) long as\\s+([^.;]+)");

  private Constraints() {}

  /** True when a count's words end at this word (see {@code words/not-counted.txt}): a question's counts stop there too. */
  public static boolean endsCount(String word) {
    return NOT_COUNTED_WORDS.phrases().contains(word.toLowerCase(Locale.ROOT));
  }

  /** The limits a sentence states, each scoped to the list item it qualifies, if it qualifies one only. */
  public static List<Limit> of(String sentence) {
    String lower = Classifier.fold(sentence);
    List<Limit> limits = stated(sentence, lower);
    Platforms.listed(sentence, lower).ifPresent(limits::add);
    // an aside that limits one item needs a list (two commas at least) and a parenthesis
    if (lower.indexOf('(') < 0 || lower.indexOf(',') == lower.lastIndexOf(',')) {
      return limits;
    }
    List<Limit> scoped = new ArrayList<>(limits.size());
    for (Limit l : limits) {
      scoped.add(listItem(lower, l.phrase().toLowerCase(Locale.ROOT)).map(l::scopedTo).orElse(l));
    }
    return scoped;
  }

  /** An item of a list, then a parenthesis, then the next item: "…, hybrid site creation (SharePoint 2013 only), …". */
  private static final Pattern ITEM_WITH_ASIDE = Regex.compile(
      "(?:^|[,:;]|\\blike|\\bsuch as|\\bincluding)\\s*([^,:;()]{3,80}?)\\s*\\(([^()]{1,80})\\)\\s*(?:,|\\band\\b|\\bor\\b)");

  /**
   * The list item a limit qualifies when it is stated in a parenthesis after that item, with more items after it:
   * the aside limits that item, not the list. Empty when the limit is not stated so.
   */
  private static Optional<String> listItem(String lower, String phrase) {
    if (phrase.isEmpty()) {
      return Optional.empty();
    }
    Matcher m = ITEM_WITH_ASIDE.matcher(lower);
    while (m.find()) {
      if (m.group(2).contains(phrase)) {
        return Optional.of(m.group(1).strip());
      }
    }
    return Optional.empty();
  }

  /** @param lower the sentence as {@link Classifier#fold} gives it */
  private static List<Limit> stated(String sentence, String lower) {
    List<Limit> limits = new ArrayList<>();
    Matcher count = COUNT.matcher(lower);
    while (count.find()) {
      String trigger = count.group(1);
      String number = count.group(2);
      boolean onlyOne = number.equals("one") || number.contains("single");
      // "configuring two test distribution groups": what an activity is done to, counted, is how many it covers
      boolean counted = onlyOne || ACTIVITY_BEFORE.matcher(lower.substring(0, count.start())).find();
      if (trigger == null && !counted || OR_MORE.matcher(lower.substring(count.end(2))).find()) {
        continue;
      }
      // "a single-site configuration" shapes what is delivered: a count even where "in a single forest" is a condition
      boolean shape = count.group(3).startsWith("-");
      String following = count.group(3).replaceFirst("^-", "").trim();
      if (onlyOne && trigger == null && following.matches("^(of|or|time|more|another|way|day|to|sign)\\b.*")) {
        continue;
      }
      if (onlyOne && trigger == null && !ACTIVITY_BEFORE.matcher(lower.substring(0, count.start())).find()
          && SUBJECT_VERB.matcher(following).find()) {
        continue; // "one AADConnect server cannot synchronize to …": any one of them, the subject of a rule
      }
      if (trigger == null && !shape && CONDITION_BEFORE.matcher(lower.substring(0, count.start())).find()) {
        continue; // "for a single forest": a condition the statement applies under, not a quantity it grants
      }
      if (trigger == null && !shape && CONDITION_CLAUSE.matcher(clauseBefore(lower, count.start())).find()) {
        continue; // "for customers with a single forest ... and a single resource forest": who it applies to
      }
      double n = number(number);
      if (n > 0 && !(onlyOne && pluralAlternative(lower, following))) {
        limits.add(new Limit(Limit.Kind.COUNT, count.group().trim(), following, n, Set.of()));
      }
    }
    Matcher least = MIN_COUNT.matcher(lower);
    while (least.find()) {
      String written = least.group(1) != null ? least.group(1) : least.group(2);
      double n = number(written);
      if (n > 0) {
        limits.add(new Limit(Limit.Kind.MIN_COUNT, least.group().trim(), least.group(3).trim(), n, Set.of()));
      }
    }
    Matcher only = ONLY.matcher(lower);
    while (only.find()) {
      String direction = only.group(1) != null ? only.group(1) : only.group(2);
      if (OPPOSITES.containsKey(direction)) {
        limits.add(new Limit(Limit.Kind.DIRECTION, only.group().trim(), direction, 0, OPPOSITES.get(direction)));
      }
    }
    Versions.read(sentence, limits);
    Matcher list = NAMED_LIST.matcher(sentence);
    while (list.find()) {
      List<String> items = List.of(LIST_SEPARATOR.split(list.group()));
      long names = items.stream().filter(i -> List.of(i.split("[\\s()]+")).stream().anyMatch(EnglishWords::isName)).count();
      if (names * 2 >= items.size()) {
        Set<String> values = new LinkedHashSet<>();
        items.forEach(i -> values.addAll(List.of(i.toLowerCase(Locale.ROOT).split("[\\s()]+"))));
        values.removeIf(String::isBlank);
        limits.add(new Limit(Limit.Kind.NAMED_LIST, list.group(), "", 0, values));
      }
    }
    Matcher unavailable = UNAVAILABLE.matcher(sentence);
    while (unavailable.find()) {
      limits.add(new Limit(Limit.Kind.UNAVAILABLE_IN, "not " + unavailable.group(1) + " " + unavailable.group(2), "", 0,
          environments(unavailable.group(2))));
    }
    Matcher allExcept = ALL_EXCEPT.matcher(sentence);
    while (allExcept.find()) {
      limits.add(new Limit(Limit.Kind.UNAVAILABLE_IN, "not for " + allExcept.group(1), "", 0,
          environments(allExcept.group(1))));
    }
    find(ONE_TIME, lower, Limit.Kind.ONE_TIME, "", limits);
    find(REMOTE, lower, Limit.Kind.REMOTE, "", limits);
    find(HOURS, lower, Limit.Kind.BUSINESS_HOURS, "", limits);
    find(NOT_FOR_PRODUCTION, lower, Limit.Kind.NOT_PRODUCTION, "", limits);
    find(CLOUD_ONLY, lower, Limit.Kind.DEPLOYMENT, "cloud", limits);
    find(ON_PREMISES_ONLY, lower, Limit.Kind.DEPLOYMENT, "on-premises", limits);
    find(SOURCE, sentence, Limit.Kind.SOURCE, "", limits);
    Matcher r = PREREQUISITE.mayMatch(sentence) ? PREREQUISITE.matcher(sentence) : null;
    while (r != null && r.find()) {
      String phrase = r.group(1).trim();
      if (NOT_A_PREREQUISITE.matcher(phrase).find()) {
        continue; // "to determine if any changes are required": a question, not a requirement
      }
      String[] words = phrase.replaceFirst("\\s+(?:is|are) required$", "").split("\\s+");
      // the thing required is the last word before "is required": "a Team Viewer subscription"
      limits.add(new Limit(Limit.Kind.PREREQUISITE, phrase, words[words.length - 1].toLowerCase(Locale.ROOT), 0, Set.of()));
    }
    Matcher m = MUST_HAVE.mayMatch(lower) ? MUST_HAVE.matcher(lower) : null;
    while (m != null && m.find()) {
      String[] words = m.group(1).trim().split("\\s+");
      // the thing to have is the last word of what follows: "the ... silver or gold competency"
      limits.add(new Limit(Limit.Kind.PREREQUISITE, m.group().trim(), words[words.length - 1], 0, Set.of()));
    }
    Matcher c = CONDITION.matcher(lower);
    if (c.find()) {
      String what = c.group(1) != null ? c.group(1) : c.group(2) != null ? c.group(2) : c.group(3);
      limits.add(Limit.of(Limit.Kind.CONDITION, what.trim()));
    }
    return limits;
  }

  /** The text from the start of the clause that holds a position up to it (clauses end at , ; and :). */
  private static String clauseBefore(String lower, int at) {
    int from = Math.max(Math.max(lower.lastIndexOf(',', at - 1), lower.lastIndexOf(';', at - 1)),
        lower.lastIndexOf(':', at - 1));
    return lower.substring(from + 1, at);
  }

  /** True when the sentence also names more than one of what "single" or "one" counts: it lists options. */
  private static boolean pluralAlternative(String lower, String following) {
    String[] words = following.split("\\s+");
    String counted = singular(words[words.length - 1]);
    Matcher m = PLURAL_ALTERNATIVE.matcher(lower);
    while (m.find()) {
      for (String w : m.group().split("[\\s-]+")) {
        if (singular(w).equals(counted)) {
          return true;
        }
      }
    }
    return false;
  }

  private static String singular(String w) {
    return w.endsWith("s") && !w.endsWith("ss") ? w.substring(0, w.length() - 1) : w;
  }

  /** The first limit of a kind the pattern finds, for the subject given ("cloud" of "cloud only"), if any. */
  private static void find(Pattern p, String lower, Limit.Kind kind, String subject, List<Limit> into) {
    Matcher m = p.matcher(lower);
    if (m.find()) {
      into.add(new Limit(kind, m.group().trim(), subject, 0, Set.of()));
    }
  }

  /** A number written as a word or in digits; 0 when it is neither. */
  public static double number(String word) {
    String w = word.toLowerCase(Locale.ROOT).replace("a single", "single").trim();
    List<String> words = List.of("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
        "eleven", "twelve");
    int i = words.indexOf(w);
    if (i >= 0) {
      return i;
    }
    if (w.equals("single")) {
      return 1;
    }
    double thousands = w.endsWith("k") ? 1000 : 1; // chat's "12k seats"
    try {
      return thousands * Double.parseDouble(w.substring(0, w.length() - (thousands > 1 ? 1 : 0)).replace(",", ""));
    } catch (NumberFormatException e) {
      return 0;
    }
  }
}

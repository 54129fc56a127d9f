package com.scopebot.answer;

import com.scopebot.corpus.Constraints;
import com.scopebot.corpus.Versions;
import com.scopebot.corpus.Regex;
import com.scopebot.corpus.WordList;
import com.scopebot.corpus.TextRepair;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a question asks for that a document's limits can answer ({@link Question.Request}): counts, product versions,
 * a second round, work on site or out of hours, a case lacking something, where the customer runs it. English only;
 * no word here names a product or a document's topic.
 */
final class RequestWords {

  private RequestWords() {}

  /** Digits (with thousands commas, or "k" for thousands: "12k seats") or a number word. */
  private static final String NUMBER_WORD =
      "(\\d{1,3}(?:,\\d{3})*(?:\\.\\d+)?k|\\d{1,3}(?:,\\d{3})*|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)";
  /** A count and the words after it, which may name a product with digits before the unit: "120 Office 365 E3 seats". */
  private static final Pattern COUNT = Regex.compile(
      "(?<![\\w.])~?" + NUMBER_WORD + "(?![\\w.:/])(\\s+[a-z][a-z-]*"
          // not across "and", "or", "plus": "3 sites and 200 users" counts two things
          + "(?:\\s+(?!(?:and|or|plus|with|but|then)\\b)[a-z0-9][a-z0-9-]*){0,3})");
  /**
   * A count with no number: "every SharePoint library", "all of our devices", "each user". It asks about more than
   * any limit grants, of what follows it; not a time ("after each batch": each time, not every batch).
   */
  private static final Regex.Needs EVERY = Regex.needing(
      "(?<!\\b(?:after|before|during|at|following|until|per) )"
          + "\\b(every|each|all(?: of)?(?: our| the| their| your| its)?)\\s+((?:[a-z][a-z-]*\\s+){0,3}[a-z][a-z-]*)",
      "every", "each", "all ");
  /** More than one with no number: "a multi-site design", "multiple tenants", "several sites" (two at least). */
  private static final Regex.Needs MANY = Regex.needing(
      "\\b(multi-|multiple\\s+|several\\s+|more than one\\s+)([a-z][a-z-]*)", "multi", "several", "more than one");
  /** Words after "multi-" or "multiple" that name a kind of thing rather than how many: "multi-factor", "multiple times". */
  private static final java.util.Set<String> NOT_MANY = java.util.Set.of("factor", "geo", "step", "times", "purpose", "session",
      "stage", "user");
  /** A product and its version: "exchange 2007", "sharepoint server 2016", "ad fs 1.1". */
  private static final Pattern VERSION = Regex.compile(
      "\\b(?:([a-z]++)\\s++)?([a-z]++)\\s++(" + Versions.VERSION + ")\\b");
  /** A product's short name and the name ({@code words/product-short-names.txt}): "win" → "windows". */
  private static final Map<String, String> SHORT_NAMES = shortNames(WordList.load("product-short-names"));

  /** A short name with its version: "Win10", "win 8.1". */
  private static final Pattern SHORT_NAME_VERSION = Regex.compile(
      "(?i)\\b(" + String.join("|", SHORT_NAMES.keySet()) + ")\\s?(?=\\d)");

  /** The text with each product's short name before a version written in full: "Win10 Enterprise" → "windows 10 Enterprise". */
  static String withFullNames(String text) {
    Matcher m = SHORT_NAME_VERSION.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(out, Matcher.quoteReplacement(SHORT_NAMES.get(m.group(1).toLowerCase(Locale.ROOT)) + " "));
    }
    return m.appendTail(out).toString();
  }

  private static Map<String, String> shortNames(WordList list) {
    Map<String, String> out = new LinkedHashMap<>();
    for (List<String> names : list.groups()) {
      names.subList(1, names.size()).forEach(shortName -> out.put(shortName, names.get(0)));
    }
    return Map.copyOf(out);
  }

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
          + "|in[- ]person\\b|visit (?:us|our)\\b|(?<!\\b(?:never|not|rarely|seldom) |n't )come (?:to|into) (?:our|us)\\b"
          + "|at our (?:office|site|premises|location)\\b|physically\\b"
          // not a place things never come to: "laptops that never come to the office"
          + "|(?<!\\b(?:never|not|rarely|seldom) |n't )(?:send|sends|sending|fly|flies|travel|travels|come|comes)\\b"
          + "[^.?!]{0,30}?\\bto (?:our|their|the customer's|the)"
          + " (?:offices?|sites?|plants?|premises|locations?|hq|headquarters|buildings?|campus|factory|warehouse|branch))",
      "site", "person", "visit ", "come ", "at our ", "physically", "send", "fly", "flies", "travel");
  private static final Regex.Needs OFF_HOURS = Regex.needing(
      "\\b(?:weekends?\\b|saturdays?\\b|sundays?\\b|overnight\\b|at night\\b|after[- ]hours\\b|out of hours\\b"
          + "|outside (?:of )?(?:business|office|working) hours\\b|24/7\\b|24x7\\b|holidays?\\b"
          + "|\\d{1,2}:\\d{2}\\b|midnight\\b)",
      "weekend", "saturday", "sunday", "night", "hours", "24/7", "24x7", "holiday", "0:", "1:", "2:", "3:", "4:", "5:",
      "6:", "7:", "8:", "9:");
  /** A case lacking something: "without forest trusts", "no trust between them", "before the core work is done". */
  private static final Regex.Needs WITHOUT = Regex.needing(
      "(?:\\b|(?=\\())(?:without|no|lacking"
          // "before we have the licences" lacks them; "before FastTrack can help" is when, not what is missing
          + "|before(?!\\s+(?:fasttrack|ft|microsoft|you|they|the fasttrack)\\b)|don't have|do not have|doesn't have|does not have|haven't got|there's no|there is no"
          // "we don't own any TeamViewer licences yet", "they haven't bought the add-on"
          + "|(?:don't|do not|doesn't|does not) own|(?:haven't|have not|hasn't|has not) (?:yet )?(?:bought|purchased)"
          // "the emulators don't report a serial number": what a thing does not give, it lacks
          + "|(?:don't|do not|doesn't|does not|can't|cannot) (?:report|expose|send|return)"
          // "the AD team refuses to configure name suffix routing": what a side will not put in place, the case lacks
          + "|(?:refuses?|refused|refusing|declines?|declined|declining) to (?:configure|set up|enable|deploy|install"
          + "|turn on|allow|open|create)"
          + "|don't meet|do not meet|doesn't meet|does not meet|can't meet|cannot meet|fails? to meet"
          // "through Microsoft Store for Business, not through Intune": the way it is not done
          + "|not (?:through|via|using|with|in)|instead of|rather than"
          // "Windows 10 Pro (not Enterprise)", "with Workspace ONE, not MEM": the thing it is not, but not a side
          + "|(?:\\(|, )not(?! (?:us|we|ours|our|me|fasttrack|ft|microsoft|them|they|you|yet|sure|just|only|all|every"
          + "|really|necessarily|even|always|now|anymore|too|so|that|this|the partner)\\b))"
          + " (?:any |a |an |the )?([a-z][a-z0-9 -]{2,40})",
      "without ", "no ", "lacking ", "before ", "have ", "got ", "meet", "not ", "instead of", "rather than", " own",
      "bought", "purchased", "report", "expose", "send", "return", "refus", "declin");
  /**
   * A case lacking something, said after it: "name suffix routing isn't set up", "the trust is not in place yet", "AD
   * CS is missing". Up to four words before the negation name what is lacking.
   */
  private static final Regex.Needs NOT_IN_PLACE = Regex.needing(
      "((?:[a-z0-9][a-z0-9-]* ){0,3}[a-z0-9][a-z0-9-]*) (?:(?:isn't|isnt|is not|aren't|arent|are not|wasn't|was not"
          + "|weren't|were not|hasn't been|has not been|haven't been|have not been) (?:yet )?(?:set up|setup|configured"
          + "|in place|enabled|deployed|installed|there)|(?:is|are) (?:still )?missing)\\b",
      "n't ", "nt ", " not ", "missing");
  /** The words for a listing of apps to choose from. */
  private static final String LISTING = "(?:marketplace|gallery|store|catalog(?:ue)?)\\b";
  /**
   * A case outside a listing of apps: "an in-house app that isn't in the gallery", "not from the Store", "a
   * non-gallery app". What it is outside is what the case lacks.
   */
  private static final Regex.Needs NOT_LISTED = Regex.needing(
      "(?:(?:isn't|isnt|is not|aren't|arent|are not|not) (?:in|on|from|listed in|listed on|part of) "
          + "(?:the |a |an |any )?"
          + "|\\bnon-)((?:[a-z0-9-]+ ){0,3}" + LISTING + ")",
      "n't ", "nt ", "not ", "non-");
  private static final Pattern LISTING_WORD = Regex.compile("\\b" + LISTING);

  /** True when what the question says its case lacks is a listing of apps ({@link #NOT_LISTED}). */
  static boolean namesListing(String lacking) {
    return LISTING_WORD.matcher(lacking).find();
  }

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

  /** What a question asks for that limits answer: again, on site, out of hours. */
  private static final List<Regex.Needs> REQUEST = List.of(REPEAT, ON_SITE, OFF_HOURS);

  /** True when the text states what a limit answers ({@link #REQUEST}). */
  static boolean statesRequest(String text) {
    String lower = text.toLowerCase(Locale.ROOT);
    return REQUEST.stream().anyMatch(p -> p.find(lower));
  }

  /** The words that state what limits answer ("on site", "again", "Saturday 02:00"): the request, not the topic. */
  static String withoutRequest(String text) {
    String lower = text.toLowerCase(Locale.ROOT);
    for (Regex.Needs p : REQUEST) {
      lower = p.replaceAll(lower, " ");
    }
    return lower;
  }

  /** Units of time: "days or weeks?" after "how long" says what kind of answer is wanted. */
  private static final Pattern TIME_UNITS = Regex.compile("\\b(?:minutes?|hours?|days?|weeks?|months?|years?)\\b");

  /** The text without its units of time. */
  static String withoutTimeUnits(String text) {
    return TIME_UNITS.matcher(text).replaceAll(" ");
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
      if (TIME_UNIT.matcher(lower).region(m.end(1), lower.length()).lookingAt()
          || text.length() == lower.length() && afterName(text, m.start(1))) {
        continue;
      }
      double n = Constraints.number(m.group(1));
      if (n >= 2) {
        counts.add(new Question.Request.Count(n, m.group(2).trim(), Inference.format(n)));
      }
    }
    if (MANY.mayMatch(lower)) {
      Matcher many = MANY.matcher(lower);
      while (many.find()) {
        // "several days" is a time, "multi-factor" a kind of thing: neither counts anything
        if (!TIME_UNIT.matcher(many.group(2)).lookingAt() && !NOT_MANY.contains(many.group(2))) {
          counts.add(new Question.Request.Count(2, many.group(2), many.group(1).strip()));
        }
      }
    }
    if (EVERY.mayMatch(lower)) {
      Matcher all = EVERY.matcher(lower);
      while (all.find()) {
        counts.add(new Question.Request.Count(Double.POSITIVE_INFINITY, all.group(2).trim(), all.group(1)));
      }
    }
    Map<String, String> versions = new LinkedHashMap<>();
    Matcher v = VERSION.matcher(lower);
    int versionFrom = versionFrom(lower);
    for (boolean found = versionFrom >= 0 && v.find(versionFrom); found; found = v.find()) {
      if (v.group(3).equals("365") || TIME_UNIT.matcher(lower).region(v.end(), lower.length()).lookingAt()
          || timeOfDay(lower, v.end()) || Versions.isMonth(v.group(2))) {
        continue; // "until november 9": a date
      }
      versions.put(SHORT_NAMES.getOrDefault(v.group(2), v.group(2)), v.group(3));
      if (v.group(1) != null && EDITION.contains(v.group(2))) {
        versions.putIfAbsent(v.group(1), v.group(3)); // "SharePoint Server 2016" is a version of SharePoint too
      }
    }
    return new Question.Request(counts, versions, REPEAT.find(lower), ON_SITE.find(lower), OFF_HOURS.find(lower),
        lacking(lower), List.of(), "", deploymentOf(lower), TextRepair.foldSpace(lower));
  }

  /**
   * Production use: "in prod", "for production", "our production cluster", "(prod)"; not "non-production" or
   * "pre-production".
   */
  private static final Pattern PRODUCTION_USE = Regex.compile(
      "\\b(?:in|for|into|on|to) (?:our |the |a )?prod(?:uction)?\\b(?!-)"
          + "|(?<![\\w-])prod(?:uction)? (?:workloads?|clusters?|environments?|use|traffic|systems?|servers?|deployments?"
          + "|devices?|machines?|boxes|apps?|databases?|tenants?|subscriptions?)\\b|\\(prod(?:uction)?\\)");

  /** True when the lower-case question says the case is production use. */
  static boolean inProduction(String lower) {
    return lower.contains("prod") && PRODUCTION_USE.matcher(lower).find();
  }

  /** What the question says its case lacks ("without forest trusts", "suffix routing isn't set up"), or empty. */
  private static String lacking(String lower) {
    for (Regex.Needs form : List.of(NOT_LISTED, WITHOUT, NOT_IN_PLACE)) {
      Matcher w = form.mayMatch(lower) ? form.matcher(lower) : null;
      if (w != null && w.find()) {
        return w.group(1).trim();
      }
    }
    return "";
  }

  /**
   * True when the number at {@code at} follows a capitalised name that does not open the sentence ("Windows 10
   * devices", "Exchange 2013 mailboxes"): the product's version, not how many of something.
   */
  private static boolean afterName(String text, int at) {
    return NAME_BEFORE.matcher(text).region(Math.max(0, at - NAME_REACH), at).find();
  }

  /** A capitalised name right before a number, after a word of the same sentence (see {@link #afterName}). */
  private static final Pattern NAME_BEFORE = Regex.compile("[^.!?:\\s]\\s+\\p{Lu}\\p{L}{2,} +$");
  /** How far before a number its name is looked for, in characters. */
  private static final int NAME_REACH = 60;

  /** True when a number ending at {@code end} is the hour of a time of day ("saturday 02:00"), never a version. */
  private static boolean timeOfDay(String lower, int end) {
    return end + 1 < lower.length() && lower.charAt(end) == ':' && Character.isDigit(lower.charAt(end + 1));
  }
}

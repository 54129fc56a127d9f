package com.scopebot.answer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.scopebot.Fixtures;
import com.scopebot.corpus.Classifier;
import com.scopebot.corpus.Condition;
import com.scopebot.corpus.Regex;
import com.scopebot.index.PassageIndex;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The cheap checks that let a question skip a search never skip one that would have found something: over every eval
 * question, variants of them, every statement of the bundled corpus and cases written to pass each check.
 */
class QuestionGuardsTest {

  /**
   * For each pattern given with strings, texts it matches that hold one of its strings only, one text at least for
   * each string: each string is then one the check cannot do without.
   */
  private static final java.util.Map<String, List<String>> ONE_STRING_EACH = java.util.Map.ofEntries(
      java.util.Map.entry("RequestWords.EVERY", List.of("every device", "each user", "all of our devices")),
      java.util.Map.entry("RequestWords.MANY", List.of("a multi-site design", "several sites", "more than one tenant")),
      java.util.Map.entry("RequestWords.REPEAT", List.of(
          "do it again", "a second round", "once more please", "another round", "re-do the setup", "redo the setup",
          "rerun it", "reonboard us")),
      java.util.Map.entry("RequestWords.ON_SITE", List.of(
          "work on site", "meet in person", "visit us", "come to our office", "work at our premises",
          "physically present", "send an engineer to our plant", "fly an engineer to our factory",
          "he flies to our hq", "travel to the customer's warehouse")),
      java.util.Map.entry("RequestWords.OFF_HOURS", List.of(
          "at the weekend", "on saturday", "on sunday", "at night", "after hours", "support 24/7", "support 24x7",
          "on a holiday", "at 0:30", "at 1:30", "at 2:30", "at 3:30", "at 4:30", "at 5:30", "at 6:30", "at 7:30",
          "at 8:30", "at 9:30")),
      java.util.Map.entry("RequestWords.WITHOUT", List.of(
          "without trusts", "no trust between them", "lacking trusts", "before the core work",
          "we don't have trusts", "we haven't got trusts", "they don't meet the requirements",
          "through the store, not through intune", "instead of intune", "rather than intune",
          "we don't own the licences", "they haven't bought the add-on", "the customer hasn't purchased the suite",
          "the emulators don't report a serial number", "the portal doesn't expose the designation",
          "the device can't send telemetry", "the api doesn't return the model",
          "the ad team refuses to configure suffix routing", "they declined to open the firewall")),
      java.util.Map.entry("RequestWords.NOT_LISTED", List.of(
          "an app that isn't in the gallery", "an app that isnt in the gallery", "not from the store",
          "a non-gallery app")),
      java.util.Map.entry("RequestWords.NOT_IN_PLACE", List.of(
          "suffix routing isn't set up", "the trust isnt configured", "the trust is not in place", "ad cs is missing")),
      java.util.Map.entry("ClaimWords.CHECKS_CLAIM", List.of(
          "who's right", "correct?", "who is wrong", "true?", "accurate?", "is that so", "is this so", "is it so")),
      java.util.Map.entry("AskingWords.ASKS_WHAT_IT_MEANS", List.of(
          "what is that", "what's that?", "what\u2019s this", "just intune or does it cover more", "sds stand for",
          "does sds mean intune")),
      java.util.Map.entry("AskingWords.ASKS_DOER_OF", List.of("who grants the access")),
      java.util.Map.entry("AskingWords.NAMES_BACK", List.of(
          "onboard them", "migrate those", "are these covered", "onboard that for us", "do that through ft",
          "onboard that via ft", "can ft deliver that training?", "do you support this feature?",
          "is the benefit available there?")),
      java.util.Map.entry("AskingWords.ASKS_LATER", List.of(
          "it is covered?", "it is included", "it is in scope?", "it is supported", "it is possible?",
          "that is true?", "that is right?", "i am asking whether it works", "she asks if it works",
          "he asked whether it works", "wondering if it works", "he wonders whether it works",
          "we want to know if it works", "checking whether it works")),
      java.util.Map.entry("QuestionIntent.ASKS_NUMBER", List.of(
          "how many devices", "what number of devices")),
      java.util.Map.entry("QuestionIntent.ON_A_SIDE", List.of("is it on us", "is that on you", "is it on me")),
      java.util.Map.entry("QuestionIntent.ASKS_PRICE", List.of(
          "how much do we pay", "what does it cost", "the price", "the pricing", "what's the fee")),
      java.util.Map.entry("QuestionIntent.ASKS_ELIGIBILITY", List.of(
          "do they qualify", "does it meet the bar", "does it satisfy the terms", "would it fulfill the terms",
          "are they eligible")),
      java.util.Map.entry("QuestionIntent.ASKS_ORDER", List.of(
          "does it start after onboarding", "can it begin before the review", "does it run until go-live",
          "does it start once we sign", "can it kick off in parallel", "do the records already need to point there",
          "does the upgrade need to be done first")),
      java.util.Map.entry("QuestionIntent.ASKS_VERSION", List.of(
          "which versions are supported", "what domino server version do we need", "the minimum windows 10 build",
          "the oldest release we can run")),
      java.util.Map.entry("QuestionIntent.ASKS_NAMES", List.of(
          "which languages are supported", "in what regions is it offered")),
      java.util.Map.entry("QuestionIntent.ASKS_TIME", List.of(
          "when does it start", "what time is it", "the deadline", "within a week")),
      java.util.Map.entry("QuestionIntent.ASKS_DURATION", List.of(
          "how long does it take", "how soon", "how quickly do they answer", "how fast is it",
          "how often do they call", "how frequently", "what response time can we expect", "the turnaround",
          "what's the sla")),
      java.util.Map.entry("QuestionIntent.WHO", List.of(
          "who does it", "a commitment", "obliged to do it", "responsible for it", "the owner", "she owns it",
          "accountable for it", "our job", "our duty", "our task", "do we handle it", "must we handle it",
          "should we handle it", "shall we handle it", "will we handle it", "is the engineer doing it alone or with us",
          "on their own or together with our team", "by themselves or with us", "by itself or with us",
          "does ft group them on their own or do they need info from us", "are we required to attend", "is fasttrack committed to it",
          "is our team expected to attend", "are customers supposed to attend", "or is that fasttrack's problem")),
      java.util.Map.entry("QuestionIntent.AGENT_DOES", List.of(
          "will someone walk us through it", "would you set it up", "can fasttrack set it up", "could ft set it up",
          "does microsoft set it up", "do you guys set it up")),
      java.util.Map.entry("QuestionIntent.INFO", List.of(
          "where is it", "how?", "list them", "name them", "describe it", "do we need an agent",
          "will we need a license", "would we need a license", "during which phase", "in what order",
          "for which users", "at what point", "on which devices", "by which date", "from which version",
          "with which tools", "to what extent", "after which step", "before which step", "until which date",
          "so how many", "is it required", "the requirements", "the prerequisites", "is it needed", "the languages",
          "is it mandatory", "is it optional", "enough, or do they need e5 on top", "or will they need e5",
          "or would they need e5")),
      java.util.Map.entry("AskingWords.ONLY_ASKS", List.of(
          "will that work", "will it fly", "would it be ok", "would it be fine", "a quick list of what it covers")),
      java.util.Map.entry("QuestionIntent.YES_NO", List.of(
          "is it", "are they", "do they", "did they", "will they", "would they", "can they", "could they",
          "should they", "shall they", "has it", "have they", "may they", "might they", "must they", "it is covered",
          "it is included", "it is in scope", "it is out of scope", "it is supported", "it is provided",
          "it was promised")),
      java.util.Map.entry("QuestionIntent.REPORTED_YES_NO", List.of(
          "she asks whether", "he asks if", "they are asking if", "I asked whether", "we wonder if", "I wonder whether",
          "I'm wondering if", "he wants to know if", "they want to know whether", "just checking if")),
      java.util.Map.entry("QuestionIntent.ASKS_COVERAGE", List.of(
          "does it cover that", "does it include that", "is it in scope", "is it out of scope", "is it part of that",
          "do they offer that", "do they provide that", "can they help", "can they assist", "do they support that")));

  private static List<String> texts() throws Exception {
    List<String> texts = new ArrayList<>(List.of(
        "us or FastTrack?", "do we send the invite, or does FastTrack handle it?", "their engineers or\tour team?",
        "our team wants to know if FastTrack migrates mail", "I'm WONDERING whether SSO is in scope",
        "is exchange 2013 in scope?", "what about three forests in March 2018?", "as of 2018-04-01, who does DNS",
        "we have twelve servers and two forests", "single- and multi-forest setups", "a single forest only",
        "in spring 2017 was SharePoint Server 2016 covered?", "five hundred devices", "ten",
        "FastTrack will deploy AD FS for our two forests", "ft is going to migrate our mail, right?",
        "the customer says FastTrack promised to set up MFA", "you told us SSO was included", "quoting the SOW: x",
        "they say it was an upgrade so Microsoft has to fix it",
        // the words and characters the guarded patterns look for, in the forms people write them
        "can you come on-site on Saturday at 02:00 again?", "a second round of onboarding, in person", "re-do it 24/7",
        "we do not have a trust, there's no VPN", "without any forest trust", "what does SDS stand for?",
        "is that just Intune or does it cover ConfigMgr too?", "admins\twho can manage", "staff  who own it",
        "the people\nwho do it", "our \u00e9l\u00e8ves who enrol", "is it?\u2028", "who handles it.\u2028",
        "hello!\u00a0world", "wait\u2026 what", "wait... what?", "x\u2014y \u2013 z", "ok; then what", "yes,  but no",
        "is that FastTrack's job, or ours?", "do we, or does FT?", "-or else", "who's right?", "is that really so?",
        "how long does it take, and by when?", "What time do you start? Up to what number of users?",
        "during which hours?", "list the prerequisites", "Which languages are supported?",
        "in March 2018, was it covered?", "as of 2019-02-01", "Exchange 2010 for 1999 users", "wait...what",
        "hi! who is it", "anybody who knows it", "a person who knows it", "someone who knows"));
    ONE_STRING_EACH.values().forEach(texts::addAll);
    for (String q : Fixtures.evalQuestions()) {
      texts.add(q);
      texts.add(q.toUpperCase(Locale.ROOT));
    }
    for (PassageIndex.Entry e : Fixtures.bundled().index().entries()) {
      texts.add(e.statement().text());
    }
    return texts;
  }

  /** QuestionIntent's coverage pattern, which is private to it. */
  private static final class QuestionIntentPatterns {
    static Pattern asksCoverage() throws Exception {
      Field f = QuestionIntent.class.getDeclaredField("ASKS_COVERAGE");
      f.setAccessible(true);
      return ((Regex.Needs) f.get(null)).pattern();
    }
  }

  /** A private pattern of the words that read a request or a date, by its field's name. */
  private static Pattern pattern(String name) throws Exception {
    Class<?> owner = List.of("COUNT", "VERSION", "TIME_UNIT").contains(name) ? RequestWords.class : DateWords.class;
    Field f = owner.getDeclaredField(name);
    f.setAccessible(true);
    return (Pattern) f.get(null);
  }

  /** Every pattern given with the strings its matches hold: the lower-cased text each is searched with. */
  private static java.util.Map<String, Regex.Needs> needs() throws Exception {
    java.util.Map<String, Regex.Needs> all = new java.util.LinkedHashMap<>();
    for (Class<?> c : List.of(AskingWords.class, ClaimWords.class, SideWords.class, RequestWords.class,
        DateWords.class, QuestionIntent.class)) {
      for (Field f : c.getDeclaredFields()) {
        if (f.getType() == Regex.Needs.class && java.lang.reflect.Modifier.isStatic(f.getModifiers())) {
          f.setAccessible(true);
          all.put(c.getSimpleName() + "." + f.getName(), (Regex.Needs) f.get(null));
        }
      }
    }
    return all;
  }

  /**
   * No text a pattern matches lacks all the strings stated for it, and each guard turns away texts: the searches
   * it saves. Texts are lower-cased, as the reader searches them.
   */
  @Test
  void noTextAPatternMatchesLacksTheStringsItNeeds() throws Exception {
    java.util.Map<String, Regex.Needs> all = needs();
    assertTrue(all.size() >= 12, "guarded patterns: " + all.keySet());
    List<String> texts = texts();
    for (java.util.Map.Entry<String, Regex.Needs> e : all.entrySet()) {
      Regex.Needs needs = e.getValue();
      int matched = 0;
      int skipped = 0;
      for (String text : texts) {
        String lower = text.toLowerCase(Locale.ROOT).replace('\u2019', '\'');
        if (needs.pattern().matcher(lower).find()) {
          assertTrue(needs.mayMatch(lower), e.getKey() + " matches but its strings are not in: " + lower);
          matched++;
        }
        skipped += needs.mayMatch(lower) ? 0 : 1;
      }
      assertTrue(matched >= 2, e.getKey() + " matched " + matched + " texts");
      assertTrue(skipped >= texts.size() / 10, e.getKey() + " skips " + skipped + " of " + texts.size());
    }
  }

  @Test
  void eachStringOfAPatternIsTheOneThatLetsSomeMatchThrough() throws Exception {
    java.util.Map<String, Regex.Needs> all = needs();
    assertEquals(all.keySet(), ONE_STRING_EACH.keySet());
    for (java.util.Map.Entry<String, List<String>> e : ONE_STRING_EACH.entrySet()) {
      Regex.Needs needs = all.get(e.getKey());
      Set<String> sole = new java.util.HashSet<>();
      for (String text : e.getValue()) {
        assertTrue(needs.pattern().matcher(text).find(), e.getKey() + " does not match: " + text);
        List<String> held = needs.strings().stream()
            .filter(s -> s.startsWith("^") ? text.startsWith(s.substring(1)) : text.contains(s)).toList();
        assertEquals(1, held.size(), e.getKey() + ": " + text + " holds " + held);
        sole.add(held.get(0));
      }
      assertEquals(Set.copyOf(needs.strings()), sole, e.getKey() + ": the strings no text needs alone");
    }
  }

  /** The hand-written checks before the reader's other searches let through every text the search would match. */
  @Test
  void theCharacterChecksLetThroughEveryTextTheirSearchWouldChange() throws Exception {
    Pattern spaces = Pattern.compile("\\s+");
    int[] engaged = new int[5];
    for (String text : texts()) {
      String lower = text.toLowerCase(Locale.ROOT);
      if (Clauses.SENTENCE_END.matcher(text).find()) {
        assertTrue(Clauses.mayEndSentence(text), text);
        engaged[0]++;
      }
      if (Clauses.CLAUSE_BREAK.matcher(text).find()) {
        assertTrue(Clauses.mayBreakClause(text), text);
        engaged[1]++;
      }
      if (Clauses.singleSpaced(text)) {
        assertEquals(text, spaces.matcher(text).replaceAll(" "), text);
        engaged[2]++;
      }
      if (QuestionIntent.RELATIVE_WHO.matcher(lower).find()) {
        assertTrue(QuestionIntent.mayHaveRelativeWho(lower), lower);
        engaged[3]++;
      }
      boolean pointsBack = AskingWords.POINTS_BACK.matcher(lower).find();
      assertEquals(pointsBack, AskingWords.pointsBack(lower), lower);
      engaged[4] += pointsBack ? 1 : 0;
    }
    for (int n : engaged) {
      assertTrue(n >= 3, "each check met texts it lets through: " + java.util.Arrays.toString(engaged));
    }
    assertFalse(QuestionIntent.mayHaveRelativeWho("who is responsible for the admins?"));
    assertFalse(Clauses.mayEndSentence("Who configures DNS for 2 forests (AD FS), and when?"));
    assertTrue(Clauses.mayEndSentence("Who? DNS"));
  }

  /** The pattern {@link AskingWords#asks} replaced, as it was written: one search from every position. */
  private static final Pattern ASKS_AS_ONE = Pattern.compile(
      "^(?:so |and |but |also |ok |okay |then )?(?:who|whom|whose|what|what's|whats|which|when|where|why|how|is|are|does|do|did"
          + "|will|would|can|could|should|shall|may|has|have|any|anything)\\b"
          + "|\\b(?:(?:covered|included|in scope|out of scope|supported|possible|true|right)\\s*\\??$"
          + "|(?:asking|asks|asked|wondering|wonders|want to know|wants to know|checking) (?:whether|if|who|what|how)\\b)");

  /** Searches that start later than the text's start, or split in two, find exactly what the whole search finds. */
  @Test
  void searchesStartedWhereAMatchCanBeginFindTheSame() throws Exception {
    List<String> texts = texts();
    texts.addAll(List.of("~25 devices", "within 3 days or 2 weeks", "exchange  2013 sp1, sharepoint server 2016 or ad fs 1.1", "a 2016", "2016 x",
        "twelve-ish", "ok;\tthen 3", "  @scopebot  thanks!! \u2028", "hi?\r\n", "what?\u0085", "(help)", "? ? ?"));
    Pattern trailing = Pattern.compile("[!.?,;:)(\\s]+$");
    int[] engaged = new int[4];
    for (String text : texts) {
      String lower = text.toLowerCase(Locale.ROOT).replace('\u2019', '\'');
      boolean asks = ASKS_AS_ONE.matcher(lower).find();
      assertEquals(asks, AskingWords.asks(lower), lower);
      engaged[0] += asks ? 1 : 0;
      if (SideWords.ONLY_SIDES.matcher(lower).matches()) {
        assertTrue(SideWords.hasOr(lower), lower);
        engaged[1]++;
      }
      for (String name : List.of("COUNT", "VERSION")) {
        Pattern p = pattern(name);
        int from = name.equals("VERSION") ? RequestWords.versionFrom(lower) : RequestWords.countFrom(lower);
        List<String> all = matches(p.matcher(lower), 0);
        assertEquals(all, from < 0 ? List.of() : matches(p.matcher(lower), from), name + ": " + lower);
        engaged[2] += all.size();
        // what follows a count or version is read in place, not from a copy of the rest of the text
        java.util.regex.Matcher m = p.matcher(lower);
        while (m.find()) {
          int after = name.equals("COUNT") ? m.end(1) : m.end();
          assertEquals(pattern("TIME_UNIT").matcher(lower.substring(after)).find(),
              pattern("TIME_UNIT").matcher(lower).region(after, lower.length()).lookingAt(), lower);
        }
      }
      String stripped = trailing.matcher(lower).replaceAll("");
      assertEquals(stripped, SmallTalk.withoutTrailing(lower), lower);
      engaged[3] += stripped.equals(lower) ? 0 : 1;
    }
    for (int n : engaged) {
      assertTrue(n >= 3, "each search met texts it matches: " + java.util.Arrays.toString(engaged));
    }
  }

  /** Every match from a place on, with its groups. */
  private static List<String> matches(java.util.regex.Matcher m, int from) {
    List<String> found = new ArrayList<>();
    for (boolean more = m.find(from); more; more = m.find()) {
      StringBuilder sb = new StringBuilder(m.start() + "-" + m.end());
      for (int g = 1; g <= m.groupCount(); g++) {
        sb.append('|').append(m.group(g));
      }
      found.add(sb.toString());
    }
    return found;
  }

  @Test
  void forestConditionsAreTheForestOnesOfAllConditions() throws Exception {
    int forests = 0;
    for (String t : texts()) {
      Set<Condition> all = EnumSet.noneOf(Condition.class);
      Classifier.conditions(t).stream().filter(Condition::isForest).forEach(all::add);
      assertEquals(all, Classifier.forestConditions(t), t);
      forests += all.isEmpty() ? 0 : 1;
    }
    assertTrue(forests > 20, "texts naming a forest topology: " + forests);
  }

  @Test
  void noSearchIsSkippedThatWouldHaveFoundSomething() throws Exception {
    List<String> numbered = List.of("VERSION", "ISO_DATE", "MONTH_YEAR", "SEASON_YEAR", "YEAR_IN_TIME");
    int[] engaged = new int[5];
    for (String text : texts()) {
      String lower = text.toLowerCase(Locale.ROOT).replace('\u2019', '\'');
      boolean sides = SideWords.EITHER_SIDE.matcher(lower).find()
          || SideWords.SIDE_THEN_SIDE.matcher(lower).find();
      if (sides) {
        assertTrue(SideWords.hasOr(lower), text);
        engaged[0]++;
      }
      boolean claim = ClaimWords.CLAIM.matcher(lower).find();
      assertEquals(claim, ClaimWords.claims(lower), text);
      engaged[4] += claim ? 1 : 0;
      for (Pattern anchored : List.of(AskingWords.SUBORDINATE, SideWords.SIDE_THEN_SIDE,
          QuestionIntentPatterns.asksCoverage())) {
        assertEquals(anchored.matcher(lower).find(), anchored.matcher(lower).lookingAt(), text);
      }
      if (AskingWords.ASKS_WHETHER.matcher(text).matches()) {
        assertTrue(AskingWords.mayAskWhether(text), text);
        engaged[1]++;
      }
      for (String name : numbered) {
        if (pattern(name).matcher(lower).find()) {
          assertTrue(RequestWords.hasDigit(lower), name + ": " + text);
          assertTrue(name.equals("VERSION") || DateWords.hasYear(lower), name + ": " + text);
          engaged[2]++;
        }
      }
      if (pattern("COUNT").matcher(lower).find()) {
        assertTrue(RequestWords.countFrom(lower) >= 0, text);
        engaged[3]++;
      }
    }
    for (int n : engaged) {
      assertTrue(n >= 3, "each check met texts it lets through: " + java.util.Arrays.toString(engaged));
    }
    assertFalse(SideWords.hasOr("is ad fs in scope?"));
  }
}

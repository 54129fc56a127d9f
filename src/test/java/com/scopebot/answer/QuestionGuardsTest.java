package com.scopebot.answer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.scopebot.Fixtures;
import com.scopebot.corpus.Classifier;
import com.scopebot.corpus.Condition;
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

  private static List<String> texts() throws Exception {
    List<String> texts = new ArrayList<>(List.of(
        "us or FastTrack?", "do we send the invite, or does FastTrack handle it?", "their engineers or\tour team?",
        "our team wants to know if FastTrack migrates mail", "I'm WONDERING whether SSO is in scope",
        "is exchange 2013 in scope?", "what about three forests in March 2018?", "as of 2018-04-01, who does DNS",
        "we have twelve servers and two forests", "single- and multi-forest setups", "a single forest only",
        "in spring 2017 was SharePoint Server 2016 covered?", "five hundred devices", "ten",
        "FastTrack will deploy AD FS for our two forests", "ft is going to migrate our mail, right?",
        "the customer says FastTrack promised to set up MFA", "you told us SSO was included", "quoting the SOW: x"));
    for (String q : Fixtures.evalQuestions()) {
      texts.add(q);
      texts.add(q.toUpperCase(Locale.ROOT));
    }
    for (PassageIndex.Entry e : Fixtures.bundled().index().entries()) {
      texts.add(e.statement().text());
    }
    return texts;
  }

  /** QuestionReader's coverage pattern, which is private to it. */
  private static final class QuestionReaderPatterns {
    static Pattern asksCoverage() throws Exception {
      Field f = QuestionReader.class.getDeclaredField("ASKS_COVERAGE");
      f.setAccessible(true);
      return (Pattern) f.get(null);
    }
  }

  private static Pattern pattern(String name) throws Exception {
    Field f = QuestionWords.class.getDeclaredField(name);
    f.setAccessible(true);
    return (Pattern) f.get(null);
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
      boolean sides = QuestionWords.EITHER_SIDE.matcher(lower).find()
          || QuestionWords.SIDE_THEN_SIDE.matcher(lower).find();
      if (sides) {
        assertTrue(QuestionWords.hasOr(lower), text);
        engaged[0]++;
      }
      boolean claim = QuestionWords.CLAIM.matcher(lower).find();
      assertEquals(claim, QuestionWords.claims(lower), text);
      engaged[4] += claim ? 1 : 0;
      for (Pattern anchored : List.of(QuestionWords.SUBORDINATE, QuestionWords.SIDE_THEN_SIDE,
          QuestionReaderPatterns.asksCoverage())) {
        assertEquals(anchored.matcher(lower).find(), anchored.matcher(lower).lookingAt(), text);
      }
      if (QuestionWords.ASKS_WHETHER.matcher(text).matches()) {
        assertTrue(QuestionWords.mayAskWhether(text), text);
        engaged[1]++;
      }
      for (String name : numbered) {
        if (pattern(name).matcher(lower).find()) {
          assertTrue(QuestionWords.hasDigit(lower), name + ": " + text);
          engaged[2]++;
        }
      }
      if (pattern("COUNT").matcher(lower).find()) {
        assertTrue(QuestionWords.hasDigit(lower) || List.of("two", "three", "four", "five", "six", "seven", "eight",
            "nine", "ten", "eleven", "twelve").stream().anyMatch(lower::contains), text);
        engaged[3]++;
      }
    }
    for (int n : engaged) {
      assertTrue(n >= 3, "each check met texts it lets through: " + java.util.Arrays.toString(engaged));
    }
    assertFalse(QuestionWords.hasOr("is ad fs in scope?"));
  }
}

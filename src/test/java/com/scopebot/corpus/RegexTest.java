package com.scopebot.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.scopebot.Fixtures;
import com.scopebot.index.PassageIndex;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** A pattern compiled with its first characters in front finds exactly what the pattern alone finds. */
class RegexTest {

  private static final String PREFIX = "(?=[";

  /**
   * The question-time patterns: every static pattern of the classes that read questions and statements, with those
   * behind a {@link Regex.Needs}.
   */
  private static Map<String, Pattern> patterns() throws Exception {
    Map<String, Pattern> all = new LinkedHashMap<>();
    for (String name : List.of("com.scopebot.answer.AskingWords", "com.scopebot.answer.ClaimWords",
        "com.scopebot.answer.SideWords", "com.scopebot.answer.RequestWords", "com.scopebot.answer.DateWords",
        "com.scopebot.answer.QuestionIntent", "com.scopebot.answer.QuestionCleaner", "com.scopebot.answer.Clauses",
        "com.scopebot.answer.Traits", "com.scopebot.answer.Inference", "com.scopebot.answer.SmallTalk",
        "com.scopebot.answer.FollowUps", "com.scopebot.answer.WhatChanged", "com.scopebot.corpus.Classifier",
        "com.scopebot.corpus.Statements", "com.scopebot.corpus.Constraints", "com.scopebot.answer.Ranking")) {
      for (Field f : Class.forName(name).getDeclaredFields()) {
        if (f.getType() == Pattern.class && Modifier.isStatic(f.getModifiers())) {
          f.setAccessible(true);
          all.put(name.substring(name.lastIndexOf('.') + 1) + "." + f.getName(), (Pattern) f.get(null));
        } else if (f.getType() == Regex.Needs.class && Modifier.isStatic(f.getModifiers())) {
          f.setAccessible(true);
          all.put(name.substring(name.lastIndexOf('.') + 1) + "." + f.getName(), ((Regex.Needs) f.get(null)).pattern());
        }
      }
    }
    return all;
  }

  /** The pattern as written, without the lookahead {@link Regex#compile} put in front. */
  private static Pattern original(Pattern p) {
    String regex = p.pattern();
    if (!regex.startsWith(PREFIX)) {
      return p;
    }
    int open = regex.indexOf("])(?:") + "])(?:".length();
    return Pattern.compile(regex.substring(open, regex.length() - 1), p.flags());
  }

  @Test
  void putsTheCharactersAMatchCanStartWithInFront() {
    Pattern p = Regex.compile("\\b(?:again\\b|second time\\b|re-?(?:do|run)\\b)");
    assertEquals("(?=[\\x61\\x72\\x73])(?:\\b(?:again\\b|second time\\b|re-?(?:do|run)\\b))", p.pattern());
    Matcher m = p.matcher("can we redo it a second time, again?");
    List<String> found = new ArrayList<>();
    while (m.find()) {
      found.add(m.group());
    }
    assertEquals(List.of("redo", "second time", "again"), found);
  }

  @Test
  void leavesAlonePatternsWhoseFirstCharactersCannotBeKnownCheaply() {
    for (String regex : List.of("(?<=[.?!])\\s+", "[^a-z]+", "^(.*?)\\bif\\b", "\\s*", "[\\p{L}]+", "caf\u00e9",
        "x|")) {
      assertEquals(regex, Regex.compile(regex).pattern(), regex);
    }
  }

  @Test
  void mostQuestionTimePatternsGetTheirFirstCharacters() throws Exception {
    Map<String, Pattern> all = patterns();
    long prefiltered = all.values().stream().filter(p -> p.pattern().startsWith(PREFIX)).count();
    assertTrue(all.size() >= 80, "patterns: " + all.size());
    assertTrue(prefiltered >= 0.85 * all.size(), prefiltered + " of " + all.size());
  }

  /**
   * No character outside the lookahead, of all 65,536, can start a match of the pattern as written. Compiling probes
   * only the first 256 and relies on a rule for the rest (a pattern that names no character beyond ASCII and takes
   * none of 128–255 takes none beyond); this probes every one.
   */
  @Test
  void theLookaheadHoldsEveryCharacterAMatchCanStartWith() throws Exception {
    int checked = 0;
    for (Map.Entry<String, Pattern> e : patterns().entrySet()) {
      Pattern p = e.getValue();
      if (!p.pattern().startsWith(PREFIX)) {
        continue;
      }
      Pattern written = original(p);
      Pattern lookahead = Pattern.compile(p.pattern().substring(0, p.pattern().indexOf("])") + 2));
      for (int code = 0; code <= Character.MAX_VALUE; code++) {
        char c = (char) code;
        if (!lookahead.matcher(String.valueOf(c)).lookingAt()) {
          assertTrue(!Regex.canStartWith(written, c),
              e.getKey() + " can start with U+" + Integer.toHexString(c) + " but its lookahead refuses it");
          checked++;
        }
      }
    }
    assertTrue(checked > 1_000_000, "checked " + checked);
  }

  /** Every match, with its groups, over eval questions, their variants and every statement of the bundled corpus. */
  @Test
  void findsExactlyWhatThePatternAsWrittenFinds() throws Exception {
    List<String> texts = texts();
    int matches = 0;
    for (Map.Entry<String, Pattern> e : patterns().entrySet()) {
      Pattern p = e.getValue();
      if (!p.pattern().startsWith(PREFIX)) {
        continue;
      }
      Pattern written = original(p);
      assertNotEquals(written.pattern(), p.pattern());
      for (String text : texts) {
        List<String> expected = finds(written, text);
        assertEquals(expected, finds(p, text), e.getKey() + " on: " + text);
        assertEquals(written.matcher(text).replaceAll("_"), p.matcher(text).replaceAll("_"), e.getKey());
        matches += expected.size();
      }
    }
    assertTrue(matches > 5_000, "matches: " + matches);
  }

  /** The version pattern's letters and spaces never give back (they cannot match what follows them): same matches. */
  @Test
  void versionsAreFoundAsWithGreedyQuantifiers() throws Exception {
    Pattern possessive = patterns().get("RequestWords.VERSION");
    assertTrue(possessive.pattern().contains("[a-z]++"), possessive.pattern());
    Pattern greedy = Pattern.compile(original(possessive).pattern().replace("++", "+"));
    int matches = 0;
    List<String> texts = texts();
    texts.add("is sharepoint server 2016 or exchange  2013 sp1 or ad fs 1.1 or windows 10, 8.1 and office 365 in scope");
    for (String text : texts) {
      String lower = text.toLowerCase(Locale.ROOT);
      List<String> expected = finds(greedy, lower);
      assertEquals(expected, finds(possessive, lower), lower);
      matches += expected.size();
    }
    assertTrue(matches > 100, "matches: " + matches);
  }

  private static List<String> texts() throws Exception {
    List<String> texts = new ArrayList<>();
    for (String q : Fixtures.evalQuestions()) {
      texts.add(q);
      texts.add(q.toLowerCase(Locale.ROOT));
      texts.add(q.toUpperCase(Locale.ROOT));
      texts.add("So, " + q.toLowerCase(Locale.ROOT).replace(" ", "  ").replace("?", " ?!") + "...");
    }
    for (PassageIndex.Entry e : Fixtures.bundled().index().entries()) {
      texts.add(e.statement().text());
      texts.add(e.statement().text().toLowerCase(Locale.ROOT));
    }
    assertTrue(texts.size() > 2_000, "texts: " + texts.size());
    return texts;
  }

  private static List<String> finds(Pattern p, String text) {
    List<String> out = new ArrayList<>();
    Matcher m = p.matcher(text);
    while (m.find()) {
      StringBuilder one = new StringBuilder().append(m.start()).append('-').append(m.end());
      for (int g = 1; g <= m.groupCount(); g++) {
        one.append('|').append(m.start(g)).append(':').append(m.group(g));
      }
      out.add(one.toString());
    }
    return out;
  }
}

package com.scopebot.eval;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.scopebot.answer.Answer;
import com.scopebot.answer.AnswerJson;
import com.scopebot.answer.Citation;
import com.scopebot.answer.Verdict;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Scores answers against an eval set with the rules of {@code score.py}: verdict accuracy, the first citation holding
 * an expected quote (cite@1), any of the first three (cite@3), every side of a dispute among the first five, and the
 * two numbers that matter most for a scope bot: wrong commitments and abstentions.
 */
public final class Evaluation {

  /** A citation longer than this earns nothing: a whole section pasted as a quote is not a citation. */
  static final int MAX_QUOTE = 400;

  /** One eval case: its id, question, accepted verdicts, expected quotes and (for disputes) quote groups. */
  public record Case(String id, String question, List<String> verdicts, List<String> quotes, List<List<String>> allGroups) {

    public Case {
      verdicts = List.copyOf(verdicts);
      quotes = List.copyOf(quotes);
      allGroups = List.copyOf(allGroups);
    }

    /** Whether the answer's verdict is one the case accepts. */
    public boolean accepts(Answer answer) {
      return verdicts.contains(answer.verdict().wire());
    }

    /** A verdict other than "unknown" that the case does not accept: the answer that starts a dispute. */
    public boolean committedWrong(Answer answer) {
      return answer.verdict() != Verdict.UNKNOWN && !accepts(answer);
    }

    /** "unknown" to a question the documents answer (score.py: the case does not accept "unknown"). */
    public boolean abstained(Answer answer) {
      return answer.verdict() == Verdict.UNKNOWN && !verdicts.contains(Verdict.UNKNOWN.wire());
    }

    /** No quote at all: nothing in the documents answers it, and only the verdict counts. */
    boolean outOfCorpus() {
      return quotes.isEmpty() && allGroups.isEmpty();
    }
  }

  /**
   * The figures score.py prints.
   *
   * @param answerable cases with expected quotes or quote groups, the denominator of cite@1 and cite@3
   * @param medianQuote median length in characters of the first three quotes of every answer
   * @param wrong answers committed to a verdict the case does not accept
   * @param abstained answers "unknown" to cases that do not accept "unknown"
   * @param misses one line per case with a wrong verdict or a missed first citation, as score.py prints them
   */
  public record Score(int total, int verdictOk, int answerable, int cite1, int cite3, int unknownTotal, int unknownOk,
      int medianQuote, int wrong, int abstained, List<String> misses) {

    public Score {
      misses = List.copyOf(misses);
    }

    /** The same lines score.py prints: the misses, then {@link #figures()}. */
    public String report() {
      StringBuilder sb = new StringBuilder();
      misses.forEach(m -> sb.append("  miss ").append(m).append('\n'));
      return sb.append(figures()).toString();
    }

    /** score.py's last two lines: the counts, then the rates. */
    public String figures() {
      return String.format(Locale.ROOT,
          "verdict %d/%d  cite@1 %d/%d  cite@3 %d/%d  unknown %d/%d  median-quote %d chars  wrong %d  abstained %d%n"
              + "score verdict=%s cite1=%s cite3=%s%n",
          verdictOk, total, cite1, answerable, cite3, answerable, unknownOk, unknownTotal, medianQuote, wrong, abstained,
          rate(verdictOk, total), rate(cite1, answerable), rate(cite3, answerable));
    }
  }

  private Evaluation() {}

  /** Reads an eval file: one case a JSON line, blank lines skipped. */
  public static List<Case> read(Path file) throws IOException {
    List<Case> cases = new ArrayList<>();
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).isBlank()) {
        continue;
      }
      try {
        cases.add(parseCase(AnswerJson.mapper(), lines.get(i)));
      } catch (JsonProcessingException e) {
        throw new IOException(file + ":" + (i + 1) + ": not a JSON eval case: " + e.getOriginalMessage());
      }
    }
    return cases;
  }

  /** Reads one JSON line of an eval file. */
  public static Case parseCase(ObjectMapper mapper, String line) throws IOException {
    JsonNode n = mapper.readTree(line);
    List<List<String>> groups = new ArrayList<>();
    for (JsonNode g : n.path("all_groups")) {
      groups.add(strings(g));
    }
    return new Case(n.path("id").asText(""), n.path("question").asText(""), strings(n.path("verdicts")),
        strings(n.path("quotes")), groups);
  }

  private static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(x -> out.add(x.asText()));
    return out;
  }

  /** Scores answers, one per case, in the same order. */
  public static Score score(List<Case> cases, List<Answer> answers) {
    if (cases.size() != answers.size()) {
      throw new IllegalArgumentException("answers: " + answers.size() + " for " + cases.size() + " questions");
    }
    int vOk = 0, c1 = 0, c3 = 0, answerable = 0, unknownTotal = 0, unknownOk = 0, wrong = 0, abstained = 0;
    List<Integer> quoteLens = new ArrayList<>();
    List<String> misses = new ArrayList<>();
    for (int i = 0; i < cases.size(); i++) {
      Case c = cases.get(i);
      Answer a = answers.get(i);
      List<Citation> cites = a.citations();
      cites.stream().limit(3).forEach(x -> quoteLens.add(x.quote().length()));
      boolean verdictOk = c.accepts(a);
      vOk += verdictOk ? 1 : 0;
      wrong += c.committedWrong(a) ? 1 : 0;
      abstained += c.abstained(a) ? 1 : 0;
      if (c.outOfCorpus()) {
        unknownTotal++;
        unknownOk += verdictOk ? 1 : 0;
        if (!verdictOk) {
          misses.add(c.id() + " " + c.question() + " verdict=" + a.verdict().wire() + ", expected "
              + String.join("/", c.verdicts()));
        }
        continue;
      }
      answerable++;
      boolean ok1;
      boolean ok3;
      if (!c.allGroups().isEmpty()) {
        List<Citation> top = cites.subList(0, Math.min(5, cites.size()));
        ok1 = ok3 = c.allGroups().stream().allMatch(g -> top.stream().anyMatch(x -> hits(x, g)));
      } else {
        ok1 = !cites.isEmpty() && hits(cites.get(0), c.quotes());
        ok3 = cites.stream().limit(3).anyMatch(x -> hits(x, c.quotes()));
      }
      c1 += ok1 ? 1 : 0;
      c3 += ok3 ? 1 : 0;
      if (!(verdictOk && ok1)) {
        misses.add(c.id() + " " + c.question() + " verdict=" + a.verdict().wire() + " cite1=" + (ok1 ? "ok" : "MISS"));
      }
    }
    List<Integer> sorted = quoteLens.stream().sorted().toList();
    int median = sorted.isEmpty() ? 0 : sorted.get(sorted.size() / 2);
    return new Score(cases.size(), vOk, answerable, c1, c3, unknownTotal, unknownOk, median, wrong, abstained, misses);
  }

  /**
   * A rate with three decimals as Python's {@code f"{x:.3f}"} prints it: the double's exact value rounded half to
   * even, so 39/48 (0.8125) prints 0.812 as in score.py, where {@code %.3f} would print 0.813.
   */
  static String rate(int count, int of) {
    double x = count / (double) Math.max(of, 1);
    return new BigDecimal(x).setScale(3, RoundingMode.HALF_EVEN).toPlainString();
  }

  static String norm(String s) {
    String t = s.replace("\u2019", "'").replace("\u2018", "'").replace("\u201c", "\"").replace("\u201d", "\"")
        .replace("â€™", "'");
    return t.replaceAll("(?U)\\s+", " ").trim().toLowerCase(Locale.ROOT);
  }

  static boolean hits(Citation cite, List<String> quotes) {
    String q = norm(cite.quote());
    return q.length() <= MAX_QUOTE && quotes.stream().anyMatch(x -> q.contains(norm(x)));
  }
}

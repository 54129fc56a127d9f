package com.scopebot.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.scopebot.answer.Answer;
import com.scopebot.answer.Citation;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Scores answers against an eval set with the rules of {@code score.py}: verdict accuracy, the first citation holding
 * an expected quote (cite@1), any of the first three (cite@3), and every side of a dispute among the first five.
 */
public final class Evaluation {

  /** A citation longer than this earns nothing: a whole section pasted as a quote is not a citation. */
  static final int MAX_QUOTE = 400;

  /** One eval case: its id, question, accepted verdicts, expected quotes and (for disputes) quote groups. */
  public record Case(String id, String question, List<String> verdicts, List<String> quotes, List<List<String>> allGroups) {}

  /** The figures score.py prints. */
  public record Score(int total, int verdictOk, int answerable, int cite1, int cite3, int unknownTotal, int unknownOk,
      int medianQuote, List<String> misses) {

    /** The same lines score.py prints. */
    public String report() {
      StringBuilder sb = new StringBuilder();
      misses.forEach(m -> sb.append("  miss ").append(m).append('\n'));
      sb.append(String.format(Locale.ROOT, "verdict %d/%d  cite@1 %d/%d  cite@3 %d/%d  unknown %d/%d  median-quote %d chars%n",
          verdictOk, total, cite1, answerable, cite3, answerable, unknownOk, unknownTotal, medianQuote));
      sb.append(String.format(Locale.ROOT, "score verdict=%.3f cite1=%.3f cite3=%.3f%n",
          verdictOk / (double) total, cite1 / (double) Math.max(answerable, 1), cite3 / (double) Math.max(answerable, 1)));
      return sb.toString();
    }
  }

  private Evaluation() {}

  /** Reads one JSON line of an eval file. */
  public static Case parseCase(ObjectMapper mapper, String line) throws java.io.IOException {
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
    int vOk = 0, c1 = 0, c3 = 0, answerable = 0, unknownTotal = 0, unknownOk = 0;
    List<Integer> quoteLens = new ArrayList<>();
    List<String> misses = new ArrayList<>();
    for (int i = 0; i < cases.size(); i++) {
      Case c = cases.get(i);
      Answer a = answers.get(i);
      List<Citation> cites = a.citations();
      cites.stream().limit(3).forEach(x -> quoteLens.add(x.quote().length()));
      boolean verdictOk = c.verdicts().contains(a.verdict().wire());
      vOk += verdictOk ? 1 : 0;
      if (c.quotes().isEmpty() && c.allGroups().isEmpty()) {
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
    return new Score(cases.size(), vOk, answerable, c1, c3, unknownTotal, unknownOk, median, misses);
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

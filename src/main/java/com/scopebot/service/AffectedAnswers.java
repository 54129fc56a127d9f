package com.scopebot.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.scopebot.history.ChangesReport;
import com.scopebot.records.Reanswer;
import com.scopebot.records.Reanswers;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * The stored answers a new revision changed and that were answered again, as the changes report lists them ("answers
 * affected by this revision"): the question, the verdict then and now, the sentence that changed as it read and as it
 * reads, and both records. Those whose verdict flipped come first. Thread-safe.
 *
 * @param answers the answers, verdicts that flipped first
 * @param waiting how many more were found and wait to be answered again
 * @param overCap how many more were found beyond the cap and are left as they are
 */
public record AffectedAnswers(List<Reanswer> answers, int waiting, int overCap) {

  /** Most answers a listing reads from the store: a listing stays small however many a revision changed. */
  public static final int LISTED = 500;

  private static final ObjectMapper JSON = new ObjectMapper();

  public AffectedAnswers {
    answers = List.copyOf(answers);
  }

  /**
   * The answers changed by the revisions a report covers.
   *
   * @param named true when the report is of named documents: then only their revisions' answers are listed
   */
  public static AffectedAnswers of(Reanswers table, ChangesReport report, boolean named) throws SQLException {
    Set<String> files = report.families().stream().flatMap(f -> f.revisions().stream()).map(d -> d.file())
        .collect(Collectors.toSet());
    String since = report.since() == null ? null : report.since().toString();
    List<Reanswer> listed = table.answeredAgain(LISTED).stream()
        .filter(r -> since == null || r.changedOn().compareTo(since) > 0)
        .filter(r -> !named || files.contains(r.document()))
        .sorted(Comparator.comparing((Reanswer r) -> !r.flipped()))
        .toList();
    Map<String, Integer> progress = table.progress();
    return new AffectedAnswers(listed, progress.getOrDefault("pending", 0) + progress.getOrDefault("claimed", 0),
        progress.getOrDefault("over_cap", 0));
  }

  /** {@code {"affectedAnswers": [...], "reanswering": {"waiting", "overCap"}}}'s two values, into a report's JSON. */
  public void putInto(ObjectNode root, UnaryOperator<String> link) {
    putInto(root, link, true);
  }

  /**
   * @param people with each answer's question and records (for administrators: a question is a person's words, and
   *     its record names their answer); without, the verdicts and sentences alone
   */
  public void putInto(ObjectNode root, UnaryOperator<String> link, boolean people) {
    ArrayNode list = root.putArray("affectedAnswers");
    for (Reanswer r : answers) {
      ObjectNode a = list.addObject();
      if (people) {
        a.put("question", r.question());
      }
      a.put("oldVerdict", r.oldVerdict());
      a.put("newVerdict", r.newVerdict());
      a.put("verdictChanged", r.flipped());
      a.put("kind", r.kind());
      a.put("document", r.document());
      a.put("changedOn", r.changedOn().isEmpty() ? null : r.changedOn());
      a.put("before", r.before());
      a.put("after", r.after());
      if (people) {
        a.putObject("old").put("id", r.oldId()).put("link", link.apply(r.oldId()));
        a.putObject("new").put("id", r.newId()).put("link", link.apply(r.newId()));
      }
    }
    root.putObject("reanswering").put("waiting", waiting).put("overCap", overCap);
  }

  /** The JSON fields alone, as an object; {@code people} as for {@link #putInto(ObjectNode, UnaryOperator, boolean)}. */
  public ObjectNode json(UnaryOperator<String> link, boolean people) {
    ObjectNode o = JSON.createObjectNode();
    putInto(o, link, people);
    return o;
  }

  /** The section for a terminal. */
  public String text(UnaryOperator<String> link) {
    StringBuilder sb = new StringBuilder("\nAnswers affected by a new revision: ");
    if (answers.isEmpty()) {
      sb.append("none");
    } else {
      long flipped = answers.stream().filter(Reanswer::flipped).count();
      sb.append(answers.size()).append(" (").append(flipped).append(flipped == 1 ? " verdict" : " verdicts")
          .append(" changed)");
    }
    sb.append('\n');
    for (Reanswer r : answers) {
      sb.append("  “").append(r.question()).append("” — ").append(ChangeNotice.label(r.oldVerdict())).append(" → ")
          .append(ChangeNotice.label(r.newVerdict())).append(" (").append(r.kind())
          .append(r.changedOn().isEmpty() ? "" : " on " + r.changedOn()).append(", ").append(r.document()).append(")\n");
      sb.append("    it said: “").append(r.before()).append("”\n");
      sb.append(r.after() == null ? "    it no longer says it\n" : "    it now says: “" + r.after() + "”\n");
      sb.append("    was ").append(link.apply(r.oldId())).append(", now ").append(link.apply(r.newId())).append('\n');
    }
    if (waiting > 0) {
      sb.append("  ").append(waiting).append(" more waiting to be answered again\n");
    }
    if (overCap > 0) {
      sb.append("  ").append(overCap).append(" more beyond the cap (SCOPEBOT_REANSWER_MAX), left as they were\n");
    }
    return sb.toString();
  }
}

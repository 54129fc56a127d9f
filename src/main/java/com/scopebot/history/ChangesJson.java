package com.scopebot.history;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.scopebot.corpus.Document;
import java.util.List;
import java.util.Map;

/**
 * A {@link ChangesReport}'s JSON form, for {@code changes --json} and {@code GET /api/changes}:
 * <pre>
 * {"since": "2018-04-01" | null,
 *  "documents": [{"family", "document", "title", "revisions": [revision…],
 *    "changes": [{"from": revision, "to": revision, "counts": {"added", "removed", "reworded", "moved"},
 *      "sections": [{"section": [heading…], "changes": [
 *        {"kind", "text", "before": statement | null, "after": statement | null,
 *         "diff": "… [-old-]{+new+} …", "words": [{"op": "equal"|"delete"|"insert", "text"}…]}]}]}]}]}
 * </pre>
 * where a revision is {@code {"document", "title", "revision", "url"}} and a statement {@code {"document", "title",
 * "revision", "section", "line", "url", "text"}}; {@code diff} and {@code words} only when the words changed. Thread-safe.
 */
public final class ChangesJson {

  private static final ObjectMapper JSON = new ObjectMapper();

  private ChangesJson() {}

  public static ObjectNode of(ChangesReport report) {
    ObjectNode root = JSON.createObjectNode();
    root.put("since", report.since() == null ? null : report.since().toString());
    ArrayNode docs = root.putArray("documents");
    for (Family f : report.families()) {
      ObjectNode d = docs.addObject();
      d.put("family", f.id());
      d.put("document", f.current().file());
      d.put("title", f.current().title());
      ArrayNode revisions = d.putArray("revisions");
      f.revisions().forEach(r -> revisions.add(revision(r)));
      ArrayNode steps = d.putArray("changes");
      for (ChangesReport.Step step : report.steps(f)) {
        steps.add(step(step));
      }
    }
    return root;
  }

  /** The report as one line of JSON. */
  public static String line(ChangesReport report) {
    return of(report).toString();
  }

  private static ObjectNode step(ChangesReport.Step step) {
    ObjectNode s = JSON.createObjectNode();
    s.set("from", revision(step.older()));
    s.set("to", revision(step.newer()));
    ObjectNode counts = s.putObject("counts");
    ChangesReport.KINDS.forEach(k -> counts.put(k.wire(), step.count(k)));
    ArrayNode sections = s.putArray("sections");
    for (Map.Entry<List<String>, List<Change>> e : step.sections().entrySet()) {
      ObjectNode section = sections.addObject();
      ArrayNode headings = section.putArray("section");
      e.getKey().forEach(headings::add);
      ArrayNode changes = section.putArray("changes");
      e.getValue().forEach(c -> changes.add(change(c)));
    }
    return s;
  }

  static ObjectNode change(Change c) {
    ObjectNode o = JSON.createObjectNode();
    o.put("kind", c.kind().wire());
    o.put("text", c.text());
    o.set("before", c.before() == null ? null : statement(c.before()));
    o.set("after", c.after() == null ? null : statement(c.after()));
    if (c.reworded()) {
      o.put("diff", c.rendered());
      ArrayNode words = o.putArray("words");
      for (WordDiff.Run r : c.diff()) {
        words.addObject().put("op", r.op().wire()).put("text", r.text());
      }
    }
    return o;
  }

  private static ObjectNode revision(Document d) {
    return JSON.createObjectNode().put("document", d.file()).put("title", d.title()).put("revision", d.revision())
        .put("url", d.permalinkBase());
  }

  private static ObjectNode statement(Version v) {
    ObjectNode o = revision(v.document());
    ArrayNode section = o.putArray("section");
    v.section().forEach(section::add);
    return o.put("line", v.line()).put("url", v.url()).put("text", v.text());
  }
}

package com.scopebot.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.scopebot.answer.AnswerJson;
import com.scopebot.answer.Answerer;
import com.scopebot.corpus.CorpusException;
import com.scopebot.records.AnswerStore;
import com.scopebot.records.GapQuery;
import com.scopebot.server.Config;
import com.scopebot.server.ScopeServer;
import com.scopebot.service.Gaps;
import com.scopebot.service.GapsCsv;
import com.scopebot.service.GapsReport;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code gaps}: the questions the documents fail, from the answer records the server keeps. */
@Command(name = "gaps", description = {
    "Lists the gaps in the documents: unknown answers, thumbs-down with their reasons and hand-offs to the experts,"
        + " grouped by the question's topic terms and by the nearest document section, with counts, first and last"
        + " seen and examples.",
    "Reads the answer records the server keeps (SCOPEBOT_DATA_DIR or SCOPEBOT_JDBC_URL, as serve does); the corpus"
        + " reads the questions' topics."})
final class GapsCommand implements Callable<Integer> {

  @CommandLine.Mixin Main.CorpusOptions options;
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--from", paramLabel = "DATE", converter = ChangesCommand.IsoDate.class,
      description = "Only gaps from this day on (UTC).")
  LocalDate from;

  @Option(names = "--to", paramLabel = "DATE", converter = ChangesCommand.IsoDate.class,
      description = "Only gaps up to this day, included (UTC).")
  LocalDate to;

  @Option(names = "--channel", paramLabel = "CHANNEL", description = "Only gaps on web, api, slack, teams or cli.")
  String channel;

  @Option(names = "--limit", paramLabel = "N", description = "Most gaps read of each kind, newest first (default: "
      + Gaps.DEFAULT_LIMIT + ", at most " + GapQuery.MAX_LIMIT + ").")
  int limit = Gaps.DEFAULT_LIMIT;

  @Option(names = "--data-dir", paramLabel = "DIR",
      description = "Folder of the embedded answer records (default: SCOPEBOT_DATA_DIR, else data).")
  Path dataDir;

  @Option(names = "--json", description = "Print the report as one JSON object.")
  boolean json;

  @Option(names = "--csv", description = "Print the report as CSV, one row a group.")
  boolean csv;

  @Override
  public Integer call() throws CorpusException, SQLException, JsonProcessingException {
    PrintWriter err = spec.commandLine().getErr();
    GapQuery query;
    try {
      query = new GapQuery(from, to, channel, limit);
    } catch (IllegalArgumentException e) {
      err.println("error: " + e.getMessage());
      return 2;
    }
    Map<String, String> env = new HashMap<>(System.getenv());
    if (dataDir != null) {
      env.put("SCOPEBOT_DATA_DIR", dataDir.toString());
    }
    Config config = Config.fromEnv(env);
    Path embedded = config.dataDir().resolve("answers.db");
    if (config.jdbcUrl() == null && !Files.exists(embedded)) {
      err.println("error: no answer records at " + embedded + ": point --data-dir or SCOPEBOT_DATA_DIR at the"
          + " server's data folder, or SCOPEBOT_JDBC_URL at its database");
      return 2;
    }
    Answerer answerer = options.load();
    GapsReport report;
    try (AnswerStore store = AnswerStore.open(ScopeServer.storeSettings(config))) {
      report = new Gaps(store).report(query, answerer);
    }
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      out.println(AnswerJson.mapper().writeValueAsString(report));
    } else {
      out.print(csv ? GapsCsv.of(report) : text(report));
    }
    out.flush();
    return 0;
  }

  /** The report for people: totals, then each grouping's groups, largest first, with their newest examples. */
  static String text(GapsReport r) {
    StringBuilder out = new StringBuilder();
    out.append("Gaps ").append(r.from() == null ? "since the first record" : "from " + r.from())
        .append(r.to() == null ? "" : " to " + r.to())
        .append(r.channel() == null ? ", every channel" : ", on " + r.channel()).append(": ")
        .append(counts(r.totals())).append('\n');
    if (r.truncated()) {
      out.append("(more gaps than a report reads: these are the newest; narrow the period or raise --limit)\n");
    }
    section(out, "By topic", r.byTopic(), r.topicsLeftOut());
    section(out, "By nearest document section", r.bySection(), r.sectionsLeftOut());
    return out.toString();
  }

  private static void section(StringBuilder out, String title, List<GapsReport.Group> groups, int leftOut) {
    out.append('\n').append(title).append(groups.isEmpty() ? ": none\n" : "\n");
    for (GapsReport.Group g : groups) {
      out.append(String.format("%5d  %s%s%n", g.count(), g.label(),
          g.document() == null ? "" : " (" + g.document() + ")"));
      out.append("       ").append(counts(g.outcomes())).append("; first ").append(g.firstSeen()).append(", last ")
          .append(g.lastSeen()).append('\n');
      for (GapsReport.Example e : g.examples()) {
        out.append("       - \"").append(oneLine(e.question())).append("\" (").append(e.outcome()).append(", ")
            .append(e.channel()).append(", ").append(e.at()).append(", answer ").append(e.answerId()).append(')');
        if (!e.reason().isEmpty()) {
          out.append(": \"").append(oneLine(e.reason())).append('"');
        }
        out.append('\n');
      }
    }
    if (leftOut > 0) {
      out.append("  … and ").append(leftOut).append(" smaller groups\n");
    }
  }

  private static String counts(Map<String, Integer> counts) {
    return counts.entrySet().stream().sorted(Map.Entry.comparingByKey())
        .map(e -> e.getValue() + " " + e.getKey()).collect(Collectors.joining(", "));
  }

  /** A person's text on one line: a question with line breaks must not look like two entries. */
  private static String oneLine(String s) {
    return s.replaceAll("\\s+", " ").strip();
  }
}

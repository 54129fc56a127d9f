package com.scopebot.cli;

import com.scopebot.corpus.Corpus;
import com.scopebot.corpus.CorpusException;
import com.scopebot.history.ChangesJson;
import com.scopebot.history.ChangesReport;
import com.scopebot.history.ChangesText;
import com.scopebot.history.History;
import com.scopebot.history.UnknownDocumentException;
import com.scopebot.records.AnswerStore;
import com.scopebot.records.Reanswers;
import com.scopebot.server.Config;
import com.scopebot.server.ScopeServer;
import com.scopebot.service.AffectedAnswers;
import com.scopebot.service.AnswerService;
import com.scopebot.service.LogSafe;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code changes}: what changed between the revisions of a document, statement by statement. */
@Command(name = "changes", description = {
    "Lists what changed between revisions of a document: statements added, removed, reworded (with the words"
        + " changed) and moved, grouped by section, each with both revisions' links.",
    "DOCUMENT is a file name or a title, of any revision; without it, every document that has earlier revisions.",
    "With an answer store (the data folder's, or SCOPEBOT_JDBC_URL's), also lists the stored answers the revisions"
        + " changed and that were answered again: question, verdict then and now, the sentence, both records."})
final class ChangesCommand implements Callable<Integer> {

  @CommandLine.Mixin Main.CorpusOptions options;
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--since", paramLabel = "DATE", converter = IsoDate.class,
      description = "Only revisions dated after this day (e.g. 2018-04-01).")
  LocalDate since;

  @Option(names = "--json", description = "Print the changes as one JSON object.")
  boolean json;

  @Option(names = "--data", paramLabel = "DIR",
      description = "Folder of the answer store (default: SCOPEBOT_DATA_DIR, else data); SCOPEBOT_JDBC_URL wins.")
  Path data;

  @Parameters(paramLabel = "DOCUMENT", arity = "0..*", description = "A file name or title (words are joined).")
  List<String> words = new ArrayList<>();

  /** A day as ISO writes it, refused with an example otherwise. */
  static final class IsoDate implements CommandLine.ITypeConverter<LocalDate> {
    @Override
    public LocalDate convert(String value) {
      try {
        return LocalDate.parse(value.strip());
      } catch (DateTimeParseException e) {
        throw new CommandLine.TypeConversionException("expected a date like 2018-04-01, got '" + value + "'");
      }
    }
  }

  @Override
  public Integer call() throws CorpusException {
    History history = History.of(Corpus.load(options.corpus()));
    ChangesReport report;
    try {
      report = ChangesReport.of(history, String.join(" ", words), since);
    } catch (UnknownDocumentException e) {
      spec.commandLine().getErr().println("error: " + e.getMessage());
      return 2;
    }
    PrintWriter out = spec.commandLine().getOut();
    Config config = config();
    UnaryOperator<String> link = id -> (config.publicUrl() == null ? "" : config.publicUrl())
        + AnswerService.ANSWER_PAGE + id;
    Optional<AffectedAnswers> affected = affected(config, report, !words.isEmpty());
    if (json) {
      var root = ChangesJson.of(report);
      affected.ifPresent(a -> a.putInto(root, link));
      out.print(root + "\n");
    } else {
      out.print(ChangesText.render(report));
      affected.ifPresent(a -> out.print(a.text(link)));
    }
    out.flush();
    return 0;
  }

  private Config config() {
    Map<String, String> env = new HashMap<>(System.getenv());
    if (data != null) {
      env.put("SCOPEBOT_DATA_DIR", data.toString());
    }
    return Config.fromEnv(env);
  }

  /**
   * The answers the report's revisions changed, when there is an answer store to read them from: a data folder
   * without one is left as it is, not given an empty store. A store that fails is reported and left out.
   */
  private Optional<AffectedAnswers> affected(Config config, ChangesReport report, boolean named) {
    Path embedded = config.dataDir().resolve("answers.db");
    if (config.jdbcUrl() == null && !Files.isRegularFile(embedded)) {
      return Optional.empty();
    }
    try (AnswerStore store = AnswerStore.open(ScopeServer.storeSettings(config))) {
      return Optional.of(AffectedAnswers.of(new Reanswers(store), report, named));
    } catch (SQLException | RuntimeException e) {
      spec.commandLine().getErr().println("warning: the answers affected are not listed, the answer store cannot be"
          + " read: " + LogSafe.text(e.getMessage()));
      return Optional.empty();
    }
  }
}

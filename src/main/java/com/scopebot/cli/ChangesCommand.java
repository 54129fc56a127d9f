package com.scopebot.cli;

import com.scopebot.corpus.Corpus;
import com.scopebot.corpus.CorpusException;
import com.scopebot.history.ChangesJson;
import com.scopebot.history.ChangesReport;
import com.scopebot.history.ChangesText;
import com.scopebot.history.History;
import com.scopebot.history.UnknownDocumentException;
import java.io.PrintWriter;
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
    "DOCUMENT is a file name or a title, of any revision; without it, every document that has earlier revisions."})
final class ChangesCommand implements Callable<Integer> {

  @CommandLine.Mixin Main.CorpusOptions options;
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--since", paramLabel = "DATE", converter = IsoDate.class,
      description = "Only revisions dated after this day (e.g. 2018-04-01).")
  LocalDate since;

  @Option(names = "--json", description = "Print the changes as one JSON object.")
  boolean json;

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
    out.print(json ? ChangesJson.line(report) + "\n" : ChangesText.render(report));
    out.flush();
    return 0;
  }
}

package com.scopebot.cli;

import com.scopebot.answer.Answer;
import com.scopebot.answer.AnswerJson;
import com.scopebot.answer.AnswerText;
import com.scopebot.answer.Answerer;
import com.scopebot.answer.Engine;
import com.scopebot.corpus.Corpus;
import com.scopebot.corpus.CorpusException;
import com.scopebot.corpus.Document;
import com.scopebot.corpus.Passage;
import com.scopebot.eval.EvalFile;
import com.scopebot.eval.Evaluation;
import com.scopebot.eval.MergedCorpus;
import com.scopebot.server.Config;
import com.scopebot.server.ScopeServer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.BooleanSupplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The command line: {@code serve}, {@code index}, {@code ask}, {@code eval}, {@code bench}, {@code teams-package},
 * {@code changes}, {@code gaps}, {@code help}.
 */
// INHERIT: every subcommand answers --help and --version as the top command does
@Command(name = "scopebot", mixinStandardHelpOptions = true, version = "scopebot 0.1.0",
    scope = CommandLine.ScopeType.INHERIT,
    description = "Answers FastTrack scope questions with a verdict and the sentences it rests on.",
    subcommands = {Main.Serve.class, Main.Index.class, Main.Ask.class, Chat.class, DisputeCommand.class,
        Main.Eval.class, CalibrateCommand.class, Bench.class, SearchCommand.class, TeamsPackageCommand.class, ChangesCommand.class,
        GapsCommand.class, CommandLine.HelpCommand.class})
public final class Main implements Runnable {

  /** Whether standard input is a person at a terminal rather than a file or a pipe. */
  final BooleanSupplier interactive;

  private Main(BooleanSupplier interactive) {
    this.interactive = interactive;
  }

  /** Options every command shares. */
  public static final class CorpusOptions {
    @Option(names = "--corpus", paramLabel = "DIR",
        description = "Folder of Markdown documents (default: index-data/corpus, else the copy in the jar).")
    Path corpus;

    @Option(names = "--synonyms", paramLabel = "FILE",
        description = "Synonym file (default: index-data/synonyms.txt, else the copy in the jar).")
    Path synonyms;

    /** The folder given, else the default one (which, from a folder without index-data, is the jar's copy). */
    Path corpus() throws CorpusException {
      return corpus != null ? corpus : Engine.defaultCorpus();
    }

    Answerer load() throws CorpusException {
      return Engine.load(corpus(), synonyms);
    }

    /** The corpus folder alone, or merged with the extra folders: the corpus loader reads one folder. */
    Answerer load(List<Path> extraCorpora) throws CorpusException, IOException {
      if (extraCorpora.isEmpty()) {
        return load();
      }
      List<Path> folders = new ArrayList<>(List.of(corpus()));
      folders.addAll(extraCorpora);
      try (MergedCorpus merged = MergedCorpus.of(folders)) {
        // the index is built in memory: the copies are no longer needed once it is loaded
        return Engine.load(merged.dir(), synonyms);
      }
    }
  }

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  /** The configured command line; tests run it in-process. */
  public static CommandLine commandLine() {
    // Java 17 has a console only when both standard input and output are a terminal
    return commandLine(() -> System.console() != null);
  }

  /** The command line, told whether standard input is a terminal (tests play both). */
  static CommandLine commandLine(BooleanSupplier interactive) {
    CommandLine cl = new CommandLine(new Main(interactive));
    cl.setOut(new PrintWriter(new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8), true));
    cl.setErr(new PrintWriter(new java.io.OutputStreamWriter(System.err, StandardCharsets.UTF_8), true));
    cl.setExecutionExceptionHandler((e, cmd, parsed) -> {
      // a clear line, never a stack trace: input problems are the user's to fix, the rest is reported as ours
      if (e instanceof CorpusException || e instanceof IllegalStateException) {
        cmd.getErr().println("error: " + e.getMessage());
      } else {
        cmd.getErr().println("error: " + e);
      }
      return 2;
    });
    return cl;
  }

  @Command(name = "serve", description = {
      "Serves the web chat, the JSON API, health, metrics, and the Slack and Teams endpoints.",
      "Settings come from the environment (see docs/configuration.md); options override them."})
  static final class Serve implements Callable<Integer> {
    @Option(names = "--port", paramLabel = "PORT", description = "TCP port (default: SCOPEBOT_PORT, else 3978).")
    Integer port;

    @Option(names = "--host", paramLabel = "ADDRESS", description = "Address to listen on (default: SCOPEBOT_HOST, else all).")
    String host;

    @Option(names = "--corpus", paramLabel = "DIR", description = "Folder of Markdown documents"
        + " (default: SCOPEBOT_CORPUS, else index-data/corpus, else the copy in the jar).")
    Path corpus;

    @Option(names = "--synonyms", paramLabel = "FILE",
        description = "Synonym file (default: index-data/synonyms.txt, else the copy in the jar).")
    Path synonyms;

    @Option(names = "--check", description = "Starts every part, asks one question over HTTP as a client would,"
        + " prints its verdict and stops (exit 0 when it was answered): a smoke test of an install, and the build's"
        + " training run for the class archive that makes the server start sooner (docs/performance.md, Startup).")
    boolean check;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
      ScopeServer server = server(System.getenv()).start();
      if (check) {
        return ServeCheck.run(server, spec.commandLine().getOut());
      }
      server.join();
      return 0;
    }

    /** The server these options and the environment's settings describe, not started yet. */
    ScopeServer server(Map<String, String> env) throws SQLException, CorpusException {
      Config config = Config.fromEnv(env);
      if (port != null) {
        config = config.withPort(port);
      }
      if (host != null) {
        config = config.withHost(host);
      }
      if (corpus != null) {
        config = config.withCorpus(corpus);
      }
      return ScopeServer.create(config, synonyms);
    }
  }

  @Command(name = "index", description = "Builds the index from the corpus and reports what was indexed.")
  static final class Index implements Callable<Integer> {
    @CommandLine.Mixin CorpusOptions options;
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws CorpusException {
      long start = System.nanoTime();
      Answerer answerer = options.load();
      long ms = (System.nanoTime() - start) / 1_000_000;
      Corpus corpus = answerer.index().corpus();
      PrintWriter out = spec.commandLine().getOut();
      for (Document d : corpus.documents()) {
        List<Passage> of = corpus.passages().stream().filter(p -> p.document().file().equals(d.file())).toList();
        out.printf("%-48s %4d passages %4d statements  revision %s%s%n", d.file(), of.size(),
            of.stream().mapToInt(p -> p.statements().size()).sum(), d.revision(),
            d.current() ? "" : "  (superseded in family " + d.family() + ")");
      }
      for (Corpus.Problem p : corpus.problems()) {
        out.printf("skipped %s: %s%n", p.file(), p.reason());
      }
      // the index holds one entry a statement: a passage ("Provide X and Y.") can make several
      out.printf("indexed %d statements from %d passages in %d documents in %d ms%n", answerer.index().size(),
          corpus.passages().size(), corpus.documents().size(), ms);
      return 0;
    }
  }

  @Command(name = "ask", description = {
      "Answers a question. With no question, answers one question a line from standard input."})
  static final class Ask implements Callable<Integer> {
    @CommandLine.Mixin CorpusOptions options;
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;
    @CommandLine.ParentCommand Main main;

    @Option(names = "--json", description = "Print the answer contract's JSON, one object a line.")
    boolean json;

    @Option(names = "--explain", description = {"Also show how the question was read (ask, topic, corrections, "
        + "synonyms), the top statements with their scores and classification, and why the verdict.",
        "With --json, adds an \"explain\" object."})
    boolean explain;

    @Option(names = "--as-of", paramLabel = "DATE", description = {"Answer from the revisions in force on DATE "
        + "(YYYY-MM-DD), saying which; a question can also name its date (\"in March 2018\")."})
    java.time.LocalDate asOf;

    @Parameters(paramLabel = "QUESTION", arity = "0..*", description = "The question (words are joined).")
    List<String> words = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
      if (words.isEmpty() && main.interactive.getAsBoolean()) {
        // a person who typed only "ask" would otherwise face a silent wait; stderr keeps standard output answers only
        spec.commandLine().getErr().println("Reading questions from standard input, one a line; Ctrl-D to end.");
      }
      Answerer answerer = options.load();
      PrintWriter out = spec.commandLine().getOut();
      if (!words.isEmpty()) {
        print(out, ask(answerer, String.join(" ", words)));
        return 0;
      }
      LineReader lines = new LineReader(new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)),
          Answerer.MAX_QUESTION_CHARS + 1);
      for (LineReader.Line line = lines.next(); line != null; line = lines.next()) {
        // an over-long line is cut just past the limit: enough for the answerer to refuse it as too long
        print(out, ask(answerer, line.text()));
      }
      return 0;
    }

    private Answer ask(Answerer answerer, String question) {
      return explain ? answerer.explain(question, asOf) : answerer.answer(question, asOf);
    }

    private void print(PrintWriter out, Answer a) {
      out.println(json ? AnswerJson.line(a) : AnswerText.render(a) + (a.explain() == null ? "" : AnswerText.explain(a.explain())));
      out.flush();
    }
  }

  @Command(name = "eval", description = {
      "Scores the bot on eval files (the format of dev.jsonl) as score.py does, then shows how often the verdict is"
          + " right per confidence band.",
      "With several files, each file's report comes under '== FILE', then '== all' sums them."})
  static final class Eval implements Callable<Integer> {
    @CommandLine.Mixin CorpusOptions options;
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "FILE.jsonl", arity = "1..*") List<Path> files;

    @Option(names = "--answers", paramLabel = "FILE",
        description = "Also write the answers, one JSON object a line: every file's, in the order given.")
    Path answersOut;

    @Option(names = "--extra-corpus", paramLabel = "DIR",
        description = "Also answer from this folder's documents, its sources.json merged with the corpus's"
            + " (repeatable; document names must differ). more-docs.jsonl runs with"
            + " --extra-corpus src/test/resources/eval/more-docs.")
    List<Path> extraCorpora = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
      Answerer answerer = load();
      List<EvalFile> evaluated = new ArrayList<>();
      for (Path file : files) {
        List<Evaluation.Case> cases = Evaluation.read(file);
        List<Answer> answers = cases.stream().map(c -> answerer.answer(c.question())).toList();
        evaluated.add(new EvalFile(file.toString(), cases, answers));
      }
      if (answersOut != null) {
        Files.write(answersOut, evaluated.stream().flatMap(f -> f.answers().stream()).map(AnswerJson::line).toList(),
            StandardCharsets.UTF_8);
      }
      PrintWriter out = spec.commandLine().getOut();
      out.print(EvalFile.report(evaluated));
      out.flush();
      return 0;
    }

    private Answerer load() throws CorpusException, IOException {
      return options.load(extraCorpora);
    }
  }
}

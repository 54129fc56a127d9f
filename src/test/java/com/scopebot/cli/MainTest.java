package com.scopebot.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.scopebot.Fixtures;
import com.scopebot.corpus.Corpus;
import com.scopebot.server.ScopeServer;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The command line's contract: what people and programs read from it. */
class MainTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  record Run(int exit, String out, String err) {}

  static Run run(byte[] stdin, String... args) {
    return run(false, stdin, args);
  }

  /** Runs the command line in-process, standard input being a terminal or not. */
  static Run run(boolean terminal, byte[] stdin, String... args) {
    InputStream saved = System.in;
    try {
      System.setIn(new ByteArrayInputStream(stdin));
      CommandLine cl = Main.commandLine(() -> terminal);
      StringWriter out = new StringWriter();
      StringWriter err = new StringWriter();
      cl.setOut(new PrintWriter(out));
      cl.setErr(new PrintWriter(err));
      int exit = cl.execute(args);
      return new Run(exit, out.toString(), err.toString());
    } finally {
      System.setIn(saved);
    }
  }

  static Run run(String... args) {
    return run(new byte[0], args);
  }

  private static String corpus() {
    return Fixtures.fixtureCorpus().toString();
  }

  @Test
  void chatReadsAFollowUpAgainstTheQuestionBefore() {
    Run r = run("Is AD FS covered for multiple forests?\nand for a single forest?\nhelp\n"
        .getBytes(java.nio.charset.StandardCharsets.UTF_8), "chat", "--corpus", corpus());
    assertEquals(0, r.exit(), r.err());
    assertTrue(r.out().contains("⛔ Out of scope"), r.out());
    assertTrue(r.out().contains("Reading this as: Is AD FS covered for a single forest?"), r.out());
    assertTrue(r.out().contains("✅ In scope"), r.out());
    assertTrue(r.out().contains("Documents I read"), "help in a chat: " + r.out());
  }

  @Test
  void printsTheVerdictFirstThenEachQuoteWithItsTrail() {
    Run r = run("ask", "--corpus", corpus(), "Is", "AD", "FS", "covered", "for", "multiple", "forests?");
    assertEquals(0, r.exit(), r.err());
    String[] lines = r.out().split("\n");
    assertEquals("⛔ Out of scope", lines[0]);
    assertTrue(r.out().contains("[1] “For all multiple forest configurations, AD FS deployments are out of scope.”"), r.out());
    assertTrue(r.out().contains("FastTrack responsibilities › Enable phase (2019-03-07)") && !r.out().contains("fasttrack-responsibilities.md ›"), r.out());
  }

  @Test
  void printsTheAnswerContractAsJson() throws Exception {
    Run r = run("ask", "--json", "--corpus", corpus(), "Who is responsible for SSL certificates?");
    JsonNode a = JSON.readTree(r.out());
    assertEquals("Who is responsible for SSL certificates?", a.get("question").asText());
    assertEquals("customer", a.get("verdict").asText());
    assertTrue(a.get("answer").asText().length() > 0);
    assertTrue(a.get("confidence").isNumber());
    JsonNode c = a.get("citations").get(0);
    for (String field : List.of("quote", "document", "title", "section", "revision", "line", "url")) {
      assertTrue(c.has(field), "citation field " + field);
    }
    assertTrue(c.get("section").isArray());
    assertTrue(c.get("line").isInt());
  }

  @Test
  void answersOneQuestionALineFromStandardInputInOrder() throws Exception {
    String in = "Who is responsible for SSL certificates?\n\nIs AD FS covered for multiple forests?\nWhat's the weather like today?\n";
    Run r = run(in.getBytes(StandardCharsets.UTF_8), "ask", "--json", "--corpus", corpus());
    String[] lines = r.out().split("\n");
    assertEquals(4, lines.length, r.out());
    List<String> verdicts = new ArrayList<>();
    for (String l : lines) {
      verdicts.add(JSON.readTree(l).get("verdict").asText());
    }
    assertEquals(List.of("customer", "unknown", "out_of_scope", "unknown"), verdicts);
  }

  @Test
  void answersTheSampleQuestionsFileReadmePointsAtEachWithAVerdictAndASource() throws Exception {
    Path sample = Path.of("src", "main", "resources", "examples", "questions.txt");
    assertTrue(Files.readString(Path.of("README.md")).contains("ask --json < " + sample.toString().replace('\\', '/')),
        "README points at the sample");
    List<String> questions = Files.readAllLines(sample).stream().filter(l -> !l.isBlank()).toList();
    Run r = run(Files.readAllBytes(sample), "ask", "--json");
    assertEquals(0, r.exit(), r.err());
    List<String> lines = r.out().lines().toList();
    assertEquals(questions.size(), lines.size(), r.out());
    for (int i = 0; i < lines.size(); i++) {
      JsonNode a = JSON.readTree(lines.get(i));
      assertEquals(questions.get(i), a.get("question").asText());
      // a sample shows what the bot does: every question is one the bundled documents settle, with a quote
      assertNotEquals("unknown", a.get("verdict").asText(), lines.get(i));
      assertFalse(a.get("citations").isEmpty(), lines.get(i));
    }
  }

  @Test
  void answersBinaryJunkOnStandardInputWithUnknowns() throws Exception {
    byte[] junk = new byte[5000];
    new Random(7).nextBytes(junk);
    Run r = run(junk, "ask", "--json", "--corpus", corpus());
    assertEquals(0, r.exit(), r.err());
    for (String l : r.out().split("\n")) {
      JsonNode a = JSON.readTree(l);
      assertTrue(a.has("verdict"));
    }
    assertFalse(r.err().contains("Exception"));
  }

  @Test
  void refusesAnEmptyCorpusFolderWithOneClearLine(@TempDir Path empty) {
    Run r = run("ask", "--corpus", empty.toString(), "Is AD FS covered?");
    assertEquals(2, r.exit());
    assertEquals("error: no usable Markdown documents in " + empty, r.err().trim());
  }

  @Test
  void serveReadsTheSynonymFileItIsGiven(@TempDir Path dir) throws Exception {
    // a made-up word taught as a synonym of "certificates": only the server given this file finds statements by it
    Path synonyms = dir.resolve("synonyms.txt");
    Files.writeString(synonyms, Files.readString(Path.of("index-data", "synonyms.txt"))
        + "\ncertificate, zorbleflux\n");
    Main.Serve serve = CommandLine.populateCommand(new Main.Serve(), "--host", "127.0.0.1", "--port", "0",
        "--corpus", corpus(), "--synonyms", synonyms.toString());
    ScopeServer server = serve.server(Map.of("SCOPEBOT_DATA_DIR", dir.resolve("data").toString())).start();
    try {
      HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
          server.uri().resolve("/api/search?q=zorbleflux")).build(), HttpResponse.BodyHandlers.ofString());
      assertEquals(200, r.statusCode(), r.body());
      assertTrue(JSON.readTree(r.body()).get("total").asInt() > 0, r.body());
    } finally {
      server.stop();
    }
    assertTrue(run("help", "serve").out().contains("--synonyms=FILE"));
  }

  @Test
  void serveCheckAsksOneQuestionOverHttpPrintsTheVerdictAndStops(@TempDir Path dir) throws Exception {
    Main.Serve serve = CommandLine.populateCommand(new Main.Serve(), "--host", "127.0.0.1", "--port", "0",
        "--corpus", corpus(), "--check");
    assertTrue(serve.check);
    ScopeServer server = serve.server(Map.of("SCOPEBOT_DATA_DIR", dir.resolve("data").toString())).start();
    java.net.URI base = server.uri();
    StringWriter out = new StringWriter();
    assertEquals(0, ServeCheck.run(server, new PrintWriter(out, true)));
    assertEquals("check passed: \"" + ServeCheck.QUESTION + "\" answered customer by " + base.resolve("/api/ask")
        + "\n", out.toString());
    java.net.URI health = base.resolve("/healthz");
    assertThrows(java.net.ConnectException.class, () -> HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(health).build(), HttpResponse.BodyHandlers.discarding()), "stopped after the check");
  }

  @Test
  void serveCheckFailsWithOneLineWhenTheServerDoesNotAnswer(@TempDir Path dir) throws Exception {
    Main.Serve serve = CommandLine.populateCommand(new Main.Serve(), "--host", "127.0.0.1", "--port", "0",
        "--corpus", corpus(), "--check");
    ScopeServer server = serve.server(Map.of("SCOPEBOT_DATA_DIR", dir.resolve("data").toString())).start();
    java.net.URI base = server.uri();
    server.stop(); // a server gone before the question: nothing listens
    StringWriter out = new StringWriter();
    assertEquals(1, ServeCheck.ask(base, new PrintWriter(out, true)));
    assertEquals("check failed: ConnectException from " + base.resolve("/api/ask") + "\n", out.toString());
  }

  @Test
  void indexReportsDocumentsAndSkippedFiles(@TempDir Path dir) throws Exception {
    Files.copy(Fixtures.fixtureCorpus().resolve("customer-responsibilities.md"), dir.resolve("customer.md"));
    Files.write(dir.resolve("broken.md"), new byte[] {0, 1, 2, 3});
    Run r = run("index", "--corpus", dir.toString());
    assertEquals(0, r.exit(), r.err());
    assertTrue(r.out().contains("skipped broken.md: not a Markdown text file (binary content)"), r.out());
    assertTrue(r.out().matches("(?s).*indexed \\d+ statements from \\d+ passages in 1 documents in \\d+ ms.*"), r.out());
  }

  @Test
  void indexCountsPassagesAndStatementsEachByItsName() throws Exception {
    Corpus corpus = Corpus.load(Fixtures.fixtureCorpus());
    int passages = corpus.passages().size();
    int statements = corpus.passages().stream().mapToInt(p -> p.statements().size()).sum();
    assertNotEquals(passages, statements, "a corpus where the two counts differ");
    Run r = run("index", "--corpus", corpus());
    assertEquals(0, r.exit(), r.err());
    assertTrue(r.out().matches("(?s).*\nindexed " + statements + " statements from " + passages + " passages in "
        + corpus.documents().size() + " documents in \\d+ ms\n"), r.out());
    String customer = "customer-responsibilities.md";
    long customerPassages = corpus.passages().stream().filter(p -> p.document().file().equals(customer)).count();
    long customerStatements = corpus.passages().stream().filter(p -> p.document().file().equals(customer))
        .mapToInt(p -> p.statements().size()).sum();
    assertTrue(r.out().matches("(?s).*" + customer + " +" + customerPassages + " passages +" + customerStatements
        + " statements .*"), r.out());
  }

  @Test
  void evalPrintsTheFiguresOfScorePy(@TempDir Path dir) throws Exception {
    Path eval = dir.resolve("eval.jsonl");
    Files.writeString(eval, """
        {"id": "x1", "question": "Who is responsible for SSL certificates?", "verdicts": ["customer"], "quotes": ["public SSL certificates"]}
        {"id": "x2", "question": "What's the weather like today?", "verdicts": ["unknown"], "quotes": []}
        """);
    Path answers = dir.resolve("answers.jsonl");
    Run r = run("eval", "--corpus", corpus(), eval.toString(), "--answers", answers.toString());
    assertEquals(0, r.exit(), r.err());
    assertTrue(r.out().contains("verdict 2/2  cite@1 1/1  cite@3 1/1  unknown 1/1"), r.out());
    assertTrue(r.out().contains("score verdict=1.000 cite1=1.000 cite3=1.000"), r.out());
    assertEquals(2, Files.readAllLines(answers).size());
  }

  @Test
  void evalScoresSeveralFilesThenAllOfThemAndWritesEveryAnswerInOrder(@TempDir Path dir) throws Exception {
    Path first = dir.resolve("first.jsonl");
    Files.writeString(first, """
        {"id": "x1", "question": "Who is responsible for SSL certificates?", "verdicts": ["customer"], "quotes": ["public SSL certificates"]}
        """);
    Path second = dir.resolve("second.jsonl");
    Files.writeString(second, """
        {"id": "y1", "question": "What's the weather like today?", "verdicts": ["unknown"], "quotes": []}
        {"id": "y2", "question": "Is AD FS covered for multiple forests?", "verdicts": ["in_scope"], "quotes": ["AD FS"]}
        """);
    Path answers = dir.resolve("answers.jsonl");
    Run r = run("eval", "--corpus", corpus(), first.toString(), second.toString(), "--answers", answers.toString());
    assertEquals(0, r.exit(), r.err());
    assertTrue(r.out().startsWith("== " + first + "\nverdict 1/1  cite@1 1/1  cite@3 1/1  unknown 0/0"), r.out());
    // y2 expects a verdict the bot does not give: a wrong commitment, summed under "all"
    assertTrue(r.out().contains("\n== " + second + "\n  miss y2 Is AD FS covered for multiple forests?"
        + " verdict=out_of_scope cite1=ok\nverdict 1/2  cite@1 1/1  cite@3 1/1  unknown 1/1"), r.out());
    assertTrue(r.out().matches("(?s).*\n== all\nverdict 2/3  cite@1 2/2  cite@3 2/2  unknown 1/1"
        + "  median-quote \\d+ chars  wrong 1  abstained 0\n"
        + "score verdict=0\\.667 cite1=1\\.000 cite3=1\\.000\nconfidence .*"), r.out());
    List<String> verdicts = new ArrayList<>();
    for (String l : Files.readAllLines(answers)) {
      verdicts.add(JSON.readTree(l).get("verdict").asText());
    }
    assertEquals(List.of("customer", "unknown", "out_of_scope"), verdicts);
  }

  @Test
  void evalAnswersFromAnExtraCorpusFolderWithItsPermalinks(@TempDir Path dir) throws Exception {
    Path eval = dir.resolve("more.jsonl");
    Files.writeString(eval, """
        {"id": "u08", "question": "Is IRM configuration for SharePoint Online part of the Azure RMS setup?", "verdicts": ["in_scope"], "quotes": ["IRM Configuration"]}
        """);
    Path moreDocs = Path.of(MainTest.class.getResource("/eval/more-docs").toURI());
    Path answers = dir.resolve("answers.jsonl");
    Run r = run("eval", "--corpus", corpus(), "--extra-corpus", moreDocs.toString(), eval.toString(),
        "--answers", answers.toString());
    assertEquals(0, r.exit(), r.err());
    JsonNode cite = JSON.readTree(Files.readString(answers)).get("citations").get(0);
    assertEquals("rms-benefit-process-2016-03.md", cite.get("document").asText());
    // the permalink comes from more-docs/sources.json, merged into the corpus's
    assertTrue(cite.get("url").asText().startsWith("https://github.com/MicrosoftDocs/EMDocs/blob/432209a"),
        cite.toString());
  }

  @Test
  void evalRefusesAnExtraCorpusThatRepeatsADocumentName(@TempDir Path dir) throws Exception {
    Path extra = Files.createDirectory(dir.resolve("extra"));
    String name = "customer-responsibilities.md";
    Files.copy(Fixtures.fixtureCorpus().resolve(name), extra.resolve(name));
    Path eval = Files.writeString(dir.resolve("e.jsonl"), """
        {"id": "x", "question": "Who?", "verdicts": ["customer"], "quotes": []}
        """);
    Run r = run("eval", "--corpus", corpus(), "--extra-corpus", extra.toString(), eval.toString());
    assertEquals(2, r.exit());
    assertEquals("error: " + extra.resolve(name) + ": another corpus folder already holds a document named " + name,
        r.err().trim());
  }

  @Test
  void benchReportsPercentilesForTheCorpusAndALargerCopy() {
    Run r = run("bench", "--corpus", corpus(), "--scale", "3", "--questions", "200");
    assertEquals(0, r.exit(), r.err());
    assertTrue(r.out().matches("(?s).*\\nbundled +3 +\\d+ +\\d+ +[\\d.]+/[\\d.]+ +[\\d.]+ +[\\d.]+ +[\\d.]+ +[\\d.]+\\n.*"), r.out());
    assertTrue(r.out().matches("(?s).*\\n3x +9 +\\d+ .*"), r.out());
    assertTrue(r.out().contains("heap in use after GC with the 3x index loaded"), r.out());
  }

  @Test
  void everyCommandAnswersHelpWithItsUsage() {
    for (String command : Main.commandLine().getSubcommands().keySet()) {
      Run r = run(command, "--help");
      assertEquals(0, r.exit(), command + ": " + r.err());
      assertTrue(r.out().contains("Usage: scopebot " + command + " "), command + ": " + r.out());
      assertTrue(r.out().contains("-h, --help"), command + ": " + r.out());
    }
  }

  @Test
  void helpNamesEveryCommandAndHelpOnACommandShowsItsOptions() {
    Run all = run("help");
    assertEquals(0, all.exit(), all.err());
    for (String command : List.of("serve", "index", "ask", "eval", "bench", "teams-package", "help")) {
      assertTrue(all.out().contains("\n  " + command + " "), command + " missing from:\n" + all.out());
    }
    Run ask = run("help", "ask");
    assertEquals(0, ask.exit(), ask.err());
    assertTrue(ask.out().startsWith("Usage: scopebot ask"), ask.out());
    assertTrue(ask.out().contains("--json"), ask.out());
  }

  @Test
  void askWithNoQuestionInATerminalSaysItReadsStandardInput() {
    Run r = run(true, "Who is responsible for SSL certificates?\n".getBytes(StandardCharsets.UTF_8),
        "ask", "--corpus", corpus());
    assertEquals(0, r.exit(), r.err());
    assertEquals("Reading questions from standard input, one a line; Ctrl-D to end.", r.err().trim());
    assertTrue(r.out().startsWith("👤 Customer's responsibility"), r.out());
  }

  @Test
  void askReadingAFileOrAPipeAddsNothingToItsOutput() {
    Run piped = run(false, "Who is responsible for SSL certificates?\n".getBytes(StandardCharsets.UTF_8),
        "ask", "--json", "--corpus", corpus());
    assertEquals("", piped.err());
    Run asked = run(true, new byte[0], "ask", "--corpus", corpus(), "Who is responsible for SSL certificates?");
    assertEquals("", asked.err(), "a question on the command line reads nothing from a terminal");
  }

  @Test
  void rejectsUnknownOptionsWithUsage() {
    Run r = run("ask", "--nope");
    assertEquals(2, r.exit());
    assertTrue(r.err().contains("Unknown option: '--nope'"), r.err());
  }
}

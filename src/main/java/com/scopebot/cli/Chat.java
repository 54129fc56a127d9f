package com.scopebot.cli;

import com.scopebot.answer.Answer;
import com.scopebot.answer.AnswerText;
import com.scopebot.answer.Answerer;
import com.scopebot.service.AnswerService;
import com.scopebot.service.LiveIndex;
import com.scopebot.service.ScopeMetrics;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code chat}: a conversation at the terminal, as in Slack or Teams — a follow-up ("and for a single forest?") is read
 * against the question before it, and the answer says how it was read. Nothing is recorded.
 */
@Command(name = "chat", description = {
    "Talks with the bot at the terminal: one question a line, follow-ups read against the question before.",
    "Ends at end of input (Ctrl-D) or with 'exit'."})
final class Chat implements Callable<Integer> {

  /** The one conversation of a chat session. */
  private static final String CONVERSATION = "terminal";

  @CommandLine.Mixin Main.CorpusOptions options;
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;
  @CommandLine.ParentCommand Main main;

  @Override
  public Integer call() throws Exception {
    Answerer answerer = options.load();
    AnswerService service = new AnswerService(LiveIndex.of(answerer), null, new ScopeMetrics(), Clock.systemUTC());
    PrintWriter out = spec.commandLine().getOut();
    boolean person = main.interactive.getAsBoolean();
    if (person) {
      out.println("Ask about FastTrack scope; follow-ups like \"and for a single forest?\" build on your last question."
          + " Ctrl-D or 'exit' ends.");
    }
    LineReader lines = new LineReader(new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)),
        Answerer.MAX_QUESTION_CHARS + 1);
    for (prompt(out, person); ; prompt(out, person)) {
      LineReader.Line line = lines.next();
      if (line == null || line.text().strip().equalsIgnoreCase("exit") || line.text().strip().equalsIgnoreCase("quit")) {
        break;
      }
      if (line.text().isBlank()) {
        continue;
      }
      Answer a = service.ask(line.text(), "cli", null, false, CONVERSATION).answer();
      out.println(AnswerText.render(a));
      out.flush();
    }
    return 0;
  }

  private static void prompt(PrintWriter out, boolean person) {
    if (person) {
      out.print("> ");
      out.flush();
    }
  }
}

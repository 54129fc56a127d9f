package com.scopebot.cli;

import com.scopebot.answer.AnswerJson;
import com.scopebot.answer.Answerer;
import com.scopebot.answer.Dispute;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code dispute CLAIM}: every statement for and against a claim, across documents and revisions, newest first. */
@Command(name = "dispute", description = {
    "Lays out a claim for a dispute: every statement for and against it across documents and revisions, grouped by the "
        + "verdict each supports, newest first, with the answer in force today."})
final class DisputeCommand implements Callable<Integer> {

  @CommandLine.Mixin Main.CorpusOptions options;
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--json", description = "Print the dispute as JSON.")
  boolean json;

  @Parameters(paramLabel = "CLAIM", arity = "1..*", description = "The claim (words are joined).")
  List<String> words = new ArrayList<>();

  @Override
  public Integer call() throws Exception {
    Answerer answerer = options.load();
    Dispute d = answerer.dispute(String.join(" ", words));
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      out.println(AnswerJson.mapper().writeValueAsString(d));
    } else {
      out.println("Claim: " + d.claim());
      out.println("Answer: " + d.answer().verdict().emoji() + " " + d.answer().verdict().label());
      out.println(d.summary());
      for (Dispute.Side side : d.sides()) {
        out.println();
        out.println(side.verdict().emoji() + " " + side.verdict().label() + " — " + side.evidence().size()
            + (side.evidence().size() == 1 ? " statement" : " statements"));
        for (Dispute.Evidence e : side.evidence()) {
          out.println("  “" + e.citation().quote() + "”");
          out.println("    " + e.citation().trail() + (e.citation().current() ? "" : " — superseded revision")
              + "; " + e.why());
          if (!e.citation().url().isEmpty()) {
            out.println("    " + e.citation().url());
          }
        }
      }
    }
    out.flush();
    return 0;
  }
}

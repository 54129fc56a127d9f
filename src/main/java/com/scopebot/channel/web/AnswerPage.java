package com.scopebot.channel.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.common.escape.Escaper;
import com.google.common.html.HtmlEscapers;
import com.scopebot.answer.Citation;
import com.scopebot.answer.Verdict;
import com.scopebot.corpus.Document;
import com.scopebot.records.AnswerRecord;
import com.scopebot.records.Feedback;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An answer record as a page: the template {@code pages/answer.html} with the record's question, verdict, answer and
 * first quote written in (escaped), so the link shows the answer without script, in a link preview too; the page's
 * script then shows it as the web chat does. Stateless and thread-safe.
 */
final class AnswerPage {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Escaper HTML = HtmlEscapers.htmlEscaper();
  private static final String TEMPLATE = template();

  private AnswerPage() {}

  /** The page, with what has changed since in the documents the answer cites (none when the corpus is unknown). */
  static String of(AnswerRecord r, List<Document> documents) throws IOException {
    JsonNode answer = JSON.readTree(r.answer());
    return page(r, answer).replace("{{later}}", later(answer, documents));
  }

  /**
   * "Since this answer": each cited document that a newer revision has replaced, or that is no longer in the corpus,
   * so whoever opens an old answer knows to check it against the documents in force.
   */
  private static String later(JsonNode answer, List<Document> documents) {
    Map<String, Document> byFile = new HashMap<>();
    documents.forEach(d -> byFile.put(d.file(), d));
    Set<String> lines = new LinkedHashSet<>();
    for (JsonNode c : answer.path("citations")) {
      Document cited = byFile.get(c.path("document").asText());
      if (cited == null) {
        lines.add("\u201c" + c.path("title").asText() + "\u201d (" + c.path("revision").asText()
            + ") is no longer among the documents.");
      } else if (!cited.current()) {
        documents.stream().filter(d -> d.family().equals(cited.family()) && d.current()).findFirst()
            .ifPresent(now -> lines.add("\u201c" + cited.title() + "\u201d (" + cited.revision() + ") has been replaced by"
                + " the " + now.revision() + " revision" + (now.title().equals(cited.title()) ? "" : ", \u201c"
                + now.title() + "\u201d") + "."));
      }
    }
    if (lines.isEmpty()) {
      return "";
    }
    StringBuilder html = new StringBuilder("<section class=\"later\" aria-labelledby=\"later-heading\">"
        + "<h3 id=\"later-heading\">Since this answer</h3><ul>");
    lines.forEach(l -> html.append("<li>").append(HTML.escape(l)).append("</li>"));
    return html.append("</ul><p>The dispute view lays out how the documents in force read now.</p></section>")
        .toString();
  }

  private static String page(AnswerRecord r, JsonNode answer) throws IOException {
    String verdict = label(r.verdict());
    JsonNode cited = answer.path("citations").path(0);
    Citation first = cited.isMissingNode() ? null : JSON.treeToValue(cited, Citation.class);
    StringBuilder summary = new StringBuilder()
        .append("<article class=\"message bot answer\" data-verdict=\"").append(HTML.escape(r.verdict())).append("\">")
        .append("<div class=\"answer-head\"><span class=\"badge verdict-").append(HTML.escape(r.verdict()))
        .append("\">").append(HTML.escape(verdict)).append("</span></div>")
        .append("<p class=\"answer-text\">").append(HTML.escape(answer.path("answer").asText())).append("</p>");
    if (first != null) {
      summary.append("<blockquote class=\"quote\">").append(HTML.escape(first.quote()))
          .append("</blockquote><p class=\"trail\">").append(HTML.escape(first.source()));
      String url = first.url() == null ? "" : first.url();
      if (url.startsWith("https://") || url.startsWith("http://")) {
        summary.append(" · <a href=\"").append(HTML.escape(url)).append("\">Open in document</a>");
      }
      summary.append("</p>");
    }
    summary.append("</article>");
    String description = verdict + (first == null ? "" : ": “" + first.quote() + "”");
    return TEMPLATE
        .replace("{{title}}", HTML.escape(verdict + " — " + r.question()))
        .replace("{{description}}", HTML.escape(description))
        .replace("{{id}}", HTML.escape(r.id()))
        .replace("{{question}}", HTML.escape(r.question()))
        .replace("{{meta}}", HTML.escape(meta(r)))
        .replace("{{dispute}}", HTML.escape("/dispute.html?claim=" + URLEncoder.encode(r.question(),
            StandardCharsets.UTF_8)))
        .replace("{{json}}", HTML.escape("/api/answers/" + r.id()))
        .replace("{{summary}}", summary.toString());
  }

  /** The verdict with its emoji, as every channel writes it ("⛔ Out of scope"); a record's unknown name as unknown. */
  private static String label(String wire) {
    Verdict v;
    try {
      v = Verdict.fromWire(wire);
    } catch (IllegalArgumentException e) {
      v = Verdict.UNKNOWN;
    }
    return v.emoji() + " " + v.label();
  }

  /** When and where it was asked, and what people said of it. */
  private static String meta(AnswerRecord r) {
    long helpful = r.feedback().stream().filter(Feedback::helpful).count();
    long not = r.feedback().size() - helpful;
    return "Asked " + r.createdAt().replace('T', ' ').replaceAll("\\.\\d+", "").replace("Z", " UTC") + " in "
        + r.channel() + " · " + (r.feedback().isEmpty() ? "no feedback yet"
        : helpful + " found it helpful, " + not + " did not");
  }

  private static String template() {
    try (InputStream in = AnswerPage.class.getResourceAsStream("/pages/answer.html")) {
      if (in == null) {
        throw new IllegalStateException("pages/answer.html is missing from the jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

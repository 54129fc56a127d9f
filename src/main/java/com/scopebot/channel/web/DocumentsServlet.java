package com.scopebot.channel.web;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.scopebot.answer.Answerer;
import com.scopebot.corpus.Corpus;
import com.scopebot.corpus.Document;
import com.scopebot.corpus.Holder;
import com.scopebot.corpus.Passage;
import com.scopebot.corpus.Statement;
import com.scopebot.service.LiveIndex;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;

/**
 * The document browser's data: {@code GET /api/documents} lists every document and revision (newest first within a
 * family); {@code GET /api/documents/{file}} gives one revision as its statements, each with who holds it, what it says
 * about scope, its limits and its link. The diff against the previous revision is {@code GET /api/changes}.
 */
public final class DocumentsServlet extends HttpServlet {

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private final transient LiveIndex index;

  public DocumentsServlet(LiveIndex index) {
    this.index = index;
  }

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    Answerer answerer = index.get();
    if (answerer == null) {
      JsonHttp.stillLoading(resp);
      return;
    }
    Corpus corpus = answerer.index().corpus();
    String path = req.getPathInfo() == null ? "/" : req.getPathInfo();
    if (path.equals("/")) {
      JsonHttp.write(resp, 200, list(corpus));
      return;
    }
    String file = path.substring(1);
    Optional<Document> doc = corpus.documents().stream().filter(d -> d.file().equals(file)).findFirst();
    if (doc.isEmpty()) {
      JsonHttp.error(resp, 404, "no such document: " + (file.length() > 100 ? file.substring(0, 100) + "…" : file));
      return;
    }
    JsonHttp.write(resp, 200, statements(corpus, doc.get()));
  }

  private static ObjectNode list(Corpus corpus) {
    ObjectNode out = JSON.objectNode();
    ArrayNode docs = out.putArray("documents");
    corpus.documents().stream()
        .sorted(Comparator.comparing(Document::family).thenComparing(Document::revision, Comparator.reverseOrder()))
        .forEach(d -> describe(docs.addObject(), d, corpus));
    return out;
  }

  private static void describe(ObjectNode node, Document d, Corpus corpus) {
    node.put("document", d.file()).put("title", d.title()).put("revision", d.revision()).put("family", d.family())
        .put("current", d.current()).put("url", d.permalinkBase());
    corpus.documents().stream().filter(o -> o.family().equals(d.family()) && o.revision().compareTo(d.revision()) < 0)
        .max(Comparator.comparing(Document::revision)).ifPresent(p -> node.put("previous", p.file()));
  }

  private static ObjectNode statements(Corpus corpus, Document d) {
    ObjectNode out = JSON.objectNode();
    describe(out, d, corpus);
    ArrayNode list = out.putArray("statements");
    for (Passage p : corpus.passages()) {
      if (!p.document().file().equals(d.file())) {
        continue;
      }
      for (Statement s : p.statements()) {
        ObjectNode n = list.addObject();
        n.put("statement", s.text()).put("quote", p.text()).put("line", p.line()).put("url", p.url());
        n.putPOJO("section", p.section());
        // "Want to learn more?" under "Your responsibilities" is no one's to do: only a statement that can ground a
        // verdict is listed as someone's
        Holder holder = s.kind().grounds() ? s.holder() : Holder.NONE;
        n.put("kind", s.kind().name().toLowerCase(Locale.ROOT)).put("holder", holder.name().toLowerCase(Locale.ROOT))
            .put("polarity", s.polarity().name().toLowerCase(Locale.ROOT));
        ArrayNode limits = n.putArray("limits");
        s.limits().forEach(l -> limits.add(l.kind().name().toLowerCase(Locale.ROOT) + ": " + l.phrase()));
      }
    }
    return out;
  }
}

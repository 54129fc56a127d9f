package com.scopebot.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.scopebot.channel.web.JsonHttp;
import com.scopebot.corpus.Corpus;
import com.scopebot.corpus.CorpusException;
import com.scopebot.service.LiveIndex;
import com.scopebot.service.LogSafe;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /admin/reindex} with {@code Authorization: Bearer <SCOPEBOT_ADMIN_TOKEN>}: rebuilds the index from the
 * corpus folder and swaps it in. A corpus that fails to index, or is too large for the heap, leaves the old index serving
 * (422 says why); a reindex asked for while one runs gets 409 at once.
 */
final class ReindexServlet extends HttpServlet {

  private static final Logger LOG = LoggerFactory.getLogger(ReindexServlet.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final transient LiveIndex index;
  /** The token's check, or null when reindex is disabled. */
  private final transient AdminGuard guard;
  private final CorpusLimit limit;

  /**
   * @param guard the admin token's check; null disables the endpoint
   * @param limit a corpus folder larger than this in total is refused before any of it is read
   */
  ReindexServlet(LiveIndex index, AdminGuard guard, CorpusLimit limit) {
    this.index = index;
    this.limit = limit;
    this.guard = guard;
  }

  @Override
  protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    if (guard == null) {
      JsonHttp.error(resp, 404, "reindex is disabled: set SCOPEBOT_ADMIN_TOKEN to enable it");
      return;
    }
    if (!guard.admits(req, resp)) {
      return;
    }
    try {
      // sizes first: indexing holds the whole corpus in memory several times over, so a huge one would exhaust the heap
      Optional<String> refusal = limit.refusal(CorpusSize.of(index.corpus()));
      if (refusal.isPresent()) {
        String why = refusal.get() + "; the previous index keeps serving";
        LOG.warn("reindex refused: {}", why);
        JsonHttp.error(resp, 422, why);
        return;
      }
      LiveIndex.Loaded loaded = index.reload();
      ObjectNode body = JSON.createObjectNode()
          .put("documents", loaded.documents())
          .put("passages", loaded.passages())
          .put("statements", loaded.statements())
          .put("millis", loaded.millis());
      ArrayNode skipped = body.putArray("skipped");
      for (Corpus.Problem p : loaded.problems()) {
        skipped.addObject().put("file", p.file()).put("reason", p.reason());
      }
      JsonHttp.write(resp, 200, body);
    } catch (LiveIndex.Busy e) {
      JsonHttp.error(resp, 409, e.getMessage());
    } catch (CorpusException e) {
      LOG.warn("reindex failed, the previous index keeps serving: {}", LogSafe.text(e.getMessage()));
      JsonHttp.error(resp, 422, "reindex failed, the previous index keeps serving: " + e.getMessage());
    }
  }
}

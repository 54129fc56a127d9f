package com.scopebot.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.scopebot.records.AnswerStore;
import com.scopebot.records.PostgresCluster;
import com.scopebot.records.Reanswer;
import com.scopebot.records.RecordWriter;
import com.scopebot.records.StoreSettings;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Two replicas sharing PostgreSQL answer the changed answers again together: each answer once, each notice once. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class PostgresReansweringTest {

  private static final int AFFECTED = 60;

  @TempDir Path dir;

  @Test
  void twoReplicasAnswerEachChangedAnswerAgainOnceAndTellEachConversationOnce() throws Exception {
    PostgresCluster pg = PostgresCluster.shared();
    String url = pg.jdbcUrl(pg.createDatabase());
    Path corpus = TwoRevisions.first(dir.resolve("corpus"));
    LiveIndex indexA = new LiveIndex(corpus, null);
    LiveIndex indexB = new LiveIndex(corpus, null);
    indexA.reload();
    indexB.reload();
    try (AnswerStore a = AnswerStore.open(new StoreSettings(url, null, null, 4, 2000, "test-salt"));
        AnswerStore b = AnswerStore.open(new StoreSettings(url, null, null, 4, 2000, "test-salt"))) {
      RecordWriter writer = new RecordWriter(a, 5_000);
      AnswerService service = new AnswerService(indexA, writer, new ScopeMetrics(), Clock.systemUTC());
      Set<String> affected = new HashSet<>();
      for (int i = 0; i < AFFECTED; i++) {
        affected.add(service.ask(i % 2 == 0 ? TwoRevisions.FLIPPED : TwoRevisions.REWORDED, "teams", "u" + i).id());
      }
      service.ask(TwoRevisions.UNCHANGED, "teams", "dns");
      writer.close();
      ReansweringTest.RecordingNotices notices = new ReansweringTest.RecordingNotices(Map.of());
      Reanswering onA = new Reanswering(indexA, a, notices, service::answerLink, 1000, Clock.systemUTC());
      Reanswering onB = new Reanswering(indexB, b, notices, service::answerLink, 1000, Clock.systemUTC());
      onA.run(); // the job of the first corpus: nothing changed
      onB.run();

      TwoRevisions.second(corpus);
      indexA.reload();
      indexB.reload();
      List<CompletableFuture<Void>> both = new ArrayList<>();
      for (Reanswering r : List.of(onA, onB)) {
        both.add(CompletableFuture.runAsync(r::run));
      }
      both.forEach(CompletableFuture::join);
      onA.run(); // whatever a lost race left (a scan another replica moved on) is done by now
      onB.run();

      List<Reanswer> done = onA.table().answeredAgain(1000);
      assertEquals(affected, new HashSet<>(done.stream().map(Reanswer::oldId).toList()));
      try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM answer_record WHERE channel = 'reanswer'")) {
        rs.next();
        assertEquals(AFFECTED, rs.getInt(1), "each answer answered again once, by one of the replicas");
      }
      assertEquals(AFFECTED, notices.conversations.size(), "each conversation told once: " + notices.conversations);
      assertEquals(AFFECTED, new HashSet<>(notices.conversations).size());
    }
  }
}

package com.scopebot.records;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.scopebot.records.AskLoad.Asked;
import com.scopebot.server.TestServer;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Two replicas sharing one PostgreSQL database: records and Slack/Teams deliveries, written by both at once. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class PostgresReplicasTest {

  private static final int QUESTIONS = 1_000;
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dataA;
  @TempDir Path dataB;
  private String url;

  @BeforeEach
  void freshDatabase() {
    PostgresCluster pg = PostgresCluster.shared();
    url = pg.jdbcUrl(pg.createDatabase());
  }

  private TestServer replica(Path data) throws Exception {
    // replicas share the salt of hashed user ids, as they share the records; a record wait of 5 s, since what is
    // tested is that no record is lost to the other replica's, not how fast a loaded machine commits
    return TestServer.start(data, Map.of("SCOPEBOT_JDBC_URL", url, "SCOPEBOT_USER_SALT", "test-salt",
        "SCOPEBOT_RECORD_WAIT_MS", "5000"));
  }

  /**
   * Each question is new to both replicas and reaches both at the same moment, so both store the same answer at once
   * (each its own copy, named by the replica that made it): neither may fail nor roll back the records it commits with.
   */
  /** Behind a load balancer a follow-up may reach another replica: it is still read against the first question. */
  @Test
  void aFollowUpOnTheOtherReplicaIsReadAgainstTheFirstQuestion() throws Exception {
    try (TestServer a = replica(dataA); TestServer b = replica(dataB)) {
      String first = JSON.createObjectNode().put("question", "Is AD FS covered for multiple forests?")
          .put("conversation", "tab-7").toString();
      assertEquals(200, a.postJson("/api/ask", first).statusCode());
      String next = JSON.createObjectNode().put("question", "and for a single forest?").put("conversation", "tab-7")
          .toString();
      JsonNode followUp = JSON.readTree(b.postJson("/api/ask", next).body());
      assertEquals("Is AD FS covered for a single forest?", followUp.path("readAs").asText(), followUp.toString());
      assertEquals("in_scope", followUp.get("verdict").asText());
      // and a conversation neither replica has seen is asked what it follows, on either
      JsonNode alone = JSON.readTree(a.postJson("/api/ask", JSON.createObjectNode()
          .put("question", "and for a single forest?").put("conversation", "tab-8").toString()).body());
      assertEquals("follow-up", alone.path("smallTalk").asText(), alone.toString());
    }
  }

  @Test
  void twoReplicasGivingTheSameNewAnswersAtOnceLoseNoRecord() throws Exception {
    List<Asked> answers = new ArrayList<>();
    try (TestServer a = replica(dataA); TestServer b = replica(dataB)) {
      ExecutorService pool = Executors.newFixedThreadPool(8);
      try {
        List<Future<Asked>> pending = new ArrayList<>();
        for (int i = 0; i < QUESTIONS; i++) {
          String question = "Who is responsible for SSL certificates on replica site " + i + "?";
          pending.add(pool.submit(() -> AskLoad.ask(a.server().uri(), question)));
          pending.add(pool.submit(() -> AskLoad.ask(b.server().uri(), question)));
        }
        for (Future<Asked> f : pending) {
          answers.add(f.get(30, TimeUnit.SECONDS));
        }
      } finally {
        pool.shutdownNow();
      }
    }
    long failed = answers.stream().filter(Asked::serverError).count();
    List<String> ids = AskLoad.ids(answers);
    long missing = AskLoad.missing(url, ids);
    assertEquals(2 * QUESTIONS, answers.size());
    assertEquals(0, failed, failed + " of " + answers.size() + " answers failed with 5xx");
    assertEquals(answers.size(), ids.size(), (answers.size() - ids.size()) + " of " + answers.size()
        + " answers were not recorded; deadlocks between the replicas' transactions: "
        + count("SELECT deadlocks FROM pg_stat_database WHERE datname = current_database()"));
    assertEquals(0, missing, missing + " of the " + ids.size() + " ids handed out have no record");
    System.out.println("two replicas: " + answers.size() + " answers, " + ids.size() + " recorded, 0 missing");
    assertEquals(0, count("SELECT COUNT(*) FROM answer_record r WHERE NOT EXISTS"
        + " (SELECT 1 FROM answer_content c WHERE c.content_id = r.content_id)"), "records whose answer is not stored");
    assertEquals(2 * QUESTIONS, count("SELECT COUNT(DISTINCT content_id) FROM answer_record"),
        "one stored answer per question on each replica");
  }

  @Test
  void aSlackDeliveryClaimedOnOneReplicaIsARepeatOnTheOther() throws Exception {
    try (TestServer a = replica(dataA); TestServer b = replica(dataB)) {
      Deliveries onA = a.server().service().deliveries();
      Deliveries onB = b.server().service().deliveries();
      Duration window = Duration.ofMinutes(10);

      // Slack retries an event it thinks was missed; the load balancer sends the retry to the other replica
      assertTrue(onA.claim("slack-event", "Ev0ABCDEF123", window), "the first delivery is answered");
      assertFalse(onB.claim("slack-event", "Ev0ABCDEF123", window), "the retry on the other replica is a repeat");
      assertTrue(onB.claim("slack-event", "Ev0ABCDEF124", window), "another event is not a repeat");

      // Teams: the reply one replica sent is traced to its answer by the other, when feedback on it arrives there
      onA.remember("teams-reply", "activity-42", "answer-7", Duration.ofHours(1));
      assertEquals(Optional.of("answer-7"), onB.recall("teams-reply", "activity-42"));
    }
  }

  private long count(String sql) throws Exception {
    try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}

package com.scopebot.channel.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.scopebot.answer.Engine;
import com.scopebot.records.AnswerRecord;
import com.scopebot.records.AnswerStore;
import com.scopebot.records.Handoffs;
import com.scopebot.records.RecordWriter;
import com.scopebot.service.AnswerService;
import com.scopebot.service.Experts;
import com.scopebot.service.LiveIndex;
import com.scopebot.service.ScopeMetrics;
import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.methods.MethodsClient;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The experts' desk on its own: an answer store, the index, and a fake Slack Web API. */
class ExpertDeskTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;
  private AnswerStore store;
  private RecordWriter writer;
  private AnswerService service;
  private FakeSlackApi slack;
  private ExpertDesk desk;

  @BeforeEach
  void open() throws Exception {
    LiveIndex index = new LiveIndex(Engine.DEFAULT_CORPUS, null);
    index.reload();
    store = AnswerStore.sqlite(dir, "test-salt");
    writer = new RecordWriter(store, 5_000);
    service = new AnswerService(index, writer, new ScopeMetrics(), Clock.systemUTC());
    slack = new FakeSlackApi();
    SlackConfig config = new SlackConfig();
    config.setMethodsEndpointUrlPrefix(slack.apiUrl());
    MethodsClient web = Slack.getInstance(config).methods("xoxb-test");
    service.senders().register("slack", new SlackSender(web));
    desk = new ExpertDesk("C0EXPERTS1", web, service, service.senders(), Runnable::run);
  }

  @AfterEach
  void close() throws Exception {
    slack.close();
    writer.close();
    store.close();
  }

  @Test
  void anAnswerGivenAgainAfterANewRevisionCanBeHandedOffLikeAnyOther() throws Exception {
    String id = service.ask("Who configures DNS for Exchange Online?", "web", null).id();
    AnswerRecord first = service.record(id).orElseThrow();
    // what re-answering stores: the answer's JSON with fields of its own that the answer contract does not name
    ObjectNode again = (ObjectNode) JSON.readTree(first.answer());
    again.putObject("reanswerOf").put("id", id).put("changedOn", "2026-12-01").put("kind", "reworded");
    String againId = AnswerStore.newId();
    store.saveAll(List.of(new AnswerRecord(againId, first.createdAt(), "reanswer", first.user(), first.question(),
        first.verdict(), again.toString(), List.of(), againId, null)));

    assertEquals(Experts.Outcome.POSTED, desk.handOff(againId, "button", ""));
    assertEquals(1, slack.calls("chat.postMessage").size());
  }

  @Test
  void aPostTheStoreCouldNotRecordIsNotPostedAgainAtOnceAndItsThreadSaysRepliesWillNotArrive() throws Exception {
    String id = service.ask("Who configures DNS for Exchange Online?", "web", null).id();
    // the store takes the claim, then fails recording the post
    storeRefusesUpdatesOfHandoffs();
    assertEquals(Experts.Outcome.FAILED, desk.handOff(id, "button", ""));
    assertEquals(Experts.Outcome.ALREADY, desk.handOff(id, "button", ""), "the experts have it");
    List<FakeSlackApi.Call> posts = slack.calls("chat.postMessage");
    assertEquals(1, posts.stream().filter(c -> c.params().get("thread_ts") == null).count(), "posted once");
    assertTrue(posts.stream().anyMatch(c -> c.params().get("thread_ts") != null
        && c.params().get("text").contains("will not reach the asker")), posts.toString());
  }

  @Test
  void anExpertsReplyKeptInTheStoreReachesTheAskerEvenWhenTheStoreFailsRightAfter() throws Exception {
    String id = service.ask("Who configures DNS for Exchange Online?", "slack", "U0ASKER", false, "C0ASKERS1/",
        null, SlackSender.origin("C0ASKERS1", "1700000400.000001")).id();
    assertEquals(Experts.Outcome.POSTED, desk.handOff(id, "button", ""));
    storeRefusesUpdatesOfHandoffs();
    assertTrue(desk.answer(id, "slack:C0EXPERTS1:1700000500.000001", "U0EXPERT", "The customer's DNS admin does.",
        "answered"));
    FakeSlackApi.Call back = slack.await("chat.postMessage", c -> "C0ASKERS1".equals(c.params().get("channel")));
    assertTrue(back.params().get("text").contains("The customer's DNS admin does."), back.params().toString());
    assertEquals("1700000400.000001", back.params().get("thread_ts"));
  }

  /** The store takes inserts but fails every update of a hand-off, as a store that goes away in between would. */
  private void storeRefusesUpdatesOfHandoffs() throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("answers.db"));
        Statement s = c.createStatement()) {
      s.execute("CREATE TRIGGER store_away BEFORE UPDATE ON answer_handoff BEGIN SELECT RAISE(ABORT, 'away'); END");
    }
  }

  @Test
  void aReplyKeptByAProcessThatStoppedBeforeSendingItIsPassedOnOnceByTheNextSweep() throws Exception {
    String id = service.ask("Who configures DNS for Exchange Online?", "slack", "U0ASKER", false, null, null,
        SlackSender.origin("C0ASKERS1", "1700000400.000001")).id();
    assertEquals(Experts.Outcome.POSTED, desk.handOff(id, "button", ""));
    slack.clear();
    Handoffs handoffs = new Handoffs(store);
    java.time.Instant now = java.time.Instant.now();
    // kept five minutes ago by a process killed before it sent it; and one kept a moment ago, being sent right now
    assertTrue(handoffs.reply("slack:C0EXPERTS1:1700000500.000001", id, now.minusSeconds(300).toString(), "Ada",
        "FastTrack guides it; your DNS admin makes the change."));
    assertTrue(handoffs.reply("slack:C0EXPERTS1:1700000600.000001", id, now.toString(), "Ada", "In flight."));

    assertEquals(1, desk.resendPending());
    FakeSlackApi.Call sent = slack.await("chat.postMessage", c -> "C0ASKERS1".equals(c.params().get("channel")));
    assertEquals("1700000400.000001", sent.params().get("thread_ts"), "in the asker's thread");
    assertTrue(sent.params().get("text").contains("your DNS admin makes the change"), sent.params().get("text"));
    List<String> deliveries = handoffs.of(id).orElseThrow().replies().stream()
        .map(com.scopebot.records.Handoff.Reply::delivery).toList();
    assertEquals(List.of("delivered", "pending"), deliveries, "the one in flight is its own process's to send");
    assertEquals("answered", handoffs.of(id).orElseThrow().status());

    assertEquals(0, desk.resendPending(), "passed on once, however many sweeps run");
    assertEquals(1, slack.calls("chat.postMessage").stream()
        .filter(c -> "C0ASKERS1".equals(c.params().get("channel"))).count());
  }
}

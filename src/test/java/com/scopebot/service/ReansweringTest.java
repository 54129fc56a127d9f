package com.scopebot.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.scopebot.records.AnswerRecord;
import com.scopebot.records.AnswerStore;
import com.scopebot.records.Reanswer;
import com.scopebot.records.RecordWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Stored answers that a new revision changed are answered again, listed, and their conversations told once. */
class ReansweringTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** Notices as sent, with the conversation a test says each record belongs to. */
  static final class RecordingNotices implements ChangeNotices {
    final List<ChangeNotice> sent = new CopyOnWriteArrayList<>();
    final List<String> conversations = new CopyOnWriteArrayList<>();
    private final Map<String, String> conversationOf;

    RecordingNotices(Map<String, String> conversationOf) {
      this.conversationOf = conversationOf;
    }

    @Override
    public String conversation(AnswerRecord given) {
      return conversationOf.getOrDefault(given.id(), given.id());
    }

    @Override
    public void send(AnswerRecord old, AnswerRecord renewed, ChangeNotice notice) {
      conversations.add(conversation(old));
      sent.add(notice);
    }
  }

  @TempDir Path dir;
  private LiveIndex index;
  private AnswerStore store;
  private RecordWriter writer;
  private AnswerService service;

  @BeforeEach
  void open() throws Exception {
    index = new LiveIndex(TwoRevisions.first(dir.resolve("corpus")), null);
    index.reload();
    store = AnswerStore.sqlite(dir.resolve("data"), "test-salt");
    writer = new RecordWriter(store, 5_000);
    service = new AnswerService(index, writer, new ScopeMetrics(), Clock.systemUTC());
  }

  @AfterEach
  void close() throws Exception {
    writer.close();
    store.close();
  }

  private Reanswering reanswering(ChangeNotices notices) {
    return new Reanswering(index, store, notices, service::answerLink, 100, Clock.systemUTC());
  }

  @Test
  void answersAgainOnlyTheAnswersWhoseCitedStatementChangedAndTellsEachConversationOnce() throws Exception {
    AnswerService.Given adfs = service.ask(TwoRevisions.FLIPPED, "teams", "u1");
    AnswerService.Given adfsAgain = service.ask(TwoRevisions.FLIPPED, "teams", "u1");
    AnswerService.Given devices = service.ask(TwoRevisions.REWORDED, "slack", "u2");
    AnswerService.Given dns = service.ask(TwoRevisions.UNCHANGED, "web", "u3");
    assertEquals("in_scope", adfs.answer().verdict().wire(), adfs.json());
    assertEquals("in_scope", dns.answer().verdict().wire(), dns.json());
    // the two AD FS answers were given in one conversation: it is told once
    RecordingNotices notices = new RecordingNotices(Map.of(adfs.id(), "teams:c1", adfsAgain.id(), "teams:c1"));
    Reanswering worker = reanswering(notices);
    worker.run();
    assertEquals(List.of(), worker.table().answeredAgain(100), "the corpus they were answered from changed nothing");

    TwoRevisions.second(dir.resolve("corpus"));
    index.reload();
    worker.run();

    List<Reanswer> done = worker.table().answeredAgain(100);
    assertEquals(List.of(adfs.id(), adfsAgain.id(), devices.id()).stream().sorted().toList(),
        done.stream().map(Reanswer::oldId).sorted().toList(), "DNS did not change: " + done);
    Reanswer flipped = done.stream().filter(r -> r.oldId().equals(adfs.id())).findFirst().orElseThrow();
    assertEquals("in_scope", flipped.oldVerdict());
    assertEquals("out_of_scope", flipped.newVerdict());
    assertEquals("reworded", flipped.kind());
    assertEquals(TwoRevisions.ADFS_BEFORE, flipped.before());
    assertEquals(TwoRevisions.ADFS_AFTER, flipped.after());
    assertEquals("2018-12-04", flipped.changedOn());
    assertEquals("responsibilities-2018-12.md", flipped.document());

    // the answer again is a record of its own that names the old one
    AnswerRecord renewed = store.find(flipped.newId()).orElseThrow();
    assertEquals(Reanswering.CHANNEL, renewed.channel());
    assertEquals("out_of_scope", renewed.verdict());
    assertEquals(TwoRevisions.FLIPPED, renewed.question());
    JsonNode json = JSON.readTree(renewed.answer());
    assertEquals(adfs.id(), json.get("reanswerOf").get("id").asText());
    assertEquals("responsibilities-2018-12.md", json.get("citations").get(0).get("document").asText());

    assertEquals(List.of("teams:c1", devices.id()).stream().sorted().toList(),
        notices.conversations.stream().sorted().toList());
    ChangeNotice told = notices.sent.stream().filter(n -> n.oldVerdict().equals("in_scope")
        && n.newVerdict().equals("out_of_scope")).findFirst().orElseThrow();
    assertTrue(told.text().startsWith("The documents changed on 2018-12-04: this answer is now Out of scope"
        + " (it was In scope). They said: “" + TwoRevisions.ADFS_BEFORE + "” They now say: “"
        + TwoRevisions.ADFS_AFTER + "”"), told.text());

    // a second pass, as after a restart or on another replica, answers and tells nothing again
    worker.run();
    reanswering(notices).run();
    assertEquals(3, worker.table().answeredAgain(100).size());
    assertEquals(2, notices.sent.size());
  }

  @Test
  void anAnswerAgainIsCheckedAgainstTheNextRevisionNotItsOriginal() throws Exception {
    AnswerService.Given adfs = service.ask(TwoRevisions.FLIPPED, "web", "u1");
    Reanswering worker = reanswering(null);
    TwoRevisions.second(dir.resolve("corpus"));
    index.reload();
    worker.run();
    assertEquals(1, worker.table().answeredAgain(100).size());
    // a third, unrelated change of the corpus starts another job; the AD FS answer was answered again already
    java.nio.file.Files.writeString(dir.resolve("corpus").resolve("other.md"),
        "---\ntitle: Other\nms.date: 01/01/2019\n---\n# Other\n\n- Configuring VPN is out of scope.\n");
    index.reload();
    worker.run();
    assertEquals(1, worker.table().answeredAgain(100).size(), "nothing more changed");
    assertEquals(adfs.id(), worker.table().answeredAgain(100).get(0).oldId());
    assertNull(worker.table().progress().get("pending"));
  }

  @Test
  void theRetentionPurgeTakesWhatAnsweringAgainKeptOfARecordWithIt() throws Exception {
    service.ask(TwoRevisions.FLIPPED, "web", "u1");
    Reanswering worker = reanswering(null);
    TwoRevisions.second(dir.resolve("corpus"));
    index.reload();
    worker.run();
    assertEquals(1, worker.table().answeredAgain(100).size());
    store.purgeOlderThan(java.time.Instant.now().plusSeconds(60));
    assertEquals(List.of(), worker.table().answeredAgain(100));
    assertEquals(Map.of("over_cap", 0), worker.table().progress(), "no row keeps the question");
  }
}

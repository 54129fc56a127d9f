package com.scopebot.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.scopebot.Fixtures;
import com.scopebot.records.AnswerRecord;
import com.scopebot.records.AnswerStore;
import com.scopebot.records.RecordWriter;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The records of one answer share its stored copy; different answers have their own. */
class StoredAnswersTest {

  @TempDir Path data;

  @Test
  void aQuestionAskedAgainSharesTheStoredAnswerAlsoWhenItSaysWhereToAskAPerson() throws Exception {
    try (AnswerStore store = AnswerStore.sqlite(data, "salt")) {
      RecordWriter writer = new RecordWriter(store, 5_000);
      AnswerService service = new AnswerService(LiveIndex.of(Fixtures.bundled()), writer, new ScopeMetrics(),
          Clock.systemUTC(), "#fasttrack-scope");
      // the documents don't say: the answer adds where to ask a person, which used to make a new answer each time
      AnswerRecord first = recorded(service, store, "What is the capital of France?");
      AnswerRecord again = recorded(service, store, "What is the capital of France?");
      AnswerRecord other = recorded(service, store, "Who configures DNS?");
      writer.close();

      assertNotEquals(first.id(), again.id(), "each answer given has its own record");
      assertTrue(first.answer().contains("To ask a person: #fasttrack-scope."), first.answer());
      assertEquals(first.contentId(), again.contentId(), "asked again: one stored copy");
      assertEquals(first.answer(), again.answer());
      assertNotEquals(first.contentId(), other.contentId(), "another answer: another copy");
    }
  }

  private static AnswerRecord recorded(AnswerService service, AnswerStore store, String question) throws Exception {
    String id = service.ask(question, "api", null).id();
    assertNotNull(id, "recorded");
    return store.find(id).orElseThrow();
  }
}

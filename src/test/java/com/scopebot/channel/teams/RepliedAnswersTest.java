package com.scopebot.channel.teams;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.scopebot.Fixtures;
import com.scopebot.records.AnswerStore;
import com.scopebot.records.MemoryDeliveries;
import com.scopebot.service.AnswerService;
import com.scopebot.service.LiveIndex;
import com.scopebot.service.ScopeMetrics;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which answer a Teams reply showed, kept in the service's deliveries; answers without an id offer no feedback. */
class RepliedAnswersTest {

  private final MemoryDeliveries deliveries = new MemoryDeliveries(100, new HandClock());
  private final RepliedAnswers replies = new RepliedAnswers(() -> deliveries);

  @Test
  void remembersWhichAnswerAReplyShowedInTheDeliveries() {
    replies.remember("1700000000123", "0123456789abcdef0123456789abcdef");
    assertEquals(Optional.of("0123456789abcdef0123456789abcdef"), replies.answerOf("1700000000123"));
    // in the deliveries themselves, where a replica sharing the store reads it
    assertEquals(Optional.of("0123456789abcdef0123456789abcdef"),
        deliveries.recall(RepliedAnswers.KIND, "1700000000123"));
    assertEquals(Optional.empty(), replies.answerOf("1700000000124"));
    assertEquals(Optional.empty(), replies.answerOf(null));
  }

  @Test
  void remembersNothingForAnAnswerThatWasNotRecorded() {
    replies.remember("1700000000200", null);
    replies.remember(null, "0123456789abcdef0123456789abcdef");
    assertEquals(Optional.empty(), replies.answerOf("1700000000200"));
    assertEquals(Optional.empty(), deliveries.recall(RepliedAnswers.KIND, "1700000000200"));
  }

  @Test
  void keysAnOverlongMessageIdByItsHash() {
    String hostile = "9".repeat(10_000);
    replies.remember(hostile, "0123456789abcdef0123456789abcdef");
    assertEquals(Optional.of("0123456789abcdef0123456789abcdef"), replies.answerOf(hostile));
    assertEquals(Optional.empty(), replies.answerOf("9".repeat(9_999)));
    assertTrue(RepliedAnswers.key(hostile).length() <= RepliedAnswers.MAX_KEY_CHARS, RepliedAnswers.key(hostile));
  }

  @Test
  void forgetsAReplyAfterAMonth() {
    HandClock clock = new HandClock();
    MemoryDeliveries kept = new MemoryDeliveries(100, clock);
    RepliedAnswers aging = new RepliedAnswers(() -> kept);
    aging.remember("1700000000300", "0123456789abcdef0123456789abcdef");
    clock.advance(Duration.ofDays(29));
    assertEquals(Optional.of("0123456789abcdef0123456789abcdef"), aging.answerOf("1700000000300"));
    clock.advance(Duration.ofDays(2));
    assertEquals(Optional.empty(), aging.answerOf("1700000000300"));
  }

  @Test
  void followsTheServiceOntoSharedDeliveries() throws Exception {
    AnswerService service = new AnswerService(LiveIndex.of(Fixtures.bundled()), null, new ScopeMetrics(),
        Clock.systemUTC());
    RepliedAnswers viaService = new RepliedAnswers(service::deliveries);
    service.withDeliveries(deliveries); // as the server does once the shared store is open
    viaService.remember("1700000000400", "0123456789abcdef0123456789abcdef");
    assertEquals(Optional.of("0123456789abcdef0123456789abcdef"),
        deliveries.recall(RepliedAnswers.KIND, "1700000000400"));
  }

  @Test
  void anAnswerWithoutAnIdGetsACardWithoutFeedbackButtons() throws Exception {
    AnswerService service = new AnswerService(LiveIndex.of(Fixtures.bundled()), null, new ScopeMetrics(),
        Clock.systemUTC());
    // a service that keeps no records gives answers without ids; the same answer with an id stands for a recorded one
    AnswerService.Given unrecorded = service.ask("Who is responsible for SSL certificates?", "teams", "u1");
    String id = AnswerStore.newId();
    AnswerService.Given recorded = new AnswerService.Given(id, service.answerLink(id), unrecorded.answer(),
        unrecorded.json(), unrecorded.utf8());

    JsonNode withId = TeamsFixtures.JSON.valueToTree(
        ScopeBot.answerMessage(recorded, null).getAttachments().get(0).getContent());
    JsonNode withoutId = TeamsFixtures.JSON.valueToTree(
        ScopeBot.answerMessage(unrecorded, null).getAttachments().get(0).getContent());
    assertTrue(withId.toString().contains("👍 Helpful"), withId.toString());
    assertFalse(withoutId.toString().contains("👍 Helpful"), withoutId.toString());
    assertFalse(withoutId.toString().contains("Not helpful"), withoutId.toString());
    assertFalse(withoutId.toString().contains("answerId"), withoutId.toString());
    // the answer itself is unchanged (same verdict and quotes), plus a line saying it was not recorded
    assertEquals(withId.path("body").get(0), withoutId.path("body").get(0));
    assertEquals(withId.path("body").size() + 1, withoutId.path("body").size());
    assertTrue(withoutId.toString().contains(AnswerService.NOT_RECORDED), withoutId.toString());
  }
}

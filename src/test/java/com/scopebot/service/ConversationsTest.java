package com.scopebot.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.scopebot.Fixtures;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Conversation state: what a follow-up is read against, bounded in size and time. */
class ConversationsTest {

  /** A clock the test moves by hand. */
  private static final class Hand extends Clock {
    final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-11-29T12:00:00Z"));

    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now.get();
    }
  }

  @Test
  void forgetsAConversationIdleLongerThanItsTimeToLive() {
    Hand clock = new Hand();
    Conversations c = new Conversations(clock);
    c.remember("slack", "C1/1700000000.1", "Is AD FS covered for multiple forests?");
    clock.now.set(clock.now.get().plus(Conversations.TIME_TO_LIVE.minusSeconds(1)));
    assertEquals(Optional.of("Is AD FS covered for multiple forests?"), c.previous("slack", "C1/1700000000.1"));
    clock.now.set(clock.now.get().plus(Duration.ofSeconds(2)));
    assertEquals(Optional.empty(), c.previous("slack", "C1/1700000000.1"));
  }

  @Test
  void keepsAtMostItsLimitOfConversationsAndNeverTheirIds() {
    Conversations c = new Conversations(Clock.systemUTC());
    for (int i = 0; i < Conversations.MAX_CONVERSATIONS + 500; i++) {
      c.remember("web", "session-" + i, "q" + i);
    }
    assertEquals(Conversations.MAX_CONVERSATIONS, c.size());
    assertEquals(Optional.empty(), c.previous("web", "session-0"), "the least recently used went first");
    assertEquals(Optional.of("q10499"), c.previous("web", "session-10499"));
    assertEquals(Optional.empty(), c.previous("slack", "session-10499"), "a conversation belongs to its channel");
  }

  @Test
  void readsAFollowUpOfTheSameConversationAndSaysHow() throws Exception {
    AnswerService service = new AnswerService(LiveIndex.of(Fixtures.bundled()), null, new ScopeMetrics(),
        Clock.systemUTC(), "#fasttrack-scope");
    service.ask("Is AD FS covered for multiple forests?", "web", null, false, "s1");
    AnswerService.Given followUp = service.ask("and for a single forest?", "web", null, false, "s1");
    assertEquals("Is AD FS covered for a single forest?", followUp.answer().readAs());
    assertTrue(followUp.answer().answer().startsWith("Reading this as: Is AD FS covered for a single forest?"));
    assertEquals("in_scope", followUp.answer().verdict().wire());
    AnswerService.Given elsewhere = service.ask("and for a single forest?", "web", null, false, "s2");
    assertEquals(null, elsewhere.answer().readAs(), "another conversation has no previous question");
  }

  @Test
  void anUnknownAnswerSaysWhereToAskAPersonWhenConfigured() throws Exception {
    AnswerService service = new AnswerService(LiveIndex.of(Fixtures.bundled()), null, new ScopeMetrics(),
        Clock.systemUTC(), "#fasttrack-scope");
    AnswerService.Given g = service.ask("What is the capital of France?", "api", null);
    assertEquals("#fasttrack-scope", g.answer().escalation());
    assertTrue(g.answer().answer().endsWith("To ask a person: #fasttrack-scope."), g.answer().answer());
    assertEquals(null, service.ask("Who configures DNS?", "api", null).answer().escalation());
  }
}

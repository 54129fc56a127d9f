package com.scopebot.service;

import com.scopebot.answer.Answer;
import com.scopebot.answer.AnswerJson;
import com.scopebot.answer.Answerer;
import com.scopebot.records.AnswerRecord;
import com.scopebot.records.AnswerStore;
import com.scopebot.records.Feedback;
import com.scopebot.records.Handoffs;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A store filled with 290 recorded answers of the bundled corpus, at known times: 120 unknowns about Sentinel
 * (Teams and web, one an hour from {@link #START}), 80 about Lotus Notes (Slack), 30 greetings (small talk, not
 * gaps), 50 AD FS answers of which 40 got a 👎 in Teams (half with a reason) and 10 a 👍, and 10 more about Sentinel
 * asked again by the bot after a new revision (channel {@code reanswer}, not gaps either): 290 in all. The 10 AD FS
 * answers with a 👍 were handed to the experts all the same (before any 👎, so the newest AD FS examples are 👎), and
 * one more hand-off was claimed but never posted (no hand-off).
 */
public final class GapsFixture {

  public static final Instant START = Instant.parse("2026-11-01T00:00:00Z");
  public static final String SENTINEL = "Is Sentinel in scope?";
  public static final String LOTUS = "Do you migrate Lotus Notes mail?";
  public static final String ADFS = "Is AD FS covered for multiple forests?";
  public static final int HANDOFFS = 10;
  public static final String REASON = "=HYPERLINK(\"http://x\") we were told AD FS is covered";

  private GapsFixture() {}

  /** When the i-th answer of a series starting {@code hours} after {@link #START} was given. */
  public static Instant at(int hours, int i) {
    return START.plus(Duration.ofHours(hours + i));
  }

  public static void fill(AnswerStore store, Answerer answerer) throws Exception {
    List<AnswerRecord> records = new ArrayList<>();
    series(records, store, answerer, SENTINEL, 0, 120, i -> i % 2 == 0 ? "teams" : "web");
    series(records, store, answerer, LOTUS, 200, 80, i -> "slack");
    series(records, store, answerer, "hello", 300, 30, i -> "web");
    series(records, store, answerer, SENTINEL, 500, 10, i -> Reanswering.CHANNEL);
    List<AnswerRecord> adfs = new ArrayList<>();
    series(adfs, store, answerer, ADFS, 400, 50, i -> "teams");
    records.addAll(adfs);
    if (!store.saveAll(records).isEmpty()) {
      throw new IllegalStateException("the fixture's records must all be stored");
    }
    Handoffs handoffs = new Handoffs(store);
    for (int i = 0; i < adfs.size(); i++) {
      String when = at(400, i).plus(Duration.ofMinutes(10)).toString();
      boolean down = i < 40;
      store.addFeedback(adfs.get(i).id(), new Feedback(!down, down && i % 2 == 0 ? REASON : "", "teams",
          store.hashUser("teams", "user-" + i), when));
      if (i >= 39) { // 39: claimed, never posted
        handoffs.claim(adfs.get(i).id(), "button", at(400, i - 39));
      }
      if (i >= 40) {
        handoffs.posted(adfs.get(i).id(), "C0EXPERTS1", "1700000000.0000" + i);
      }
    }
  }

  private static void series(List<AnswerRecord> out, AnswerStore store, Answerer answerer, String question, int hours,
      int n, java.util.function.IntFunction<String> channel) {
    Answer a = answerer.answer(question);
    String json = AnswerJson.line(a);
    String content = AnswerStore.newId();
    for (int i = 0; i < n; i++) {
      String ch = channel.apply(i);
      out.add(new AnswerRecord(AnswerStore.newId(), at(hours, i).toString(), ch, store.hashUser(ch, "user-" + (i % 7)),
          question, a.verdict().wire(), json, List.of(), content));
    }
  }
}

package com.scopebot.service;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.scopebot.answer.Answer;
import com.scopebot.answer.AnswerJson;
import com.scopebot.answer.Answerer;
import com.scopebot.records.AnswerRecord;
import com.scopebot.records.AnswerStore;
import com.scopebot.records.Feedback;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one path every channel takes to answer: ask the answerer in service, count it, and keep a record of it.
 *
 * <p>A record that cannot be written is logged and counted; the answer still reaches the person who asked.
 * Thread-safe.
 */
public final class AnswerService {

  private static final Logger LOG = LoggerFactory.getLogger(AnswerService.class);

  /** An answer as given, with the id of its record. */
  public record Given(String id, Answer answer) {

    /** The answer contract's JSON with the record id added. */
    public ObjectNode json() {
      ObjectNode node = AnswerJson.mapper().createObjectNode();
      node.put("id", id);
      node.setAll((ObjectNode) AnswerJson.mapper().valueToTree(answer));
      return node;
    }
  }

  /** Thrown while no index is loaded yet. */
  public static final class NotReadyException extends RuntimeException {
    public NotReadyException() {
      super("the index is still loading");
    }
  }

  private final LiveIndex index;
  private final AnswerStore store;
  private final ScopeMetrics metrics;
  private final Clock clock;

  /** @param store where records go, or null to keep none */
  public AnswerService(LiveIndex index, AnswerStore store, ScopeMetrics metrics, Clock clock) {
    this.index = index;
    this.store = store;
    this.metrics = metrics;
    this.clock = clock;
  }

  public LiveIndex index() {
    return index;
  }

  public ScopeMetrics metrics() {
    return metrics;
  }

  /**
   * Answers a question and records the answer.
   *
   * @param channel web, api, slack, teams
   * @param userId the asker's id on that channel, or null; only its salted hash is stored
   * @throws NotReadyException before the first index is loaded
   */
  public Given ask(String question, String channel, String userId) {
    Answerer answerer = index.get();
    if (answerer == null) {
      throw new NotReadyException();
    }
    long start = System.nanoTime();
    Answer answer = answerer.answer(question);
    metrics.answered(channel, answer.verdict().wire(), System.nanoTime() - start);
    Given given = new Given(AnswerStore.newId(), answer);
    if (store != null) {
      try {
        store.save(new AnswerRecord(given.id(), clock.instant().toString(), channel, store.hashUser(channel, userId),
            answer.question(), answer.verdict().wire(), AnswerJson.mapper().valueToTree(answer), List.of()));
      } catch (SQLException | RuntimeException e) {
        metrics.recordFailure("answer");
        LOG.warn("answer {} was given but not recorded: {}", given.id(), e.toString());
      }
    }
    return given;
  }

  /** The record of an answer, if it was stored. */
  public Optional<AnswerRecord> record(String id) throws SQLException {
    return store == null ? Optional.empty() : store.find(id);
  }

  /**
   * Attaches 👍/👎 (with an optional reason) to an answer's record.
   *
   * @return false when no record has that id
   */
  public boolean feedback(String id, boolean helpful, String reason, String channel, String userId) throws SQLException {
    if (store == null) {
      return false;
    }
    try {
      boolean found = store.addFeedback(id,
          new Feedback(helpful, reason, channel, store.hashUser(channel, userId), clock.instant().toString()));
      if (found) {
        metrics.feedback(channel, helpful);
      }
      return found;
    } catch (SQLException e) {
      metrics.recordFailure("feedback");
      throw e;
    }
  }
}

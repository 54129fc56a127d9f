package com.scopebot.service;

import com.scopebot.answer.Answer;
import com.scopebot.answer.FollowUps;
import com.scopebot.answer.AnswerJson;
import com.scopebot.answer.Answerer;
import com.scopebot.answer.Memo;
import com.scopebot.answer.Verdict;
import com.scopebot.records.AnswerRecord;
import com.scopebot.records.AnswerStore;
import com.scopebot.records.Deliveries;
import com.scopebot.records.Feedback;
import com.scopebot.records.FeedbackOutcome;
import com.scopebot.records.GapOutcome;
import com.scopebot.records.Handoff;
import com.scopebot.records.Handoffs;
import com.scopebot.records.MemoryDeliveries;
import com.scopebot.records.Origin;
import com.scopebot.records.RecordWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one path every channel takes to answer: ask the answerer in service, count it, and keep a record of it.
 *
 * <p>An answer's record is committed before the answer is given, so an id handed out always names a record. A record
 * that cannot be committed in time is logged (one line per thousand) and counted; the answer still reaches the person
 * who asked, without an id.
 * Thread-safe.
 */
public final class AnswerService {

  private static final Logger LOG = LoggerFactory.getLogger(AnswerService.class);

  /** Where an answer's record is shown as a page, before its id. */
  public static final String ANSWER_PAGE = "/answers/";

  /** What the channels show under an answer that has no record (and so no link and no feedback buttons). */
  public static final String NOT_RECORDED = "This answer was not recorded, so it has no link or feedback buttons.";

  /**
   * An answer as given, with the id of its record.
   *
   * @param id the record's id, or null when the answer was given without a record (the store was down or slow)
   * @param link the record's page ({@link #ANSWER_PAGE} and the id; absolute when the public address is known), or
   *     null without a record
   * @param json the answer contract's JSON of the answer (without the id)
   * @param utf8 the same JSON as UTF-8
   */
  public record Given(String id, String link, Answer answer, String json, byte[] utf8) {

    /** The record's page as chat can link it (absolute: only when the bot's public address is known), or null. */
    public String pageUrl() {
      return link != null && link.startsWith("http") ? link : null;
    }

    /** True when a durable record of the answer exists under {@link #id()}. */
    public boolean recorded() {
      return id != null;
    }

    /**
     * Writes the answer contract's JSON with the record's {@code id} and {@code "recorded": true} first, or, without a
     * record, {@code "recorded": false} and {@code "recordNote"} ({@link #NOT_RECORDED}). The answer's JSON is an
     * object, so these go in after its opening brace: no tree is rebuilt and the (shared) bytes are not copied.
     */
    public void writeJsonWithId(OutputStream out) throws IOException {
      out.write(head());
      out.write(utf8, 1, utf8.length - 1);
    }

    /** Length in bytes of what {@link #writeJsonWithId} writes. */
    public int jsonWithIdLength() {
      return head().length + utf8.length - 1;
    }

    private byte[] head() {
      return (id == null ? NOT_RECORDED_HEAD : "{\"id\":\"" + id + "\",\"recorded\":true,\"link\":"
          + com.fasterxml.jackson.databind.node.TextNode.valueOf(link) + ",")
          .getBytes(StandardCharsets.UTF_8);
    }

    private static final String NOT_RECORDED_HEAD =
        "{\"recorded\":false,\"recordNote\":\"" + NOT_RECORDED + "\",";
  }

  /**
   * An answer as given (with where to ask a person, when that is configured), its JSON as text and as UTF-8, and the id
   * of its stored copy: made once per answer object of the answerer's.
   */
  private record Serialized(Answer given, String text, byte[] utf8, String contentId) {}

  /** Thrown while no index is loaded yet. */
  public static final class NotReadyException extends RuntimeException {
    /** What a client is told meanwhile. */
    public static final String MESSAGE = "the index is still loading";

    public NotReadyException() {
      super(MESSAGE);
    }
  }

  private final LiveIndex index;
  private final AnswerStore store;
  private final RecordWriter records;
  private final ScopeMetrics metrics;
  private final Clock clock;
  private final Conversations conversations;
  private final String escalation;
  private final String publicUrl;
  private volatile Deliveries deliveries;
  /** Where questions are handed to people, or null when no experts' channel is configured. */
  private volatile Experts experts;
  private final Handoffs handoffs;
  private final Senders senders = new Senders();
  /** By identity: the answerer hands out the same object for the same question, and identity is cheap to compare. */
  private final LossLog losses = new LossLog(LOG, 1_000);
  private final Memo<Answer, Serialized> jsonCache = Memo.byIdentity(2_000);

  /** @param records where records are committed before the answers are given, or null to keep none (answers then have no id) */
  public AnswerService(LiveIndex index, RecordWriter records, ScopeMetrics metrics, Clock clock) {
    this(index, records, metrics, clock, null);
  }

  /**
   * @param records where records are committed before the answers are given, or null to keep none (answers then have no id)
   * @param escalation where to ask a person when the documents don't say (a channel, a URL, an e-mail), or null
   */
  public AnswerService(LiveIndex index, RecordWriter records, ScopeMetrics metrics, Clock clock, String escalation) {
    this(index, records, metrics, clock, escalation, null);
  }

  /**
   * @param escalation where to ask a person when the documents don't say, or null
   * @param publicUrl the bot's public address, for links people open from chat (the dispute view, the changes page),
   *     or null
   */
  public AnswerService(LiveIndex index, RecordWriter records, ScopeMetrics metrics, Clock clock, String escalation,
      String publicUrl) {
    this.publicUrl = publicUrl == null || publicUrl.isBlank() ? null : publicUrl.replaceAll("/+$", "");
    this.escalation = escalation == null || escalation.isBlank() ? null : escalation.strip();
    this.conversations = new Conversations(clock);
    this.index = index;
    this.records = records;
    this.store = records == null ? null : records.store();
    this.handoffs = store == null ? null : new Handoffs(store);
    this.metrics = metrics;
    this.clock = clock;
    this.deliveries = new MemoryDeliveries(DELIVERIES_KEPT, clock);
  }

  /** Keys (event ids, request signatures, reply ids) remembered in memory when no shared store holds them. */
  public static final int DELIVERIES_KEPT = 50_000;

  /**
   * What the channels remember between deliveries (de-duplication, Teams' reply to answer map): shared by replicas
   * when the answer store is shared, else in memory.
   */
  public Deliveries deliveries() {
    return deliveries;
  }

  /** Uses shared deliveries (the answer store's) instead of this process's memory. */
  public AnswerService withDeliveries(Deliveries shared) {
    this.deliveries = shared;
    conversations.share(shared);
    return this;
  }

  /** Hands questions to the experts from now on (the channels then offer "Ask a FastTrack expert"). */
  public AnswerService withExperts(Experts where) {
    this.experts = where;
    return this;
  }

  /**
   * True when a question can be handed to a person: an experts' channel is configured and answers are recorded (a
   * hand-off names its record).
   */
  public boolean handsOff() {
    return experts != null && handoffs != null;
  }

  /** Hands an answered question to the experts; {@link Experts.Outcome#FAILED} when no experts are configured. */
  public Experts.Outcome handOff(String answerId, String cause, String note) {
    Experts e = experts;
    if (e == null || handoffs == null) {
      return Experts.Outcome.FAILED;
    }
    return e.handOff(answerId, cause, note == null ? "" : note);
  }

  /**
   * How to send a message later to where a question was asked (its record's {@link Origin}): each channel registers
   * its sender here as it is wired.
   */
  public Senders senders() {
    return senders;
  }

  /** The hand-offs in the answer store, or null without a store. */
  public Handoffs handoffs() {
    return handoffs;
  }

  /** An answer's hand-off to the experts, with the people's replies, if it was handed off. */
  public Optional<Handoff> handoff(String answerId) throws SQLException {
    return handoffs == null ? Optional.empty() : handoffs.of(answerId);
  }

  public Clock clock() {
    return clock;
  }

  /** The page of an answer's record: absolute when the bot's public address is known, else the path. */
  public String answerLink(String id) {
    return (publicUrl == null ? "" : publicUrl) + ANSWER_PAGE + id;
  }

  /** The page laying out a claim for a dispute, when the bot's public address is known. */
  public Optional<String> disputeLink(String claim) {
    if (publicUrl == null || claim == null || claim.isBlank()) {
      return Optional.empty();
    }
    String c = claim.length() > 1000 ? claim.substring(0, 1000) : claim;
    return Optional.of(publicUrl + "/dispute.html?claim=" + java.net.URLEncoder.encode(c, StandardCharsets.UTF_8));
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
    return ask(question, channel, userId, false);
  }

  /**
   * Answers a question and records the answer; with {@code explain}, the answer says how it was reached.
   *
   * @throws NotReadyException before the first index is loaded
   */
  public Given ask(String question, String channel, String userId, boolean explain) {
    return ask(question, channel, userId, explain, null);
  }

  /**
   * Answers a question of a conversation: a follow-up ("and for a single forest?") is read against the conversation's
   * previous question, and the answer says how it was read.
   *
   * @param conversation the conversation's id on its channel (a Slack thread, a Teams conversation, a web session), or
   *     null for a question on its own
   * @throws NotReadyException before the first index is loaded
   */
  public Given ask(String question, String channel, String userId, boolean explain, String conversation) {
    return ask(question, channel, userId, explain, conversation, null);
  }

  /**
   * Answers a question of a conversation as of a date: from the revisions in force then.
   *
   * @param asOf the date, or null for the revisions in force today (unless the question names a date)
   * @throws NotReadyException before the first index is loaded
   */
  public Given ask(String question, String channel, String userId, boolean explain, String conversation,
      java.time.LocalDate asOf) {
    return ask(question, channel, userId, explain, conversation, asOf, null);
  }

  /**
   * Answers a question of a conversation and keeps, with its record, where it was asked.
   *
   * @param origin where the question was asked, so a person's answer or a notice can go back there; or null
   * @throws NotReadyException before the first index is loaded
   */
  public Given ask(String question, String channel, String userId, boolean explain, String conversation,
      java.time.LocalDate asOf, Origin origin) {
    Answerer answerer = index.get();
    if (answerer == null) {
      throw new NotReadyException();
    }
    long start = System.nanoTime();
    Answer answer = answer(answerer, question, channel, explain, conversation, asOf);
    metrics.answered(channel, answer.verdict().wire(), System.nanoTime() - start);
    boolean gap = answer.verdict() == Verdict.UNKNOWN && answer.smallTalk() == null;
    if (gap) {
      metrics.gap(GapOutcome.UNKNOWN);
    }
    Serialized json = json(answer);
    String id = record(json.given(), json, channel, userId, origin);
    Experts e = experts;
    if (gap && e != null && id != null && origin != null) {
      // a question the documents don't answer goes to a person by itself, where their answer can come back to
      e.handOffLater(id, "unknown", "");
    }
    return new Given(id, id == null ? null : answerLink(id), json.given(), json.text(), json.utf8());
  }

  /**
   * Commits the answer's record before the answer is given: its id when committed in time, else null (counted and
   * logged), and the answer goes out at once without one.
   */
  private String record(Answer answer, Serialized json, String channel, String userId, Origin origin) {
    if (records == null) {
      return null;
    }
    String id = AnswerStore.newId();
    RecordWriter.Outcome outcome;
    try {
      outcome = records.record(new AnswerRecord(id, clock.instant().toString(), channel,
          store.hashUser(channel, userId), answer.question(), answer.verdict().wire(), json.text(), List.of(),
          json.contentId(), origin));
    } catch (RuntimeException e) {
      outcome = RecordWriter.Outcome.FAILED;
    }
    if (outcome == RecordWriter.Outcome.COMMITTED) {
      return id;
    }
    metrics.recordFailure("answer");
    losses.lost(outcome.name().toLowerCase(java.util.Locale.ROOT));
    return null;
  }

  private Answer answer(Answerer answerer, String question, String channel, boolean explain, String conversation,
      java.time.LocalDate asOf) {
    Optional<String> previous = conversation == null || conversation.isBlank()
        ? Optional.empty() : conversations.previous(channel, conversation);
    Optional<String> read = previous.flatMap(p -> FollowUps.resolve(p, question));
    String asked = read.orElse(question);
    Answer answer = explain ? answerer.explain(asked, asOf) : answerer.answer(asked, asOf);
    if (read.isPresent()) {
      answer = answer.readAs(question, read.get());
    }
    // the question as read, never a fragment: a follow-up the answerer read on its own is remembered as it read it
    String remembered = answer.readAs() != null ? answer.readAs() : asked;
    if (conversation != null && !conversation.isBlank() && answer.smallTalk() == null && !remembered.isBlank()) {
      conversations.remember(channel, conversation, remembered);
    }
    return answer;
  }

  /**
   * The answer as given and its JSON, made once per answer object of the answerer's: popular questions get the same
   * object back from its cache, so this is mostly a lookup. Where to ask a person is added here, so that an answer
   * that gets it is still the same object when asked again.
   */
  private Serialized json(Answer answer) {
    Serialized cached = jsonCache.get(answer);
    if (cached != null) {
      return cached;
    }
    // links to the bot's own pages are made absolute here, as the dispute view's are: chat clients need whole URLs
    Answer given = answer.withEscalation(escalation).withPublicUrl(publicUrl);
    String text = AnswerJson.line(given);
    byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
    // the records of one answer object (a question asked again while the answerer's cache holds it) share one stored
    // copy; follow-ups and explained answers, made anew each time, have one each. Its id is a new one, not a hash of
    // the JSON: ids made one after another sort one after another, so the content table and the records' index of it
    // grow at their ends; a hash put each new content on a page of its own in both, which cost the record writer half
    // its time. A copy is made again only after the caches forgot the answer
    Serialized fresh = new Serialized(given, text, utf8, AnswerStore.newId());
    jsonCache.put(answer, fresh);
    return fresh;
  }

  /** The record of an answer, if it was stored. */
  public Optional<AnswerRecord> record(String id) throws SQLException {
    return store == null ? Optional.empty() : store.find(id);
  }

  /**
   * Attaches 👍/👎 (with an optional reason) to an answer's record, and hands a 👎'd question to the experts when
   * they are configured: a named user's later feedback replaces their earlier one; an answer takes at most
   * {@link AnswerStore#MAX_FEEDBACK}. Never waits on the record writer (a record whose id was handed out is already
   * committed), nor on the experts' channel.
   */
  public FeedbackOutcome feedback(String id, boolean helpful, String reason, String channel, String userId)
      throws SQLException {
    if (store == null) {
      return FeedbackOutcome.NO_SUCH_ANSWER;
    }
    try {
      FeedbackOutcome outcome = store.addFeedback(id,
          new Feedback(helpful, reason, channel, store.hashUser(channel, userId), clock.instant().toString()));
      if (outcome.stored()) {
        metrics.feedback(channel, helpful);
        if (!helpful) {
          metrics.gap(GapOutcome.THUMBS_DOWN);
        }
      }
      Experts e = experts;
      if (!helpful && outcome.stored() && e != null) {
        // a 👎 asks a person: once per answer, however often it is given
        e.handOffLater(id, "thumbs_down", reason);
      }
      return outcome;
    } catch (SQLException e) {
      metrics.recordFailure("feedback");
      throw e;
    }
  }
}

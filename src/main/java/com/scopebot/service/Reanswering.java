package com.scopebot.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.scopebot.answer.Answer;
import com.scopebot.answer.AnswerJson;
import com.scopebot.answer.Answerer;
import com.scopebot.corpus.Corpus;
import com.scopebot.corpus.Document;
import com.scopebot.corpus.Passage;
import com.scopebot.history.CitationCheck;
import com.scopebot.history.Outdated;
import com.scopebot.records.AnswerRecord;
import com.scopebot.records.AnswerStore;
import com.scopebot.records.Reanswer;
import com.scopebot.records.Reanswers;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers stored answers again once a new revision changed what they cited.
 *
 * <p>Each corpus put in service (at start and after each reindex) starts a job, once, in the answer store: a scan of
 * the records made until then that finds those whose cited statements the revisions in force now word otherwise, move,
 * or no longer hold ({@link CitationCheck}); each one found is asked again against the index in service and recorded
 * as a new record (channel {@value #CHANNEL}) that names the old one, and, with notices on, its conversation is told
 * once. All progress is in the store ({@link Reanswers}), so a killed process resumes where it was, and replicas
 * sharing a store split the work without doing any piece twice.
 *
 * <p>Bounded: one thread; records scanned {@value #SCAN_BATCH} at a time; answers asked {@value #ANSWER_BATCH} at a
 * time with a pause between batches, so questions being asked keep the cores; at most {@code cap} answers again per
 * job, the rest counted. Thread-safe.
 */
public final class Reanswering implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(Reanswering.class);
  private static final ObjectMapper JSON = AnswerJson.mapper();

  /** The channel of an answer again: it was given to no one, only stored (and told, with notices on). */
  public static final String CHANNEL = "reanswer";
  static final int SCAN_BATCH = 200;
  static final int ANSWER_BATCH = 10;
  /** Between batches of answers: a pass over many answers leaves room for the questions asked meanwhile. */
  static final long PAUSE_MILLIS = 100;
  /** How long a claim holds on a shared store: a replica that dies leaves its claims to others after this. */
  static final long LEASE_MILLIS = 60_000;
  /** How often the worker looks for work another replica started, or left when it died. */
  static final long POLL_MILLIS = 30_000;

  /** The check of one corpus, kept while that corpus is in service. */
  private record Checked(Corpus corpus, CitationCheck check, String job) {}

  private final LiveIndex index;
  private final AnswerStore store;
  private final Reanswers table;
  private final ChangeNotices notices;
  private final UnaryOperator<String> link;
  private final int cap;
  private final Clock clock;
  private final ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "scopebot-reanswer");
    t.setDaemon(true);
    t.setPriority(Thread.MIN_PRIORITY);
    return t;
  });
  /** True while a run waits in the worker's queue: a burst of reindexes makes one run, not a queue of them. */
  private final AtomicBoolean queued = new AtomicBoolean();
  private volatile Checked checked;
  private volatile boolean closed;

  /**
   * @param notices where conversations are told, or null to tell none
   * @param link an answer id's page (see {@link AnswerService#answerLink})
   * @param cap most answers answered again per job
   */
  public Reanswering(LiveIndex index, AnswerStore store, ChangeNotices notices, UnaryOperator<String> link, int cap,
      Clock clock) {
    if (cap <= 0) {
      throw new IllegalArgumentException("cap must be positive, got " + cap);
    }
    this.index = index;
    this.store = store;
    this.table = new Reanswers(store);
    this.notices = notices;
    this.link = link;
    this.cap = cap;
    this.clock = clock;
  }

  /** The store's re-answering tables (listings, tests). */
  public Reanswers table() {
    return table;
  }

  /**
   * Starts the worker: claims a killed process left on a store of its own are given back, and from now on the worker
   * looks for work every {@link #POLL_MILLIS}; {@link #indexed()} wakes it at once.
   */
  public Reanswering start() {
    worker.execute(() -> {
      if (table.alone()) {
        try {
          int released = table.releaseClaims();
          if (released > 0) {
            LOG.info("answering again: resuming {} answers a stopped process had begun", released);
          }
        } catch (SQLException e) {
          LOG.warn("answering again: the store failed giving back old claims ({})", e.getClass().getSimpleName());
        }
      }
    });
    worker.scheduleWithFixedDelay(this::wake, POLL_MILLIS, POLL_MILLIS, TimeUnit.MILLISECONDS);
    return this;
  }

  /** An index was put in service: looks for the answers its revisions changed, on the worker. */
  public void indexed() {
    wake();
  }

  private void wake() {
    if (!closed && queued.compareAndSet(false, true)) {
      worker.execute(() -> {
        queued.set(false);
        run();
      });
    }
  }

  /** One pass: starts the corpus's job, scans every open job, answers what was found. Failures are logged. */
  void run() {
    Answerer answerer = index.get();
    if (answerer == null || closed) {
      return;
    }
    try {
      Checked c = checked(answerer.index().corpus());
      if (table.startJob(c.job(), clock.instant().toString())) {
        LOG.info("answering again: looking for stored answers the corpus in service changed (job {})", c.job());
      }
      for (Reanswers.Job job : table.openJobs()) {
        scan(job, c.check());
      }
      int answered = answerAll(answerer);
      table.closeFinishedJobs();
      if (answered > 0) {
        LOG.info("answering again: answered {} stored answers again", answered);
      }
    } catch (SQLException | RuntimeException e) {
      LOG.warn("answering again paused, retried in {} s: {}", POLL_MILLIS / 1000, LogSafe.text(e.toString()));
    }
  }

  private Checked checked(Corpus corpus) {
    Checked c = checked;
    if (c == null || c.corpus() != corpus) {
      c = new Checked(corpus, CitationCheck.of(corpus), jobId(corpus));
      checked = c;
    }
    return c;
  }

  /** A corpus's job: the hash of its documents, revisions and passages, the same on every replica serving it. */
  static String jobId(Corpus corpus) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      List<Document> docs = new ArrayList<>(corpus.documents());
      docs.sort(Comparator.comparing(Document::file));
      for (Document d : docs) {
        sha.update((d.file() + '\u0000' + d.revision() + '\n').getBytes(StandardCharsets.UTF_8));
      }
      for (Passage p : corpus.passages()) {
        sha.update((p.document().file() + '\u0000' + p.line() + '\u0000' + p.text() + '\n')
            .getBytes(StandardCharsets.UTF_8));
      }
      return HexFormat.of().formatHex(sha.digest(), 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JRE", e);
    }
  }

  /** Scans a job's records to its end, a batch at a time; stops when another worker moved the same scan on first. */
  private void scan(Reanswers.Job job, CitationCheck check) throws SQLException {
    while (!job.scanned() && !closed) {
      List<AnswerRecord> records = table.nextRecords(job, SCAN_BATCH);
      List<Reanswer> found = new ArrayList<>();
      for (AnswerRecord r : records) {
        outdated(job.id(), r, check).ifPresent(found::add);
      }
      String to = records.isEmpty() ? job.cursor() : records.get(records.size() - 1).id();
      boolean finished = records.size() < SCAN_BATCH;
      if (!table.advance(job, to, found, finished, cap)) {
        return; // another replica scans it; the next pass sees where it got
      }
      job = new Reanswers.Job(job.id(), job.createdAt(), to, finished);
    }
  }

  /** What outdates a stored answer: the first of its citations of a revision then in force that changed since. */
  static Optional<Reanswer> outdated(String job, AnswerRecord r, CitationCheck check) {
    JsonNode answer;
    try {
      answer = JSON.readTree(r.answer());
    } catch (java.io.IOException e) {
      return Optional.empty(); // not an answer this version can read; nothing to compare
    }
    if (answer.hasNonNull("asOf")) {
      return Optional.empty(); // read as of a date: a newer revision does not change what was in force then
    }
    for (JsonNode c : answer.path("citations")) {
      if (!c.path("current").asBoolean(true) || !c.hasNonNull("document") || !c.hasNonNull("quote")) {
        continue; // a revision already replaced when cited, on purpose (history, disputes)
      }
      Optional<Outdated> o = check.outdated(c.get("document").asText(), c.path("line").asInt(), c.get("quote").asText());
      if (o.isPresent()) {
        Outdated d = o.get();
        return Optional.of(new Reanswer(job, r.id(), null, r.question(), r.verdict(), null, d.kind(), d.before(),
            d.after(), d.document(), d.changedOn()));
      }
    }
    return Optional.empty();
  }

  /** Answers again what is waiting, a batch at a time; how many. */
  private int answerAll(Answerer answerer) throws SQLException {
    int answered = 0;
    while (!closed) {
      List<Reanswer> batch = table.claim(ANSWER_BATCH, clock.millis(), LEASE_MILLIS);
      if (batch.isEmpty()) {
        return answered;
      }
      for (Reanswer r : batch) {
        if (closed) {
          return answered; // the claims lapse, or are given back at the next start
        }
        answerAgain(answerer, r);
        answered++;
      }
      try {
        Thread.sleep(PAUSE_MILLIS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return answered;
      }
    }
    return answered;
  }

  /**
   * Asks an outdated answer's question again and records it under the id reserved for it, then tells its
   * conversation (once: the notice is claimed in the store first), then marks it done. A run killed anywhere in
   * between does it again with the same id, which stores nothing twice and tells no one twice.
   */
  private void answerAgain(Answerer answerer, Reanswer r) throws SQLException {
    String now = clock.instant().toString();
    Optional<AnswerRecord> found = store.find(r.oldId());
    if (found.isEmpty()) {
      table.drop(r, now); // purged meanwhile
      return;
    }
    AnswerRecord old = found.get();
    Answer answer = answerer.answer(askedAs(old), null);
    String newId = table.reserveNewId(r, AnswerStore.newId());
    ObjectNode json = JSON.valueToTree(answer);
    json.putObject("reanswerOf").put("id", old.id()).put("changedOn", r.changedOn()).put("kind", r.kind());
    // asked where the old answer was: a later revision that changes this one can tell the same conversation
    AnswerRecord renewed = new AnswerRecord(newId, now, CHANNEL, old.user(), old.question(), answer.verdict().wire(),
        json.toString(), List.of(), newId, old.origin());
    Set<String> failed = store.saveAll(List.of(renewed));
    if (!failed.isEmpty()) {
      LOG.warn("answering again: the store refused the new record of answer {}; left as it was", old.id());
      table.drop(r, now);
      return;
    }
    if (notices != null && table.claimNotice(r.job(), notices.conversation(old), now)) {
      try {
        notices.send(old, renewed, new ChangeNotice(r.changedOn(), r.oldVerdict(), renewed.verdict(), r.before(),
            r.after(), link.apply(old.id()), link.apply(newId)));
      } catch (RuntimeException e) {
        LOG.warn("answering again: telling the conversation of answer {} failed: {}", old.id(),
            LogSafe.text(e.toString()));
      }
    }
    table.finish(r, renewed.verdict(), now);
  }

  /** The question as the answerer read it then: a follow-up's whole reading, not its fragment. */
  private static String askedAs(AnswerRecord old) {
    try {
      JsonNode read = JSON.readTree(old.answer()).get("readAs");
      return read != null && read.isTextual() && !read.asText().isBlank() ? read.asText() : old.question();
    } catch (java.io.IOException e) {
      return old.question();
    }
  }

  /** Stops the worker; work in progress resumes at the next start. */
  @Override
  public void close() {
    closed = true;
    worker.shutdownNow();
  }
}

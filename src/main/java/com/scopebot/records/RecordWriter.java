package com.scopebot.records;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Commits answer records before their answers are given (group commit): a request hands its record over and waits
 * until the transaction holding it has committed; one thread commits whatever has queued meanwhile in one
 * transaction, so many answers share a commit. An answer whose record is not committed in time is given without an
 * id: an id handed out always names a durable record.
 *
 * <p>Thread-safe.
 */
public final class RecordWriter implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(RecordWriter.class);

  /** What became of a record handed to {@link #record}. */
  public enum Outcome {
    /** Committed: its id may be handed out. */
    COMMITTED,
    /** Not committed within the wait. */
    TIMED_OUT,
    /** Refused at once: too many records were already waiting. */
    QUEUE_FULL,
    /** Refused at once, or failed: the store is down or refused the record. */
    FAILED,
    /** Refused: the writer is closed. */
    CLOSED
  }

  /** Records waiting at most; beyond that, answers are given unrecorded rather than waiting. */
  static final int CAPACITY = 5_000;
  /** Most records in one transaction. */
  static final int BATCH = 500;

  private record Ticket(AnswerRecord record, CompletableFuture<Boolean> committed) {}

  private final AnswerStore store;
  private final long waitMillis;
  private final BlockingQueue<Ticket> queue;
  private final Thread worker;
  private volatile boolean closing;

  /** @param waitMillis how long {@link #record} waits for the commit at most */
  public RecordWriter(AnswerStore store, long waitMillis) {
    this(store, waitMillis, CAPACITY);
  }

  /** @param capacity most records waiting (tests make it small) */
  RecordWriter(AnswerStore store, long waitMillis, int capacity) {
    this.queue = new ArrayBlockingQueue<>(capacity);
    if (waitMillis <= 0) {
      throw new IllegalArgumentException("waitMillis must be positive, got " + waitMillis);
    }
    this.store = store;
    this.waitMillis = waitMillis;
    this.worker = new Thread(this::run, "scopebot-records");
    worker.setDaemon(true);
    worker.start();
  }

  public AnswerStore store() {
    return store;
  }

  /**
   * Hands a record over and waits (at most the writer's wait) until it is committed. Returns at once when the store
   * is known to be down, the queue is full or the writer is closed.
   */
  public Outcome record(AnswerRecord record) {
    if (closing) {
      return Outcome.CLOSED;
    }
    if (!store.isUp()) {
      return Outcome.FAILED;
    }
    Ticket t = new Ticket(record, new CompletableFuture<>());
    if (!queue.offer(t)) {
      return Outcome.QUEUE_FULL;
    }
    try {
      return t.committed().get(waitMillis, TimeUnit.MILLISECONDS) ? Outcome.COMMITTED : Outcome.FAILED;
    } catch (TimeoutException e) {
      // not written yet: the writer skips it; if it is being written right now, it is committed without an owner
      t.committed().cancel(false);
      return t.committed().isDone() && !t.committed().isCancelled() && t.committed().join()
          ? Outcome.COMMITTED : Outcome.TIMED_OUT;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      t.committed().cancel(false);
      return Outcome.TIMED_OUT;
    } catch (ExecutionException e) {
      return Outcome.FAILED;
    }
  }

  /** How many records wait to be committed. */
  public int queued() {
    return queue.size();
  }

  private void run() {
    List<Ticket> batch = new ArrayList<>(BATCH);
    while (!closing || !queue.isEmpty()) {
      try {
        Ticket first = queue.poll(50, TimeUnit.MILLISECONDS);
        if (first == null) {
          continue;
        }
        batch.add(first);
        // whatever queued while the last commit ran goes into this one
        queue.drainTo(batch, BATCH - 1);
        batch.removeIf(t -> t.committed().isDone()); // given up on by a request that waited too long
        write(batch);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException e) {
        LOG.warn("the record writer failed a batch: {}", e.toString());
        batch.forEach(t -> t.committed().complete(false));
      } finally {
        batch.clear();
      }
    }
  }

  private void write(List<Ticket> batch) {
    if (batch.isEmpty()) {
      return;
    }
    List<AnswerRecord> records = new ArrayList<>(batch.size());
    batch.forEach(t -> records.add(t.record()));
    Set<String> failed;
    try {
      failed = store.saveAll(records);
    } catch (SQLException e) {
      // the answers waiting on these say "not recorded"; the service counts and logs them
      batch.forEach(t -> t.committed().complete(false));
      return;
    }
    batch.forEach(t -> t.committed().complete(!failed.contains(t.record().id())));
  }

  /** Commits what is queued, then stops the writer thread; later records are refused. */
  @Override
  public void close() throws InterruptedException {
    closing = true;
    worker.join(TimeUnit.SECONDS.toMillis(30));
  }
}

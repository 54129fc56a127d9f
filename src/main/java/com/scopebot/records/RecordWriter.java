package com.scopebot.records;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes answer records behind the answers: a request hands its record over and returns at once; one thread writes
 * them in batches, one transaction each. A record waiting to be written is already readable through
 * {@link #pending}. Closing writes everything still queued, so a graceful stop loses nothing.
 *
 * <p>Thread-safe.
 */
public final class RecordWriter implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(RecordWriter.class);

  /** Records waiting at most; beyond that, records are counted as failed rather than slowing answers down. */
  static final int CAPACITY = 20_000;
  private static final int BATCH = 500;

  private final AnswerStore store;
  private final Consumer<Exception> onFailure;
  private final BlockingQueue<AnswerRecord> queue = new ArrayBlockingQueue<>(CAPACITY);
  private final Map<String, AnswerRecord> pending = new ConcurrentHashMap<>();
  private final Thread worker;
  private volatile boolean closing;

  /** @param onFailure told of every record (or batch) that could not be written */
  public RecordWriter(AnswerStore store, Consumer<Exception> onFailure) {
    this.store = store;
    this.onFailure = onFailure;
    this.worker = new Thread(this::run, "scopebot-records");
    worker.setDaemon(true);
    worker.start();
  }

  public AnswerStore store() {
    return store;
  }

  /** Queues a record; false (and a failure reported) when the queue is full or the writer is closed. */
  public boolean submit(AnswerRecord record) {
    if (closing) {
      onFailure.accept(new IllegalStateException("record writer is closed"));
      return false;
    }
    pending.put(record.id(), record);
    if (!queue.offer(record)) {
      pending.remove(record.id());
      onFailure.accept(new IllegalStateException("record queue is full (" + CAPACITY + ")"));
      return false;
    }
    return true;
  }

  /** How many records wait to be written. */
  public int queued() {
    return pending.size();
  }

  /** A record that is queued but not yet written. */
  public Optional<AnswerRecord> pending(String id) {
    return Optional.ofNullable(pending.get(id));
  }

  /** Waits until every record queued so far is written (or failed). */
  public void flush() throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!pending.isEmpty() && System.nanoTime() < deadline) {
      Thread.sleep(2);
    }
  }

  private void run() {
    List<AnswerRecord> batch = new ArrayList<>(BATCH);
    while (!closing || !queue.isEmpty()) {
      try {
        AnswerRecord first = queue.poll(50, TimeUnit.MILLISECONDS);
        if (first == null) {
          continue;
        }
        batch.add(first);
        queue.drainTo(batch, BATCH - 1);
        write(batch);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } finally {
        batch.clear();
      }
    }
  }

  private void write(List<AnswerRecord> batch) {
    try {
      store.saveAll(batch);
    } catch (SQLException | RuntimeException e) {
      LOG.warn("{} answer records were given but not recorded: {}", batch.size(), e.toString());
      onFailure.accept(e);
    } finally {
      batch.forEach(r -> pending.remove(r.id()));
    }
  }

  /** Writes what is queued, then stops the writer thread. */
  @Override
  public void close() throws InterruptedException {
    closing = true;
    worker.join(TimeUnit.SECONDS.toMillis(30));
  }
}

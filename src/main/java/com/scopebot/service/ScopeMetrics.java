package com.scopebot.service;

import com.scopebot.records.GapOutcome;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.List;

/**
 * The bot's metrics, in Prometheus text format at {@code /metrics}: answers by channel and verdict, answer latency by
 * channel, HTTP requests by route and status, record-store failures, gaps in the documents by outcome, and the JVM's
 * own.
 *
 * <p>Thread-safe (Micrometer meters are).
 */
public final class ScopeMetrics {

  /** What a record-store failure can be about: an answer's record, or feedback on one. */
  static final List<String> RECORD_FAILURES = List.of("answer", "feedback");

  private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

  public ScopeMetrics() {
    // every failure series exists from the start at 0: an alert on it, or rate() over it, then sees the first failure
    // rather than a series appearing out of nothing
    RECORD_FAILURES.forEach(this::recordFailures);
    for (GapOutcome o : GapOutcome.values()) {
      gaps(o);
    }
    new JvmMemoryMetrics().bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    // GC metrics hold a listener; the registry lives as long as the process
    new JvmGcMetrics().bindTo(registry);
  }

  public MeterRegistry registry() {
    return registry;
  }

  /** One answer given on a channel. */
  public void answered(String channel, String verdict, long nanos) {
    Counter.builder("scopebot.answers").description("Answers given, by channel and verdict")
        .tags("channel", channel, "verdict", verdict).register(registry).increment();
    Timer.builder("scopebot.answer.latency").description("Time to answer a question, by channel")
        .tags("channel", channel)
        .publishPercentileHistogram()
        .minimumExpectedValue(Duration.ofNanos(50_000))
        .maximumExpectedValue(Duration.ofSeconds(2))
        .register(registry).record(Duration.ofNanos(nanos));
  }

  /** One HTTP request served. */
  public void request(String route, String method, int status, long nanos) {
    Timer.builder("scopebot.http.requests").description("HTTP requests, by route, method and status")
        .tags("route", route, "method", method, "status", Integer.toString(status))
        .register(registry).record(Duration.ofNanos(nanos));
  }

  /** An answer record or feedback that could not be written; {@code what} is one of {@link #RECORD_FAILURES}. */
  public void recordFailure(String what) {
    recordFailures(what).increment();
  }

  private Counter recordFailures(String what) {
    return Counter.builder("scopebot.records.failures").description("Answer records or feedback not stored")
        .tag("what", what).register(registry);
  }

  /** Feedback received. */
  public void feedback(String channel, boolean helpful) {
    Counter.builder("scopebot.feedback").description("Feedback received, by channel and kind")
        .tags("channel", channel, "helpful", Boolean.toString(helpful)).register(registry).increment();
  }

  /** One gap in the documents as it happens: an unknown answer, a 👎, a question handed to a person. */
  public void gap(GapOutcome outcome) {
    gaps(outcome).increment();
  }

  private Counter gaps(GapOutcome outcome) {
    return Counter.builder("scopebot.gaps").description("Gaps in the documents as they happen, by outcome")
        .tag("outcome", outcome.wire()).register(registry);
  }

  /** The Prometheus text exposition of every meter. */
  public String scrape() {
    return registry.scrape();
  }
}

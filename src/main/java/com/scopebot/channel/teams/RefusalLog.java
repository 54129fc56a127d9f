package com.scopebot.channel.teams;

import com.scopebot.service.LogSafe;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Log lines for refused Teams requests: at most {@link #LINES_PER_WINDOW} per {@link #WINDOW}, then one line counting
 * the rest. A flood of forged requests must not become a flood of log lines (nor writers queued on the log's lock).
 * Thread-safe.
 */
final class RefusalLog {

  private static final Logger LOG = LoggerFactory.getLogger(TeamsServlet.class);

  static final int LINES_PER_WINDOW = 5;
  static final Duration WINDOW = Duration.ofSeconds(10);

  private final Clock clock;
  // guarded by this
  private Instant windowStart = Instant.MIN;
  private int logged;
  private long unlogged;

  RefusalLog(Clock clock) {
    this.clock = clock;
  }

  /**
   * Logs a refusal, unless enough were logged in this window.
   *
   * @param reason a fixed text or one already cut to a line: never the request's own content
   * @return whether this refusal got its own line
   */
  boolean refused(String reason) {
    long countedBefore = 0;
    boolean ownLine;
    synchronized (this) {
      Instant now = clock.instant();
      if (!now.isBefore(windowStart.plus(WINDOW))) {
        countedBefore = unlogged;
        windowStart = now;
        logged = 0;
        unlogged = 0;
      }
      ownLine = logged < LINES_PER_WINDOW;
      if (ownLine) {
        logged++;
      } else {
        unlogged++;
      }
    }
    if (countedBefore > 0) {
      LOG.info("{} more Teams requests were refused in the previous window (not logged one by one)", countedBefore);
    }
    if (ownLine) {
      // the reason can quote the sender's token (an issuer, an audience)
      LOG.info("Teams request refused: {}", LogSafe.text(reason));
    }
    return ownLine;
  }
}

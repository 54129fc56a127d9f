package com.scopebot.server;

import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.util.thread.Scheduler;

/**
 * Closes a connection that has not sent one whole request head within {@link #MILLIS} of opening. The idle timeout
 * alone cannot: a client that sends a header line every few seconds (slowloris) is never idle, and would keep its
 * socket for as long as it likes.
 */
final class FirstRequestDeadline implements Connection.Listener {

  /** How long a new connection has to send its first request's head. */
  static final long MILLIS = 5_000;

  private final Scheduler scheduler;

  FirstRequestDeadline(Scheduler scheduler) {
    this.scheduler = scheduler;
  }

  @Override
  public void onOpened(Connection connection) {
    scheduler.schedule(() -> {
      if (connection.getMessagesIn() == 0 && connection.getEndPoint().isOpen()) {
        connection.getEndPoint().close();
      }
    }, MILLIS, TimeUnit.MILLISECONDS);
  }
}

package com.scopebot.server;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.util.thread.Scheduler;

/**
 * Closes a connection that has not sent one whole request head within {@link #MILLIS} of opening. The idle timeout
 * alone cannot: a client that sends a header line every few seconds (slowloris) is never idle, and would keep its
 * socket for as long as it likes. A connection counts as started once Jetty has parsed a request head on it (this is
 * also a customizer of every request); a body still arriving then has the body timeout, not this deadline.
 */
final class FirstRequestDeadline implements Connection.Listener, HttpConfiguration.Customizer {

  /** How long a new connection has to send its first request's head. */
  static final long MILLIS = 5_000;

  private final Scheduler scheduler;
  /** Open connections that have sent a request head. */
  private final Set<Connection> started = ConcurrentHashMap.newKeySet();

  FirstRequestDeadline(Scheduler scheduler) {
    this.scheduler = scheduler;
  }

  @Override
  public void onOpened(Connection connection) {
    scheduler.schedule(() -> {
      if (!started.contains(connection) && connection.getEndPoint().isOpen()) {
        connection.getEndPoint().close();
      }
    }, MILLIS, TimeUnit.MILLISECONDS);
  }

  @Override
  public void onClosed(Connection connection) {
    started.remove(connection);
  }

  @Override
  public Request customize(Request request, HttpFields.Mutable responseHeaders) {
    started.add(request.getConnectionMetaData().getConnection());
    return request;
  }
}

package com.scopebot.channel.web;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The body of a request already answered (refused at its headers): dropped as it arrives, with servlet async IO, so no
 * thread waits on the client.
 *
 * <p>Closing a connection with a body still arriving makes the kernel reset it, and a client still sending then loses
 * the answer it was sent; so a body up to {@link #DISCARD_LIMIT} is read and dropped after the answer has gone out
 * (HTTP's "lingering close"), within a time limit. A larger one gets {@code Connection: close} and no reading at all.
 */
public final class RefusedBody {

  /** Most of a refused body dropped before the connection is closed on the rest. */
  public static final long DISCARD_LIMIT = 1024 * 1024;

  private RefusedBody() {}

  /**
   * Call before writing the refusal: marks the connection to be closed when the body is too large to drop.
   *
   * @return true when the body will be dropped after the answer ({@link #dropAfterAnswer})
   */
  public static boolean prepare(HttpServletRequest req, HttpServletResponse resp) {
    long declared = req.getContentLengthLong();
    boolean droppable = declared > 0 && declared <= DISCARD_LIMIT;
    if (!droppable && declared != 0) {
      resp.setHeader("Connection", "close");
    }
    return droppable;
  }

  /** Sends the answer written so far, then drops the body as it arrives, for at most {@code timeoutMillis}. */
  public static void dropAfterAnswer(HttpServletRequest req, HttpServletResponse resp, long timeoutMillis)
      throws IOException {
    resp.flushBuffer();
    AsyncContext async = req.startAsync();
    async.setTimeout(timeoutMillis);
    ServletInputStream in = req.getInputStream();
    Dropping dropping = new Dropping(async, in);
    async.addListener(dropping);
    in.setReadListener(dropping);
  }

  private static final class Dropping implements ReadListener, AsyncListener {
    private final AsyncContext async;
    private final ServletInputStream in;
    private final byte[] sink = new byte[8192];

    Dropping(AsyncContext async, ServletInputStream in) {
      this.async = async;
      this.in = in;
    }

    @Override
    public void onDataAvailable() throws IOException {
      while (in.isReady() && in.read(sink) >= 0) {
        // dropped
      }
    }

    @Override
    public void onAllDataRead() {
      async.complete();
    }

    @Override
    public void onError(Throwable t) {
      async.complete();
    }

    @Override
    public void onTimeout(AsyncEvent event) {
      async.complete(); // the rest is not waited for: the connection is closed on it
    }

    @Override
    public void onComplete(AsyncEvent event) {}

    @Override
    public void onError(AsyncEvent event) {}

    @Override
    public void onStartAsync(AsyncEvent event) {}
  }
}

package com.scopebot.server;

import com.scopebot.channel.web.JsonHttp;
import com.scopebot.channel.web.RefusedBody;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Reads a request body before the servlet runs, with servlet async IO: while a client is slow to send its body no
 * thread waits for it, so a few hundred stalled clients cannot take every worker. The servlet then gets the body from
 * memory ({@link BufferedRequest}).
 *
 * <p>A body must arrive in full within the body timeout ({@code SCOPEBOT_BODY_TIMEOUT_MS}) — else 408 — and fit the
 * endpoint's cap — else 413, at once when the declared length says so. Jetty 12.1's {@code EagerContentHandler} reads
 * ahead the same way, but has no total time limit, and its form loader parses a form body away from the raw bytes
 * that Slack's signature is computed over; {@code HttpConfiguration.setDelayDispatchUntilContent} waits only for the
 * first bytes of a body.
 */
final class BodyFilter extends HttpFilter {

  private static final String BODY = BodyFilter.class.getName() + ".body";

  private final int maxBytes;
  private final long timeoutMillis;

  /**
   * @param maxBytes the endpoint's largest body
   * @param timeoutMillis the most time a client may take to send it
   */
  BodyFilter(int maxBytes, long timeoutMillis) {
    if (maxBytes < 1 || timeoutMillis < 1) {
      throw new IllegalArgumentException("maxBytes and timeoutMillis must be positive, got " + maxBytes + " and "
          + timeoutMillis);
    }
    this.maxBytes = maxBytes;
    this.timeoutMillis = timeoutMillis;
  }

  @Override
  protected void doFilter(HttpServletRequest req, HttpServletResponse resp, FilterChain chain)
      throws IOException, ServletException {
    if (req.getDispatcherType() == DispatcherType.ASYNC && req.getAttribute(BODY) instanceof byte[] body) {
      req.removeAttribute(BODY);
      chain.doFilter(new BufferedRequest(req, body), resp);
      return;
    }
    long declared = req.getContentLengthLong();
    boolean chunked = declared < 0 && req.getHeader("Transfer-Encoding") != null;
    if (declared <= 0 && !chunked) {
      chain.doFilter(new BufferedRequest(req, new byte[0]), resp);
      return;
    }
    if (declared > maxBytes) {
      boolean drop = RefusedBody.prepare(req, resp);
      JsonHttp.error(resp, 413, tooLarge());
      if (drop) {
        RefusedBody.dropAfterAnswer(req, resp, timeoutMillis);
      }
      return;
    }
    ServletInputStream in = req.getInputStream();
    ByteArrayOutputStream body = new ByteArrayOutputStream(declared > 0 ? (int) declared : 8192);
    boolean arrived;
    try {
      arrived = declared > 0 && readArrived(in, body, (int) declared);
    } catch (IOException e) {
      // the connection failed under the read: answered as the async read answers it, if anyone is left to read it
      resp.setHeader("Connection", "close");
      JsonHttp.error(resp, 400, "the request body could not be read");
      return;
    }
    if (arrived) {
      // the whole body came with the headers, as a small one mostly does: no async round trip for it
      chain.doFilter(new BufferedRequest(req, body.toByteArray()), resp);
      return;
    }
    AsyncContext async = req.startAsync();
    async.setTimeout(timeoutMillis);
    Reading reading = new Reading(req, resp, async, in, body);
    async.addListener(reading);
    reading.in.setReadListener(reading);
  }

  /**
   * Reads what of a body has already arrived, never waiting for more ({@link ServletInputStream#available()} counts
   * only bytes the server holds): true when that was the whole declared body; else the bytes read so far are in
   * {@code body} and the rest is read asynchronously.
   */
  private static boolean readArrived(ServletInputStream in, ByteArrayOutputStream body, int declared)
      throws IOException {
    byte[] chunk = null;
    while (body.size() < declared) {
      int n = Math.min(in.available(), declared - body.size());
      if (n <= 0) {
        return false;
      }
      if (chunk == null || chunk.length < n) {
        chunk = new byte[n];
      }
      int read = in.read(chunk, 0, n);
      if (read <= 0) {
        return false;
      }
      body.write(chunk, 0, read);
    }
    return true;
  }

  private String tooLarge() {
    return "request body too large: the limit is " + maxBytes + " bytes";
  }

  /** One body being read: the read listener, and the async listener that answers 408 when time runs out. */
  private final class Reading implements ReadListener, AsyncListener {
    private final HttpServletRequest req;
    private final HttpServletResponse resp;
    private final AsyncContext async;
    private final ServletInputStream in;
    private final ByteArrayOutputStream body;
    private final byte[] chunk = new byte[8192];
    /** Set once: by the whole body read, a refusal, or the timeout, whichever comes first. */
    private final AtomicBoolean settled = new AtomicBoolean();
    /** After a 413 the rest of the body is dropped (up to a limit), so the client still sending reads the answer. */
    private volatile boolean dropping;
    private long dropped;
    /** Set once the body is in and the request has gone on to its servlet: nothing here touches it any more. */
    private volatile boolean dispatched;

    Reading(HttpServletRequest req, HttpServletResponse resp, AsyncContext async, ServletInputStream in,
        ByteArrayOutputStream body) {
      this.req = req;
      this.resp = resp;
      this.async = async;
      this.in = in;
      this.body = body;
    }

    @Override
    public void onDataAvailable() throws IOException {
      while (in.isReady()) {
        int n = in.read(chunk);
        if (n < 0) {
          return; // onAllDataRead follows
        }
        if (dropping) {
          dropped += n;
          if (dropped > RefusedBody.DISCARD_LIMIT) {
            finish(); // the connection is closed on the rest
            return;
          }
        } else if (body.size() + n > maxBytes) {
          if (answer(413, tooLarge())) {
            dropping = true;
          }
        } else {
          body.write(chunk, 0, n);
        }
      }
    }

    @Override
    public void onAllDataRead() {
      if (dropping) {
        finish();
      } else if (settled.compareAndSet(false, true)) {
        req.setAttribute(BODY, body.toByteArray());
        dispatched = true;
        async.dispatch();
      }
    }

    @Override
    public void onError(Throwable t) {
      // the client went away, or Jetty gave up on it (idle timeout): nobody may be left to read an answer
      if (!dispatched) {
        answer(400, "the request body could not be read");
        finish();
      }
    }

    @Override
    public void onTimeout(AsyncEvent event) {
      if (!dispatched) {
        answer(408, "the request body did not arrive within " + timeoutMillis + " ms");
        finish();
      }
    }

    @Override
    public void onComplete(AsyncEvent event) {}

    @Override
    public void onError(AsyncEvent event) {
      onError(event.getThrowable());
    }

    @Override
    public void onStartAsync(AsyncEvent event) {}

    private void finish() {
      try {
        async.complete();
      } catch (IllegalStateException e) {
        // completed already (a timeout and the last bytes can cross)
      }
    }

    /** Sends a refusal, unless the request was settled already; true when this call sent it. */
    private boolean answer(int status, String message) {
      if (!settled.compareAndSet(false, true)) {
        return false;
      }
      try {
        // what is left of the body is not kept: the connection carries no further request
        resp.setHeader("Connection", "close");
        JsonHttp.error(resp, status, message);
        resp.flushBuffer();
      } catch (IOException | IllegalStateException e) {
        // the client is gone; there is no one to tell
      }
      return true;
    }
  }
}

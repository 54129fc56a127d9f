package com.scopebot.server;

import com.scopebot.channel.web.JsonHttp;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Response bodies are written without a request thread waiting on the client. The servlet writes into memory; once it
 * returns, the body is sent asynchronously as the client reads it, and the thread goes back to the pool. A client that
 * pipelines requests and never reads the answers (or reads them a byte a minute) then holds a buffer and a socket,
 * never one of the few threads that answer everyone, and its connection is dropped when it has read nothing for
 * {@link #WRITE_MILLIS}.
 *
 * <p>Mapped after {@link BodyFilter}: a request whose body is still arriving reaches this filter in the asynchronous
 * dispatch that follows, as the servlet does.
 */
final class BufferedResponses extends HttpFilter {

  /** How long a response may wait on a client that reads nothing before the connection is closed. */
  static final long WRITE_MILLIS = 10_000;

  /**
   * The most bytes of bodies waiting on their clients at once: an eighth of the heap (32 MB at {@code -Xmx256m}). Past
   * it a response is refused with 503 instead, so connections that never read cannot run the heap out.
   */
  static final long PENDING_BUDGET = Runtime.getRuntime().maxMemory() / 8;

  private final long budget;
  /** Bytes of bodies handed to the connection's writer and not yet written or given up. */
  private final AtomicLong pending = new AtomicLong();

  BufferedResponses() {
    this(PENDING_BUDGET);
  }

  BufferedResponses(long budget) {
    this.budget = budget;
  }

  @Override
  protected void doFilter(HttpServletRequest req, HttpServletResponse resp, FilterChain chain)
      throws IOException, ServletException {
    Body body = new Body(resp);
    chain.doFilter(req, body);
    byte[] bytes = body.bytes();
    if (req.isAsyncStarted() || bytes.length == 0 || resp.isCommitted()) {
      // a servlet that went asynchronous writes on its own; an empty body or an error sent has nothing to wait for
      return;
    }
    if (pending.addAndGet(bytes.length) > budget) {
      pending.addAndGet(-bytes.length);
      resp.reset();
      RequestFilter.SECURITY_HEADERS.forEach(resp::setHeader);
      resp.setHeader("Retry-After", "1");
      JsonHttp.error(resp, 503, "the server is busy sending other answers; try again in a second");
      return;
    }
    resp.setContentLength(bytes.length);
    if (!bodyRead(req)) {
      // answered without reading the body (a disabled endpoint, a refusal): what is left of it cannot be told from a
      // next request, so this connection ends with this answer, and the client is told so
      resp.setHeader("Connection", "close");
    }
    AsyncContext async = req.startAsync(req, resp);
    async.setTimeout(WRITE_MILLIS);
    ServletOutputStream out = resp.getOutputStream();
    Sender sender = new Sender(async, out, bytes, pending);
    async.addListener(sender);
    out.setWriteListener(sender);
  }

  /** True when the request had no body or its servlet read all of it. */
  private static boolean bodyRead(HttpServletRequest req) {
    if (req.getContentLengthLong() <= 0 && req.getHeader("Transfer-Encoding") == null) {
      return true;
    }
    try {
      return req.getInputStream().isFinished();
    } catch (IllegalStateException | IOException e) {
      return true; // read through the reader, which leaves it to the servlet
    }
  }

  /** Bytes of bodies waiting on their clients now. */
  long pending() {
    return pending.get();
  }

  /**
   * Writes the body as fast as the client takes it, then completes the request; however the request ends (written,
   * failed, timed out), its bytes leave the budget once.
   */
  private static final class Sender implements WriteListener, AsyncListener {

    /** Bytes handed to the connection at a time. */
    private static final int CHUNK = 16 * 1024;

    private final AsyncContext async;
    private final ServletOutputStream out;
    private final byte[] bytes;
    private final AtomicLong pending;
    private final AtomicBoolean released = new AtomicBoolean();
    private int written;

    Sender(AsyncContext async, ServletOutputStream out, byte[] bytes, AtomicLong pending) {
      this.async = async;
      this.out = out;
      this.bytes = bytes;
      this.pending = pending;
    }

    @Override
    public void onWritePossible() throws IOException {
      while (out.isReady()) {
        if (written == bytes.length) {
          release();
          async.complete();
          return;
        }
        int n = Math.min(CHUNK, bytes.length - written);
        out.write(bytes, written, n);
        written += n;
      }
    }

    @Override
    public void onError(Throwable failure) {
      // the client went away or stopped reading: nothing more to send
      release();
      async.complete();
    }

    @Override
    public void onComplete(AsyncEvent event) {
      release();
    }

    @Override
    public void onTimeout(AsyncEvent event) {
      release();
    }

    @Override
    public void onError(AsyncEvent event) {
      release();
    }

    @Override
    public void onStartAsync(AsyncEvent event) {}

    private void release() {
      if (released.compareAndSet(false, true)) {
        pending.addAndGet(-bytes.length);
      }
    }
  }

  /** The response as the servlet sees it: everything written stays in memory until the servlet returns. */
  private static final class Body extends HttpServletResponseWrapper {
    private final Chunks bytes = new Chunks();
    private ServletOutputStream stream;
    private PrintWriter writer;

    Body(HttpServletResponse resp) {
      super(resp);
    }

    byte[] bytes() {
      if (writer != null) {
        writer.flush();
      }
      return bytes.all();
    }

    @Override
    public ServletOutputStream getOutputStream() {
      if (writer != null) {
        throw new IllegalStateException("getWriter() has been called");
      }
      if (stream == null) {
        stream = new ServletOutputStream() {
          @Override
          public void write(int b) {
            bytes.write(b);
          }

          @Override
          public void write(byte[] b, int off, int len) {
            bytes.write(b, off, len);
          }

          @Override
          public boolean isReady() {
            return true;
          }

          @Override
          public void setWriteListener(WriteListener listener) {
            throw new IllegalStateException("the body is buffered; write it directly");
          }
        };
      }
      return stream;
    }

    @Override
    public PrintWriter getWriter() {
      if (stream != null) {
        throw new IllegalStateException("getOutputStream() has been called");
      }
      if (writer == null) {
        String encoding = getCharacterEncoding();
        Charset charset = encoding == null ? StandardCharsets.ISO_8859_1 : Charset.forName(encoding);
        writer = new PrintWriter(new OutputStreamWriter(bytes, charset));
      }
      return writer;
    }

    @Override
    public void flushBuffer() {
      // nothing is sent before the servlet returns; a flush only moves the writer's characters into the body
      if (writer != null) {
        writer.flush();
      }
    }

    @Override
    public void resetBuffer() {
      super.resetBuffer();
      flushBuffer();
      bytes.reset();
    }

    @Override
    public void reset() {
      super.reset();
      flushBuffer();
      bytes.reset();
    }

    @Override
    public void setBufferSize(int size) {
      // the whole body is buffered whatever the servlet asks
    }

    @Override
    public int getBufferSize() {
      return Integer.MAX_VALUE;
    }
  }

  /** What the servlet wrote, copied once a write: a body written in one piece is sent as that one copy. */
  private static final class Chunks extends OutputStream {
    private final List<byte[]> chunks = new ArrayList<>();
    private int size;

    @Override
    public void write(int b) {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) {
      chunks.add(Arrays.copyOfRange(b, off, off + len));
      size += len;
    }

    byte[] all() {
      if (chunks.size() == 1) {
        return chunks.get(0);
      }
      byte[] all = new byte[size];
      int at = 0;
      for (byte[] c : chunks) {
        System.arraycopy(c, 0, all, at, c.length);
        at += c.length;
      }
      return all;
    }

    void reset() {
      chunks.clear();
      size = 0;
    }
  }
}

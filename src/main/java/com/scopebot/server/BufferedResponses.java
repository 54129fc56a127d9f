package com.scopebot.server;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

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
    resp.setContentLength(bytes.length);
    AsyncContext async = req.startAsync(req, resp);
    async.setTimeout(WRITE_MILLIS);
    ServletOutputStream out = resp.getOutputStream();
    out.setWriteListener(new Sender(async, out, bytes));
  }

  /** Writes the body as fast as the client takes it, then completes the request. */
  private static final class Sender implements WriteListener {

    /** Bytes handed to the connection at a time. */
    private static final int CHUNK = 16 * 1024;

    private final AsyncContext async;
    private final ServletOutputStream out;
    private final byte[] bytes;
    private int written;

    Sender(AsyncContext async, ServletOutputStream out, byte[] bytes) {
      this.async = async;
      this.out = out;
      this.bytes = bytes;
    }

    @Override
    public void onWritePossible() throws IOException {
      while (out.isReady()) {
        if (written == bytes.length) {
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
      async.complete();
    }
  }

  /** The response as the servlet sees it: everything written stays in memory until the servlet returns. */
  private static final class Body extends HttpServletResponseWrapper {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private ServletOutputStream stream;
    private PrintWriter writer;

    Body(HttpServletResponse resp) {
      super(resp);
    }

    byte[] bytes() {
      if (writer != null) {
        writer.flush();
      }
      return bytes.toByteArray();
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
}

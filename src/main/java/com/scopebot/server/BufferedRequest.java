package com.scopebot.server;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * A request whose body was already read (by {@link BodyFilter}): servlets that read bodies with blocking reads, Bolt's
 * and the Bot Framework's included, read it from memory and never wait on the client.
 */
final class BufferedRequest extends HttpServletRequestWrapper {

  private final byte[] body;
  private final ByteArrayInputStream in;

  BufferedRequest(HttpServletRequest request, byte[] body) {
    super(request);
    this.body = body;
    this.in = new ByteArrayInputStream(body);
  }

  @Override
  public ServletInputStream getInputStream() {
    return new ServletInputStream() {
      @Override
      public int read() {
        return in.read();
      }

      @Override
      public int read(byte[] b, int off, int len) {
        return in.read(b, off, len);
      }

      @Override
      public boolean isFinished() {
        return in.available() == 0;
      }

      @Override
      public boolean isReady() {
        return true;
      }

      @Override
      public void setReadListener(ReadListener listener) {
        // everything is here already: all data has been read
        try {
          if (!isFinished()) {
            listener.onDataAvailable();
          }
          listener.onAllDataRead();
        } catch (IOException e) {
          listener.onError(e);
        }
      }
    };
  }

  @Override
  public BufferedReader getReader() {
    return new BufferedReader(new InputStreamReader(in, charset(getCharacterEncoding())));
  }

  /** The body's declared charset; UTF-8 when none, or one this JVM does not know, is declared. */
  private static Charset charset(String encoding) {
    try {
      return encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
    } catch (IllegalArgumentException e) {
      return StandardCharsets.UTF_8;
    }
  }

  @Override
  public int getContentLength() {
    return body.length;
  }

  @Override
  public long getContentLengthLong() {
    return body.length;
  }
}

package com.scopebot.server;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/** HTTP by hand on a plain socket, for what a well-behaved client cannot send: made-up versions, stalled bodies. */
public final class RawHttp {

  private RawHttp() {}

  /** An answer: the status line's code, and the whole text (headers and body). */
  public record Reply(int status, String text, long millis) {
    public String body() {
      int end = text.indexOf("\r\n\r\n");
      return end < 0 ? "" : text.substring(end + 4);
    }
  }

  /** Opens a connection to the server at {@code base}. */
  public static Socket connect(URI base, int readTimeoutMillis) throws IOException {
    Socket s = new Socket(base.getHost(), base.getPort());
    s.setSoTimeout(readTimeoutMillis);
    return s;
  }

  /** Sends the bytes as they are and reads until the server closes or stops sending for the timeout. */
  public static Reply exchange(URI base, String request, int readTimeoutMillis) throws IOException {
    try (Socket s = connect(base, readTimeoutMillis)) {
      long start = System.nanoTime();
      s.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
      s.getOutputStream().flush();
      return read(s, start);
    }
  }

  /** Reads a reply on a socket until the server closes it or stops sending; {@code status} is 0 for no reply. */
  public static Reply read(Socket s, long startNanos) throws IOException {
    ByteArrayOutputStream got = new ByteArrayOutputStream();
    InputStream in = s.getInputStream();
    byte[] buf = new byte[8192];
    try {
      for (int n; (n = in.read(buf)) > 0; ) {
        got.write(buf, 0, n);
        if (complete(got.toString(StandardCharsets.ISO_8859_1))) {
          break;
        }
      }
    } catch (SocketTimeoutException | java.net.SocketException e) {
      // what arrived before the timeout or reset is the reply
    }
    String text = got.toString(StandardCharsets.UTF_8);
    int status = text.startsWith("HTTP/1.") && text.length() >= 12 ? Integer.parseInt(text.substring(9, 12)) : 0;
    return new Reply(status, text, (System.nanoTime() - startNanos) / 1_000_000);
  }

  /** True once the headers and a body of the declared length are in. */
  private static boolean complete(String text) {
    int end = text.indexOf("\r\n\r\n");
    if (end < 0) {
      return false;
    }
    String headers = text.substring(0, end).toLowerCase(java.util.Locale.ROOT);
    int at = headers.indexOf("\r\ncontent-length:");
    if (at < 0) {
      return false; // read to the close
    }
    int eol = headers.indexOf("\r\n", at + 2);
    long length = Long.parseLong(headers.substring(at + 17, eol < 0 ? headers.length() : eol).trim());
    return text.getBytes(StandardCharsets.ISO_8859_1).length - end - 4 >= length;
  }
}

package com.scopebot.cli;

import java.io.IOException;
import java.io.Reader;

/**
 * Reads lines of at most a given length from a stream that may hold anything (binary junk included): the rest of
 * an over-long line is skipped, not buffered, and its length is still reported so the caller can say it was too long.
 */
final class LineReader {

  /** One line: its first characters (up to the cap) and its full length. */
  record Line(String text, long length) {}

  private final Reader in;
  private final int cap;

  LineReader(Reader in, int cap) {
    this.in = in;
    this.cap = cap;
  }

  /** The next line, or null at the end of input. */
  Line next() throws IOException {
    StringBuilder sb = new StringBuilder();
    long length = 0;
    int c;
    boolean any = false;
    while ((c = in.read()) != -1) {
      any = true;
      if (c == '\n') {
        break;
      }
      if (c == '\r') {
        continue;
      }
      if (length < cap) {
        sb.append((char) c);
      }
      length++;
    }
    return any ? new Line(sb.toString(), length) : null;
  }
}

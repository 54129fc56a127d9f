package com.scopebot.service;

/**
 * Untrusted text (questions, headers, paths, bodies, remote error messages) made safe for a log line: at most
 * {@link #MAX_CHARS} characters, with the original length said when cut, and line breaks and other control characters
 * escaped, so no text can start a line of its own and pass for a log entry.
 *
 * <p>Stateless and thread-safe; in {@code service} so every channel can use it.
 */
public final class LogSafe {

  /** The most characters of untrusted text a log line carries. */
  public static final int MAX_CHARS = 200;

  private LogSafe() {}

  /** The text escaped and cut to {@link #MAX_CHARS}; {@code "null"} for null. */
  public static String text(Object value) {
    if (value == null) {
      return "null";
    }
    String s = value.toString();
    int shown = Math.min(s.length(), MAX_CHARS);
    if (shown < s.length() && Character.isHighSurrogate(s.charAt(shown - 1))) {
      shown--; // never half a character
    }
    StringBuilder out = new StringBuilder(shown + 24);
    for (int i = 0; i < shown; i++) {
      char c = s.charAt(i);
      switch (c) {
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        case '\\' -> out.append("\\\\");
        default -> {
          // C0, DEL, C1, and the Unicode line and paragraph separators some log viewers break lines at
          if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    if (s.length() > shown) {
      out.append("…(").append(s.length()).append(" chars)");
    }
    return out.toString();
  }

  /** How many stack frames {@link #frames} gives. */
  public static final int MAX_FRAMES = 8;

  /**
   * Where a failure happened, for a log line: the first {@link #MAX_FRAMES} frames of its deepest cause as
   * {@code Class.method:line}, innermost first, joined by {@code " < "}. Only code locations, never a message, so it
   * carries no untrusted text.
   */
  public static String frames(Throwable failure) {
    Throwable root = failure;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    StackTraceElement[] trace = root.getStackTrace();
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < Math.min(MAX_FRAMES, trace.length); i++) {
      StackTraceElement f = trace[i];
      String className = f.getClassName();
      out.append(i == 0 ? "" : " < ").append(className.substring(className.lastIndexOf('.') + 1)).append('.')
          .append(f.getMethodName()).append(':').append(f.getLineNumber());
    }
    return out.toString();
  }
}

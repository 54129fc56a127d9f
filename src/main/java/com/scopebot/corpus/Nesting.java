package com.scopebot.corpus;

import java.util.Optional;

/**
 * How deep a Markdown text nests lists and block quotes, read from the starts of its lines before it is parsed.
 *
 * <p>commonmark keeps one open block per level for every line and walks its tree recursively, so a file nested
 * thousands deep costs the heap hundreds of megabytes and the stack more frames than it has. A line's depth here is
 * its list and quote markers plus one level per two columns of indentation before them (the least a nested list item
 * is indented): never less than the depth commonmark gives it. Stateless.
 */
final class Nesting {

  /** Deeper files are skipped. Responsibility documents nest a few levels; 100 leaves the parser a tenth of its stack. */
  static final int MAX_DEPTH = 100;

  /**
   * Emphasis marks one line may hold: commonmark pairs them recursively, so thousands of them run it out of stack at a
   * depth that depends on the thread and the JIT. A table row with a bold cell in each of a hundred columns has 400.
   */
  static final int MAX_EMPHASIS = 1000;

  private Nesting() {}

  /**
   * Why a text is nested too deep to parse, naming the first line over the limit (of lists and quotes, or of emphasis
   * marks); empty when it is not.
   */
  static Optional<String> tooDeep(String text, int limit) {
    int line = 1;
    for (int start = 0; start < text.length(); line++) {
      int end = text.indexOf('\n', start);
      end = end < 0 ? text.length() : end;
      int depth = depth(text, start, end);
      if (depth > limit) {
        return Optional.of("nested " + depth + " lists and block quotes deep at line " + line + "; the limit is "
            + limit);
      }
      int stars = 0;
      for (int i = start; i < end; i++) {
        stars += text.charAt(i) == '*' ? 1 : 0;
      }
      if (stars > MAX_EMPHASIS) {
        return Optional.of(stars + " emphasis marks (*) at line " + line + "; the limit is " + MAX_EMPHASIS);
      }
      start = end + 1;
    }
    return Optional.empty();
  }

  /** The depth of the line {@code text[start, end)}: 0 for a line that opens no list item or quote. */
  static int depth(CharSequence text, int start, int end) {
    int column = 0;
    int indent = -1;
    int markers = 0;
    int i = start;
    while (i < end) {
      char c = text.charAt(i);
      if (c == ' ') {
        column++;
        i++;
        continue;
      }
      if (c == '\t') {
        column += 4 - column % 4;
        i++;
        continue;
      }
      indent = indent < 0 ? column : indent;
      int after = afterMarker(text, i, end);
      if (after < 0) {
        break;
      }
      markers++;
      column += after - i;
      i = after;
    }
    return markers == 0 ? 0 : indent / 2 + markers;
  }

  /** Where a block quote ({@code >}) or list marker ({@code -}, {@code +}, {@code *}, {@code 1.}, {@code 1)}) at i ends; -1 for none. */
  private static int afterMarker(CharSequence text, int i, int end) {
    char c = text.charAt(i);
    if (c == '>') {
      return i + 1;
    }
    if (c == '-' || c == '+' || c == '*') {
      return blankOrEnd(text, i + 1, end) ? i + 1 : -1;
    }
    int j = i;
    while (j < end && j - i < 9 && text.charAt(j) >= '0' && text.charAt(j) <= '9') {
      j++;
    }
    boolean ordered = j > i && j < end && (text.charAt(j) == '.' || text.charAt(j) == ')');
    return ordered && blankOrEnd(text, j + 1, end) ? j + 1 : -1;
  }

  /** A list marker stands alone: a space, a tab or the line's end follows it. */
  private static boolean blankOrEnd(CharSequence text, int i, int end) {
    return i >= end || text.charAt(i) == ' ' || text.charAt(i) == '\t';
  }
}

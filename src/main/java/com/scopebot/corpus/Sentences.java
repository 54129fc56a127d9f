package com.scopebot.corpus;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Where a text's sentences end, and how text longer than a quote may be is cut there. */
final class Sentences {

  private Sentences() {}

  /** Sentences of a text, trimmed. */
  static List<String> split(String text) {
    BreakIterator it = BreakIterator.getSentenceInstance(Locale.US);
    it.setText(text);
    List<String> out = new ArrayList<>();
    int start = it.first();
    for (int end = it.next(); end != BreakIterator.DONE; start = end, end = it.next()) {
      String s = text.substring(start, end).trim();
      if (!s.isEmpty()) {
        out.add(s);
      }
    }
    return out;
  }

  /** Splits text longer than a quote may be at sentence ends (at a word as a last resort). */
  static List<String> chunks(String text) {
    if (text.length() <= Passage.MAX_QUOTE) {
      return List.of(text);
    }
    List<String> sentences = split(text);
    List<String> chunks = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (String s : sentences) {
      for (String piece : cutAtWords(s)) {
        if (current.length() > 0 && current.length() + 1 + piece.length() > Passage.MAX_QUOTE) {
          chunks.add(current.toString());
          current.setLength(0);
        }
        if (current.length() > 0) {
          current.append(' ');
        }
        current.append(piece);
      }
    }
    if (current.length() > 0) {
      chunks.add(current.toString());
    }
    return chunks;
  }

  /**
   * A sentence longer than a quote may be, cut into pieces that may be: each at the last clause break (a comma, a
   * semicolon or a colon before a space) that fits, so that no piece is a phrase cut off mid-way ("… validating your
   * core use cases for the" and "service."); at the last word that fits when no break lies in the second half.
   */
  private static List<String> cutAtWords(String sentence) {
    List<String> pieces = new ArrayList<>();
    String rest = sentence;
    while (rest.length() > Passage.MAX_QUOTE) {
      int cut = lastClauseBreak(rest);
      if (cut < 0) {
        cut = rest.lastIndexOf(' ', Passage.MAX_QUOTE);
      }
      if (cut <= 0) {
        cut = Passage.MAX_QUOTE;
      }
      pieces.add(rest.substring(0, cut).trim());
      rest = rest.substring(cut).trim();
    }
    if (!rest.isEmpty()) {
      pieces.add(rest);
    }
    return pieces;
  }

  /** Where the last clause break within a quote's length ends, if it lies in the second half; -1 when none does. */
  private static int lastClauseBreak(String text) {
    for (int i = Math.min(Passage.MAX_QUOTE, text.length() - 1) - 1; i >= Passage.MAX_QUOTE / 2; i--) {
      char c = text.charAt(i);
      if ((c == ',' || c == ';' || c == ':') && text.charAt(i + 1) == ' ') {
        return i + 1;
      }
    }
    return -1;
  }
}

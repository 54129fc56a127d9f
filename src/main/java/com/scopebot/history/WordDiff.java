package com.scopebot.history;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import com.github.difflib.patch.DeltaType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Word-level differences between two wordings of a statement, computed with java-diff-utils (Myers) over words and
 * punctuation marks, compared without regard to case or the style of quotes.
 *
 * <p>Stateless and thread-safe.
 */
public final class WordDiff {

  /** What a run of words did between the older and the newer wording. */
  public enum Op {
    EQUAL, DELETE, INSERT;

    /** The name in JSON: {@code equal}, {@code delete}, {@code insert}. */
    public String wire() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /**
   * A run of words kept, deleted or inserted.
   *
   * @param text the words as written (an equal run as the newer wording writes it), with the space before them when
   *     there was one: joined, the equal and inserted runs give the newer wording and the equal and deleted runs the
   *     older one, up to case and spacing
   */
  public record Run(Op op, String text) {
    public Run {
      Objects.requireNonNull(op, "op");
      if (text == null || text.isEmpty()) {
        throw new IllegalArgumentException("a run holds at least one word, got " + (text == null ? "null" : "\"\""));
      }
    }
  }

  /** A word ("sign-on", "don't", "3") or a single punctuation mark. */
  private static final Pattern TOKEN = Pattern.compile("[\\p{L}\\p{N}]+(?:['’.\\-][\\p{L}\\p{N}]+)*|[^\\s\\p{L}\\p{N}]");

  private record Token(String text, String folded, boolean spaceBefore) {
    boolean isWord() {
      return Character.isLetterOrDigit(text.codePointAt(0));
    }
  }

  private WordDiff() {}

  /** The runs that turn the older wording into the newer one, in reading order. */
  public static List<Run> between(String older, String newer) {
    List<Token> a = tokens(older);
    List<Token> b = tokens(newer);
    List<AbstractDelta<String>> deltas = DiffUtils.diff(folded(a), folded(b)).getDeltas();
    List<Run> runs = new ArrayList<>();
    int i = 0; // next token of the older wording not yet emitted
    int j = 0; // same, newer
    for (AbstractDelta<String> d : deltas) {
      int from = d.getSource().getPosition();
      int to = d.getTarget().getPosition();
      equal(runs, a.subList(i, from), b.subList(j, to), j == 0); // equal stretches line up: from - i == to - j
      i = from;
      j = to;
      if (d.getType() == DeltaType.DELETE || d.getType() == DeltaType.CHANGE) {
        add(runs, Op.DELETE, a.subList(i, i + d.getSource().size()));
      }
      if (d.getType() == DeltaType.INSERT || d.getType() == DeltaType.CHANGE) {
        add(runs, Op.INSERT, b.subList(j, j + d.getTarget().size()));
      }
      i += d.getSource().size();
      j += d.getTarget().size();
    }
    equal(runs, a.subList(i, a.size()), b.subList(j, b.size()), j == 0);
    return List.copyOf(runs);
  }

  /**
   * The runs as one line: deleted words as {@code [-…-]}, inserted ones as <code>{+…+}</code>, e.g.
   * <code>Setting Intune as your MDM authority [-when Intune is your only MDM solution-].</code>
   */
  public static String render(List<Run> runs) {
    StringBuilder out = new StringBuilder();
    for (Run r : runs) {
      String text = r.text();
      if (text.startsWith(" ")) {
        out.append(' ');
        text = text.substring(1);
      }
      switch (r.op()) {
        case EQUAL -> out.append(text);
        case DELETE -> out.append("[-").append(text).append("-]");
        case INSERT -> out.append("{+").append(text).append("+}");
      }
    }
    return out.toString();
  }

  /**
   * How alike two wordings are, from 0 to 1: twice the words they share in the same order over the words of both
   * (punctuation aside). Word lists from {@link #words}.
   */
  static double similarity(List<String> a, List<String> b) {
    if (a.isEmpty() && b.isEmpty()) {
      return 1;
    }
    if (bound(a, b) == 0) {
      return 0;
    }
    int changed = 0;
    for (AbstractDelta<String> d : DiffUtils.diff(a, b).getDeltas()) {
      changed += d.getSource().size();
    }
    return 2.0 * (a.size() - changed) / (a.size() + b.size());
  }

  /**
   * An upper bound of {@link #similarity}, from the words the two share in any order: cheap, so the diff runs only
   * for pairs that may reach a threshold.
   */
  static double bound(List<String> a, List<String> b) {
    if (a.isEmpty() && b.isEmpty()) {
      return 1;
    }
    Map<String, Integer> counts = new HashMap<>();
    for (String w : a) {
      counts.merge(w, 1, Integer::sum);
    }
    int shared = 0;
    for (String w : b) {
      Integer n = counts.get(w);
      if (n != null && n > 0) {
        counts.put(w, n - 1);
        shared++;
      }
    }
    return 2.0 * shared / (a.size() + b.size());
  }

  /**
   * The words of a text, folded (case, quotes), without punctuation, hyphenated words taken apart ("multiple-forest"
   * is "multiple forest"): what "the same words" compares.
   */
  static List<String> words(String text) {
    List<String> out = new ArrayList<>();
    for (Token t : tokens(text)) {
      if (t.isWord()) {
        for (String part : t.folded().split("-")) {
          out.add(part);
        }
      }
    }
    return out;
  }

  /** True when every word of the shorter list is in the longer one, in the same order. */
  static boolean contains(List<String> a, List<String> b) {
    List<String> shorter = a.size() <= b.size() ? a : b;
    List<String> longer = shorter == a ? b : a;
    int k = 0;
    for (String w : longer) {
      if (k < shorter.size() && shorter.get(k).equals(w)) {
        k++;
      }
    }
    return k == shorter.size();
  }

  /** Lower case, and every apostrophe and quote the same. */
  static String fold(String s) {
    return s.toLowerCase(Locale.ROOT).replace('’', '\'').replace('‘', '\'').replace('“', '"').replace('”', '"');
  }

  private static List<Token> tokens(String text) {
    List<Token> out = new ArrayList<>();
    Matcher m = TOKEN.matcher(text);
    int end = 0;
    while (m.find()) {
      boolean space = m.start() > end && !out.isEmpty(); // never a space before the first word
      out.add(new Token(m.group(), fold(m.group()), space));
      end = m.end();
    }
    return out;
  }

  private static List<String> folded(List<Token> tokens) {
    return tokens.stream().map(Token::folded).toList();
  }

  private static void add(List<Run> runs, Op op, List<Token> tokens) {
    StringBuilder text = new StringBuilder();
    for (Token t : tokens) {
      text.append(t.spaceBefore() ? " " : "").append(t.text());
    }
    add(runs, op, text);
  }

  /**
   * Words both wordings share, as the newer one writes them; the first is spaced as the older wording spaces it when
   * the words before it were deleted from the start ("[-Setting up-] Intune roles.").
   */
  private static void equal(List<Run> runs, List<Token> older, List<Token> newer, boolean newerStart) {
    StringBuilder text = new StringBuilder();
    for (int k = 0; k < newer.size(); k++) {
      Token t = newer.get(k);
      boolean space = t.spaceBefore() || k == 0 && newerStart && older.get(0).spaceBefore();
      text.append(space ? " " : "").append(t.text());
    }
    add(runs, Op.EQUAL, text);
  }

  private static void add(List<Run> runs, Op op, StringBuilder text) {
    if (runs.isEmpty() && !text.isEmpty() && text.charAt(0) == ' ') {
      text.deleteCharAt(0); // the first run starts the line
    }
    if (!text.isEmpty()) {
      runs.add(new Run(op, text.toString()));
    }
  }
}

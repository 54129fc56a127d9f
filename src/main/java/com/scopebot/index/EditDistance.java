package com.scopebot.index;

/**
 * Edit distance with adjacent transpositions (the "optimal string alignment" distance), the distance Lucene's
 * Levenshtein automata accept words within. Stateless.
 */
final class EditDistance {

  private EditDistance() {}

  /**
   * The edits between two words after a common prefix, or {@code max + 1} when it is more than {@code max}.
   *
   * @param prefix how many leading code points must be equal (they are not edited)
   */
  static int withTranspositions(int[] a, int[] b, int prefix, int max) {
    if (a.length < prefix || b.length < prefix) {
      return max + 1;
    }
    for (int i = 0; i < prefix; i++) {
      if (a[i] != b[i]) {
        return max + 1;
      }
    }
    int n = a.length - prefix;
    int m = b.length - prefix;
    if (Math.abs(n - m) > max) {
      return max + 1;
    }
    // three rows of the table: two back for a transposition, the previous one and the current one
    int[] back = new int[m + 1];
    int[] previous = new int[m + 1];
    int[] current = new int[m + 1];
    for (int j = 0; j <= m; j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= n; i++) {
      current[0] = i;
      int rowMin = i;
      int ca = a[prefix + i - 1];
      for (int j = 1; j <= m; j++) {
        int cb = b[prefix + j - 1];
        int cost = ca == cb ? 0 : 1;
        int d = Math.min(Math.min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
        if (i > 1 && j > 1 && ca == b[prefix + j - 2] && a[prefix + i - 2] == cb) {
          d = Math.min(d, back[j - 2] + 1);
        }
        current[j] = d;
        rowMin = Math.min(rowMin, d);
      }
      // a later cell comes from this row, or by a transposition from the row before it: past max in both, it stays past
      if (rowMin > max && min(previous) > max) {
        return max + 1;
      }
      int[] t = back;
      back = previous;
      previous = current;
      current = t;
    }
    return Math.min(previous[m], max + 1);
  }

  private static int min(int[] row) {
    int m = Integer.MAX_VALUE;
    for (int v : row) {
      m = Math.min(m, v);
    }
    return m;
  }
}

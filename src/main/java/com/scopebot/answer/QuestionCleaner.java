package com.scopebot.answer;

import com.scopebot.corpus.Regex;
import java.text.Normalizer;
import java.util.regex.Pattern;

/**
 * Cleans text a person typed (a question, a claim to dispute, a document asked about) before anything reads it.
 */
final class QuestionCleaner {

  private QuestionCleaner() {}

  private static final Pattern SPACES = Regex.compile("\\s+");
  private static final Pattern CONTROL = Regex.compile("[\\p{Cc}\\p{Cf}\\p{Co}\\p{Cn}\\uFFFD&&[^\\n\\t]]");

  /** Cleans text a person typed: compatibility forms folded, control and private-use characters removed. */
  static String clean(String text) {
    if (isClean(text)) {
      return text; // a question is cleaned several times on its way; most are plain ASCII with nothing to fix
    }
    String s = Normalizer.normalize(text, Normalizer.Form.NFKC);
    s = CONTROL.matcher(s).replaceAll(" ");
    s = s.replace('\u2019', '\'').replace('\u2018', '\'').replace('\u201C', '"').replace('\u201D', '"');
    return SPACES.matcher(s).replaceAll(" ").trim();
  }

  /**
   * True when cleaning would return the text as it is: printable ASCII only (NFKC leaves it alone, and it holds no
   * control character or curly quote) with single spaces between words and none at either end.
   */
  private static boolean isClean(String text) {
    int n = text.length();
    if (n == 0 || text.charAt(0) == ' ' || text.charAt(n - 1) == ' ') {
      return false;
    }
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      if (c < ' ' || c > '~' || c == ' ' && text.charAt(i - 1) == ' ') {
        return false;
      }
    }
    return true;
  }
}

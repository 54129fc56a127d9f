package com.scopebot.answer;

import com.scopebot.corpus.Regex;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Cuts a question into clauses and tells which of them ask. */
final class Clauses {

  private Clauses() {}

  private static final Pattern SPACES = Regex.compile("\\s+");

  /** The clauses of a cleaned question, in order; the whole text, asking, when it yields none. */
  static List<Clause> of(String text) {
    List<Clause> out = new ArrayList<>();
    // each search below needs a character most questions lack (a sentence end before more text, a colon, a
    // parenthesis, a dash or comma or semicolon, a space that is not a single one): without it, it is skipped
    String[] sentences = QuestionWords.mayEndSentence(text) ? QuestionWords.SENTENCE_END.split(text)
        : new String[] {text};
    for (String sentence : sentences) {
      List<String> pieces = new ArrayList<>();
      Matcher label = sentence.indexOf(':') >= 0 ? QuestionWords.LABEL.matcher(sentence) : null;
      if (label != null && label.matches()) {
        pieces.add(label.group(1));
        sentence = label.group(2);
      }
      // an aside in parentheses ("(what used to be called Office ProPlus)") is context, whatever it says
      List<String> asides = new ArrayList<>();
      if (sentence.indexOf('(') >= 0) {
        Matcher aside = QuestionWords.PARENTHESES.matcher(sentence);
        while (aside.find()) {
          asides.add(aside.group(1));
        }
        sentence = QuestionWords.PARENTHESES.matcher(sentence).replaceAll(" ");
      }
      sentence = (QuestionWords.singleSpaced(sentence) ? sentence : SPACES.matcher(sentence).replaceAll(" ")).strip();
      // asides come first, so that a clause pointing back ("is that in scope?") finds the sentence, not the aside
      for (String a : asides) {
        if (a.chars().anyMatch(Character::isLetterOrDigit)) {
          out.add(new Clause(a.strip(), false, sentence));
        }
      }
      pieces.addAll(QuestionWords.mayBreakClause(sentence) ? List.of(QuestionWords.CLAUSE_BREAK.split(sentence))
          : List.of(sentence));
      for (String piece : pieces) {
        String p = piece.strip();
        if (p.isEmpty() || p.chars().noneMatch(Character::isLetterOrDigit)) {
          continue;
        }
        Matcher whether = QuestionWords.mayAskWhether(p) ? QuestionWords.ASKS_WHETHER.matcher(p) : null;
        if (whether != null && whether.matches()) {
          // who wants to know is context; what they want to know is the question
          out.add(new Clause(whether.group(1), false, sentence));
          out.add(new Clause(whether.group(2), true, sentence));
        } else {
          out.add(new Clause(p, asks(p, sentence), sentence));
        }
      }
    }
    if (out.isEmpty()) {
      out.add(new Clause(text, true, text));
    }
    return out;
  }

  private static boolean asks(String clause, String sentence) {
    String lower = clause.toLowerCase(Locale.ROOT);
    if (QuestionWords.hasOr(lower) && QuestionWords.ONLY_SIDES.matcher(lower).matches()) {
      return false; // "us or FastTrack?", "their engineers or our network team?": who, not what
    }
    if (QuestionWords.asks(lower) || QuestionWords.claims(lower)
        || QuestionWords.INNER_ASK.matcher(lower).find()) {
      return true;
    }
    // "once the approach is agreed, who implements it?": a subordinate clause sets the scene
    if (QuestionWords.SUBORDINATE.matcher(lower).lookingAt()) { // anchored at the start: tried there only
      return false;
    }
    return clause.endsWith("?") || sentence.endsWith("?") && sentence.endsWith(clause);
  }
}

package com.scopebot.answer;

import com.scopebot.corpus.Regex;
import com.scopebot.corpus.WordList;
import com.scopebot.index.PassageIndex;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

/**
 * The names a question asks about that the documents may not know: a product named in capitalised words they never
 * write together, the product the customer moves off, and how a recognised name was written. Part of reading a
 * question ({@link QuestionReader}); thread-safe once built.
 */
final class NamesAsked {

  private final PassageIndex index;
  private final Analyzer questionAnalyzer;
  /** The terms the synonym map names (each line's first entry). */
  private final Set<String> named;

  NamesAsked(PassageIndex index, Analyzer questionAnalyzer, Set<String> named) {
    this.index = index;
    this.questionAnalyzer = questionAnalyzer;
    this.named = named;
  }

  /** The words of a text that the analyzer turned into a term ("Microsoft Sentinel" for "sentinel"), else the term. */
  String asWritten(String text, String term) {
    try (TokenStream ts = questionAnalyzer.tokenStream("q", text)) {
      CharTermAttribute t = ts.addAttribute(CharTermAttribute.class);
      OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
      ts.reset();
      String found = term;
      while (ts.incrementToken()) {
        if (t.toString().equals(term)) {
          found = text.substring(offset.startOffset(), offset.endOffset());
          break;
        }
      }
      ts.end();
      return found;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Two or more capitalised words of three letters or more in a row (small joining words allowed between them: "Defender
   * for Endpoint"), not opening a sentence (which capitalises its first word anyway).
   */
  private static final Pattern TITLE_RUN = Regex.compile(
      "(?<![.!?:]\\s|^)\\b[A-Z][A-Za-z0-9]{2,}(?:[ -](?:(?:for|of|and|in|on|to)\\s)?[A-Z][A-Za-z0-9]{2,})+\\b");

  /**
   * The multi-word names in the asking clauses that the documents never write: a run of capitalised words the corpus
   * does not hold side by side and the synonym map does not know as one name.
   */
  List<String> unwritten(List<String> asking) {
    List<String> out = new ArrayList<>();
    for (String clause : asking) {
      Matcher m = TITLE_RUN.matcher(clause);
      while (m.find()) {
        for (String run : TWO_NAMES.split(m.group())) { // "Exchange and EXO" names two things
          if (run.indexOf(' ') < 0 && run.indexOf('-') < 0) {
            continue;
          }
          List<String> terms = PassageIndex.terms(questionAnalyzer, run);
          boolean oneName = terms.size() == 1 && named.contains(terms.get(0)); // "Azure AD Connect" → one term
          // a vendor's name before the product may be written otherwise ("Google's Play for Work"), and a product's
          // short name is the product's ("Win10 Enterprise")
          String product = run.substring(run.indexOf(' ') + 1);
          boolean inCorpus = index.hasPhrase(run) || index.hasPhrase(RequestWords.withFullNames(run))
              || product.contains(" ") && index.hasPhrase(product);
          if (!oneName && terms.stream().noneMatch(named::contains) && !inCorpus) {
            out.add(run);
          }
        }
      }
    }
    return out;
  }

  /** "and" between two capitalised names: each is a name of its own. */
  private static final Pattern TWO_NAMES = Pattern.compile("\\s+and\\s+");

  /** Asking words that move the customer off one product onto another ({@code words/migration-verbs.txt}). */
  private static final Pattern MIGRATION = WordList.load("migration-verbs").anywhere();
  /** Where a question names what the customer uses today or moves off: "we use Okta", "moving off AirWatch". */
  private static final Pattern IN_USE = Regex.compile(
      "\\b(?:use|using|on|run|running|have|from|off(?: of)?)\\s+([A-Z][\\w-]+)");

  /**
   * The product the customer moves off, when the asking clauses move them and the question names one the documents
   * never use; else empty. The name is capitalised: an everyday word too ("from Vista") is a name there.
   */
  String movingFrom(String text, String askText) {
    if (!MIGRATION.matcher(askText.toLowerCase(Locale.ROOT)).find()) {
      return "";
    }
    Matcher m = IN_USE.matcher(text);
    while (m.find()) {
      String name = m.group(1).toLowerCase(Locale.ROOT);
      if (!index.knows(name)) {
        return name;
      }
    }
    return "";
  }

}

package com.scopebot.answer;

import com.scopebot.corpus.Regex;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The date a question asks about, as people write it in chat: "in March 2018", "as of 2018-04-01", "back in spring
 * 2017", "in 2016"; and the words that ask about today instead. English only.
 */
final class DateWords {

  private DateWords() {}

  private static final String MONTHS =
      "january|february|march|april|may|june|july|august|september|october|november|december"
          + "|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec";
  /** Words that ask about today ("is that still in scope?"), whatever date the question names. */
  private static final Pattern PRESENT = Regex.compile(
      "\\b(?:still|now|nowadays|today|currently|anymore|any more|these days|at the moment|in force)\\b");
  private static final Pattern ISO_DATE = Regex.compile("\\b(19|20)\\d\\d-\\d\\d-\\d\\d\\b");
  private static final Pattern MONTH_YEAR = Regex.compile("\\b(" + MONTHS + ")\\.?,?\\s+((?:19|20)\\d\\d)\\b");
  private static final Pattern SEASON_YEAR = Regex.compile(
      "\\b(spring|summer|autumn|fall|winter|early|mid|late|end of|start of|beginning of)\\s+((?:19|20)\\d\\d)\\b");
  private static final Pattern YEAR_IN_TIME = Regex.compile(
      "\\b(?:in|as of|back in|during|at the time of|before|until|by)\\s+((?:19|20)\\d\\d)\\b(?!\\s*[-/]|\\s+(?:r2|sp\\d))");

  /**
   * The date a question asks about, as the last day of the period it names ("in March 2018" → 2018-03-31): the
   * documents in force then answer it. Versions ("Exchange 2013", "Windows Server 2008") are not dates.
   */
  static Optional<LocalDate> dateOf(String text) {
    if (!hasYear(text)) {
      return Optional.empty(); // every date below has a year: most questions have none
    }
    String lower = text.toLowerCase(Locale.ROOT);
    Optional<LocalDate> date = datedIn(lower);
    // "is that still in scope?": asked of today, whatever date it mentions; "the March 2018 page says X, our Dec 2018
    // doc says Y": two revisions compared, not a question about one date
    return date.isPresent() && (PRESENT.matcher(lower).find() || yearsOrMonths(lower) > 1) ? Optional.empty() : date;
  }

  /** True when the text holds 19 or 20 and two more digits, as every year a date is read from does. */
  static boolean hasYear(String text) {
    for (int i = 0; i + 3 < text.length(); i++) {
      char c = text.charAt(i);
      if ((c == '1' && text.charAt(i + 1) == '9' || c == '2' && text.charAt(i + 1) == '0')
          && Character.isDigit(text.charAt(i + 2)) && Character.isDigit(text.charAt(i + 3))) {
        return true;
      }
    }
    return false;
  }

  /** The first date the lower-cased text names, without regard to words that ask about the present. */
  private static Optional<LocalDate> datedIn(String lower) {
    try {
      Matcher iso = ISO_DATE.matcher(lower);
      if (iso.find()) {
        return Optional.of(LocalDate.parse(iso.group()));
      }
      Matcher my = MONTH_YEAR.matcher(lower);
      if (my.find()) {
        int month = monthOf(my.group(1));
        return Optional.of(YearMonth.of(Integer.parseInt(my.group(2)), month).atEndOfMonth());
      }
      Matcher sy = SEASON_YEAR.matcher(lower);
      if (sy.find()) {
        int month = switch (sy.group(1)) {
          case "spring" -> 5;
          case "summer", "mid" -> 8;
          case "autumn", "fall" -> 11;
          case "winter", "early", "start of", "beginning of" -> 2;
          default -> 12;
        };
        return Optional.of(YearMonth.of(Integer.parseInt(sy.group(2)), month).atEndOfMonth());
      }
      Matcher y = YEAR_IN_TIME.matcher(lower);
      if (y.find()) {
        return Optional.of(LocalDate.of(Integer.parseInt(y.group(1)), 12, 31));
      }
    } catch (DateTimeException | NumberFormatException e) {
      return Optional.empty(); // "2018-02-31": not a date
    }
    return Optional.empty();
  }

  /** How many different months and years the lower-cased text names: a year of a month named counts once. */
  private static long yearsOrMonths(String lower) {
    Set<String> months = new HashSet<>();
    Set<String> years = new HashSet<>();
    for (Matcher m = ISO_DATE.matcher(lower); m.find(); ) {
      months.add(m.group().substring(0, 7));
    }
    for (Matcher m = MONTH_YEAR.matcher(lower); m.find(); ) {
      months.add(m.group(2) + "-" + monthOf(m.group(1)));
    }
    for (Matcher m = SEASON_YEAR.matcher(lower); m.find(); ) {
      months.add(m.group(2) + " " + m.group(1));
    }
    for (Matcher m = YEAR_IN_TIME.matcher(lower); m.find(); ) {
      years.add(m.group(1));
    }
    months.forEach(m -> years.remove(m.substring(0, 4)));
    return months.size() + years.size();
  }

  private static int monthOf(String name) {
    List<String> months = List.of("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec");
    return months.indexOf(name.substring(0, 3)) + 1;
  }
}

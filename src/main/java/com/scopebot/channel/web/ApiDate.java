package com.scopebot.channel.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/**
 * A date a client sends ({@code as_of}, {@code since}): written YYYY-MM-DD and within the years documents can have,
 * so that {@code +99999-01-01} or {@code 0001-01-01}, which {@link LocalDate#parse} takes, are refused like any other
 * date that cannot be meant.
 */
public final class ApiDate {

  static final LocalDate EARLIEST = LocalDate.of(1990, 1, 1);
  static final LocalDate LATEST = LocalDate.of(2199, 12, 31);

  private static final Pattern SHAPE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

  private ApiDate() {}

  /**
   * The date, or null when the text is not one.
   *
   * @throws IllegalArgumentException saying what is wrong, for the 400 to show
   */
  public static LocalDate parse(String field, String text) {
    String s = text.strip();
    LocalDate date = null;
    if (SHAPE.matcher(s).matches()) {
      try {
        date = LocalDate.parse(s);
      } catch (DateTimeParseException e) {
        date = null;
      }
    }
    if (date == null || date.isBefore(EARLIEST) || date.isAfter(LATEST)) {
      throw new IllegalArgumentException("\"" + field + "\" must be a date like 2018-04-01, from " + EARLIEST + " to "
          + LATEST);
    }
    return date;
  }
}

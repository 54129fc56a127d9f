package com.scopebot.channel.teams;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.microsoft.bot.restclient.serializer.JacksonAdapter;
import com.scopebot.channel.web.JsonHttp;
import com.microsoft.bot.schema.Activity;
import java.io.IOException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;

/**
 * Reads an {@link Activity} from a request body with the SDK's own mapper, but accepting every ISO-8601 date-time the
 * Bot Framework, Teams and the Emulator send; and when the JSON really is wrong, says where and what, briefly.
 *
 * <p>The SDK declares {@code Activity.timestamp} with the pattern {@code yyyy-MM-dd'T'HH:mm:ss.nXXX}: a timestamp
 * without fractional seconds ({@code 2026-11-22T22:00:00Z}) fails, and {@code .407} is read as 407 nanoseconds.
 * Thread-safe once built (Jackson mappers are).
 */
final class ActivityJson {

  /**
   * Seconds with 0 to 9 fractional digits; the offset as {@code Z}, {@code +00:00}, {@code +0000} or {@code +00}, in
   * either case; no offset at all means UTC, as the SDK's own pattern declares.
   */
  static final DateTimeFormatter ISO = new DateTimeFormatterBuilder()
      .parseCaseInsensitive()
      .append(DateTimeFormatter.ISO_LOCAL_DATE_TIME)
      .optionalStart().appendOffset("+HH:MM:ss", "Z").optionalEnd()
      .optionalStart().appendOffset("+HHMMss", "Z").optionalEnd()
      .optionalStart().appendOffset("+HH", "Z").optionalEnd()
      .parseDefaulting(ChronoField.OFFSET_SECONDS, 0)
      .toFormatter();

  /** A body that is not an activity, with what is wrong with it. */
  static final class InvalidActivityException extends Exception {
    InvalidActivityException(String message) {
      super(message);
    }
  }

  private final JacksonAdapter adapter;

  /** Configures {@code adapter}'s mapper to read date-times leniently; it writes them as before. */
  ActivityJson(JacksonAdapter adapter) {
    this.adapter = adapter;
    SimpleModule lenientTimes = new SimpleModule("scopebot-lenient-date-times");
    lenientTimes.addDeserializer(OffsetDateTime.class, new LenientOffsetDateTime());
    // registered after the SDK's JavaTimeModule, so this deserializer is the one asked; it ignores the field's pattern
    adapter.serializer().registerModule(lenientTimes);
  }

  /** The activity in {@code json}, or null for an empty body. */
  Activity read(String json) throws InvalidActivityException {
    try {
      return adapter.deserialize(json, Activity.class);
    } catch (JsonProcessingException e) {
      throw new InvalidActivityException(JsonHttp.describe("invalid activity JSON", e));
    } catch (IOException | RuntimeException e) {
      throw new InvalidActivityException("invalid activity JSON");
    }
  }

  /** Parses {@link #ISO} date-times; anything else is a bad value named as such (not echoed at length). */
  private static final class LenientOffsetDateTime extends StdScalarDeserializer<OffsetDateTime> {

    LenientOffsetDateTime() {
      super(OffsetDateTime.class);
    }

    @Override
    public OffsetDateTime deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      String text = p.getValueAsString();
      if (text == null) {
        return (OffsetDateTime) ctxt.handleUnexpectedToken(OffsetDateTime.class, p);
      }
      String s = text.strip();
      if (s.isEmpty()) {
        return null;
      }
      try {
        return OffsetDateTime.parse(s, ISO);
      } catch (DateTimeParseException e) {
        throw ctxt.weirdStringException(AnswerCard.truncate(s, 40), OffsetDateTime.class,
            "expected an ISO-8601 date-time such as 2026-11-22T22:00:00Z");
      }
    }
  }
}

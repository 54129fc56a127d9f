package com.scopebot.answer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.SerializationFeature;

/** The answer contract's JSON form. Thread-safe. */
public final class AnswerJson {

  private static final ObjectMapper MAPPER = new ObjectMapper().disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);
  /**
   * Stored answers carry fields the contract does not name: re-answering's {@code reanswerOf}, and whatever a newer
   * version sharing the store writes.
   */
  private static final ObjectReader STORED = MAPPER.readerFor(Answer.class)
      .without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private AnswerJson() {}

  /** The shared mapper; configure nothing on it. */
  public static ObjectMapper mapper() {
    return MAPPER;
  }

  /** One answer as one line of JSON. */
  public static String line(Answer answer) {
    try {
      return MAPPER.writeValueAsString(answer);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("answer is not serialisable", e);
    }
  }

  /** An answer as an answer record keeps it; fields this version does not know are skipped. */
  public static Answer readStored(String json) throws JsonProcessingException {
    return STORED.readValue(json);
  }
}

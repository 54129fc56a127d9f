package com.scopebot.answer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/** The answer contract's JSON form. Thread-safe. */
public final class AnswerJson {

  private static final ObjectMapper MAPPER = new ObjectMapper().disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);

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
}

package com.scopebot.service;

import java.util.Objects;

/**
 * A message to a conversation where a question was asked, sent later than its answer: a person's answer to a
 * handed-off question, a notice that the documents changed. Each {@link OriginSender} renders it its channel's way
 * (an Adaptive Card, Slack blocks, a line in the web chat).
 *
 * @param title what the message is, shown first (e.g. "👤 Answer from a FastTrack expert, Ada Lovelace"): a person's words
 *     are always marked as theirs, never as the documents'
 * @param text the message, plain text
 * @param link the answer record's page, or null
 */
public record Notice(String title, String text, String link) {

  public Notice {
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(text, "text");
  }
}

package com.scopebot.channel.teams;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.scopebot.answer.Answer;
import com.scopebot.answer.Answerer;
import com.scopebot.answer.Citation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The search message extension ({@code composeExtension/query}): a person types a topic and picks a cited statement
 * to insert into any conversation. Searching records no answer (it runs on every keystroke); only answers asked of
 * the bot are recorded. Thread-safe.
 */
public final class SearchExtension {

  /** Teams asks for 25 results by default; a list that long is noise for a statement picker. */
  static final int MAX_RESULTS = 10;
  /** Longest query searched; Teams sends what the person typed. */
  static final int MAX_QUERY_CHARS = 200;

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private SearchExtension() {}

  /**
   * The {@code composeExtension} result for a query.
   *
   * @param query what the person typed; blank (or the initial run) offers common topics instead
   * @param count how many results Teams asked for ({@code queryOptions.count}), 0 when it did not say
   */
  public static ObjectNode results(Answerer answerer, String query, int count) {
    int limit = count <= 0 ? MAX_RESULTS : Math.min(count, MAX_RESULTS);
    List<Citation> found = new ArrayList<>();
    if (query == null || query.isBlank()) {
      // common topics: the best citation of each example question
      for (String q : WelcomeCard.EXAMPLES) {
        found.addAll(answerer.answer(q).citations().stream().limit(1).toList());
      }
    } else {
      String q = query.strip();
      Answer a = answerer.answer(q.length() > MAX_QUERY_CHARS ? q.substring(0, MAX_QUERY_CHARS) : q);
      // a search lists the nearest passages too: the person judges what to insert, nothing is claimed
      found.addAll(a.citations());
      found.addAll(a.closest());
    }
    Map<String, Citation> distinct = new LinkedHashMap<>();
    for (Citation c : found) {
      distinct.putIfAbsent(c.document() + "#" + c.line(), c);
    }
    ArrayNode attachments = JSON.arrayNode();
    distinct.values().stream().limit(limit).forEach(c -> attachments.add(attachment(c)));
    ObjectNode response = JSON.objectNode();
    ObjectNode result = response.putObject("composeExtension");
    result.put("type", "result").put("attachmentLayout", "list").set("attachments", attachments);
    return response;
  }

  /** One result: a thumbnail preview in the picker, the quote card once inserted. */
  private static ObjectNode attachment(Citation c) {
    ObjectNode a = JSON.objectNode().put("contentType", AnswerCard.CONTENT_TYPE);
    a.set("content", AnswerCard.quoteCard(c));
    ObjectNode preview = a.putObject("preview").put("contentType", "application/vnd.microsoft.card.thumbnail");
    preview.putObject("content").put("title", AnswerCard.truncate(c.quote(), 120)).put("text", AnswerCard.source(c));
    return a;
  }
}

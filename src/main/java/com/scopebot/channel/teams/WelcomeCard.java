package com.scopebot.channel.teams;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.scopebot.corpus.Document;
import java.util.List;

/** The card the bot posts when it is added to a chat or team: what it covers and questions to try. Thread-safe. */
public final class WelcomeCard {

  /** Questions the bundled corpus answers with a cited verdict; each is one tap away on the welcome card. */
  public static final List<String> EXAMPLES = List.of(
      "Who provides the public SSL certificates?",
      "Is AD FS in scope for a multi-forest setup?",
      "How many test devices are supported?");

  /** Documents listed by name; a larger corpus is summarised by its count. */
  static final int LISTED = 12;

  private WelcomeCard() {}

  public static ObjectNode card(List<Document> documents) {
    ObjectNode card = AnswerCard.emptyCard();
    ArrayNode body = card.putArray("body");
    body.addObject().put("type", "TextBlock").put("text", "Hi, I'm Scopebot").put("weight", "Bolder")
        .put("size", "Medium").put("wrap", true);
    body.addObject().put("type", "TextBlock").put("wrap", true).put("text",
        "Ask me what the FastTrack onboarding benefit covers and who is responsible for what. Every answer comes with"
            + " a verdict and the exact sentences it rests on, with document, section and revision. In a channel,"
            + " @mention me.");
    body.addObject().put("type", "TextBlock").put("text", "I answer from " + documents.size() + " documents:")
        .put("wrap", true).put("weight", "Bolder").put("spacing", "Medium");
    ArrayNode facts = body.addObject().put("type", "FactSet").putArray("facts");
    documents.stream().limit(LISTED).forEach(d -> facts.addObject().put("title", d.title()).put("value",
        d.revision() + (d.current() ? "" : " (superseded)")));
    if (documents.size() > LISTED) {
      facts.addObject().put("title", "…").put("value", "and " + (documents.size() - LISTED) + " more");
    }
    ArrayNode actions = card.putArray("actions");
    for (String q : EXAMPLES) {
      // Teams' imBack inside an Action.Submit: the tap sends the question as if the person typed it
      ObjectNode data = JsonNodeFactory.instance.objectNode();
      data.putObject("msteams").put("type", "imBack").put("value", q);
      actions.addObject().put("type", "Action.Submit").put("title", q).set("data", data);
    }
    return card;
  }

  /** The welcome in one line: the message's summary, which notifications and chat previews show. */
  public static String text(List<Document> documents) {
    return "Hi, I'm Scopebot: ask me what the FastTrack onboarding benefit covers, e.g. \"" + EXAMPLES.get(0)
        + "\". I answer from " + documents.size() + " documents, quoting the sentences each answer rests on.";
  }
}

package com.scopebot.channel.teams;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.scopebot.service.AnswerService;
import com.scopebot.answer.Answer;
import com.scopebot.answer.AnswerText;
import com.scopebot.answer.ChangeSummary;
import com.scopebot.answer.Citation;
import com.scopebot.answer.Verdict;
import java.util.List;
import java.util.Locale;

/**
 * An answer as a Teams message: an Adaptive Card 1.5 (verdict label, short answer, up to three quotes with their
 * source, more sources, 👍/👎) and the one-line summary that notifications show.
 *
 * <p>Everything here is a plain JSON tree, so it holds no Bot Framework type and is tested without the SDK.
 * Stateless and thread-safe.
 */
public final class AnswerCard {

  public static final String CONTENT_TYPE = "application/vnd.microsoft.card.adaptive";
  public static final String SCHEMA = "http://adaptivecards.io/schemas/adaptive-card.json";
  public static final String VERSION = "1.5";

  /** Quotes shown on the card itself; the rest go under "More sources". */
  static final int SHOWN = 3;
  /** A notification shows a line or two: the verdict and the start of the answer. */
  static final int MAX_SUMMARY_CHARS = 300;
  static final int MAX_REASON_CHARS = 500;

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private AnswerCard() {}

  /** The Adaptive Card colour of a verdict's label: green for yes, red for no, amber where the customer must act. */
  static String color(Verdict v) {
    return switch (v) {
      case IN_SCOPE, MICROSOFT -> "good";
      case OUT_OF_SCOPE -> "attention";
      case CUSTOMER -> "warning";
      case SHARED -> "accent";
      case INFO, UNKNOWN -> "default";
    };
  }

  /**
   * The card for an answer whose record has the given id (the 👍/👎 buttons carry it); with a null id, the card says
   * the answer was not recorded and has no feedback buttons.
   */
  public static ObjectNode card(Answer a, String answerId) {
    return card(a, answerId, null);
  }

  /** @param disputeUrl a link to the full dispute view of the question, or null */
  public static ObjectNode card(Answer a, String answerId, String disputeUrl) {
    return card(a, answerId, disputeUrl, null);
  }

  /**
   * @param disputeUrl a link to the full dispute view of the question, or null
   * @param pageUrl the answer record's page (what a support engineer pastes into a ticket), or null
   */
  public static ObjectNode card(Answer a, String answerId, String disputeUrl, String pageUrl) {
    ObjectNode card = emptyCard();
    ArrayNode body = card.putArray("body");
    if (a.changes() != null && !a.changes().steps().isEmpty()) {
      changes(body, a.changes());
      return card;
    }
    if (a.smallTalk() != null) {
      // help, a greeting, thanks or a question too long: no verdict to rate
      body.addObject().put("type", "TextBlock").put("text", a.answer()).put("wrap", true);
      return card;
    }
    body.addObject().put("type", "TextBlock").put("text", a.verdict().emoji() + " " + a.verdict().label())
        .put("weight", "Bolder").put("size", "Medium").put("color", color(a.verdict())).put("wrap", true);
    body.addObject().put("type", "TextBlock").put("text", a.answer()).put("wrap", true);
    List<Citation> cited = a.citations();
    for (int i = 0; i < Math.min(SHOWN, cited.size()); i++) {
      body.add(quote(cited.get(i), i + 1));
    }
    if (cited.isEmpty() && !a.closest().isEmpty()) {
      // an unknown answer: the nearest passages help the asker rephrase, but they are marked as not an answer
      body.addObject().put("type", "TextBlock").put("text", "Closest passages I found (they don't answer this):")
          .put("isSubtle", true).put("wrap", true).put("separator", true);
      for (int i = 0; i < Math.min(SHOWN, a.closest().size()); i++) {
        body.add(quote(a.closest().get(i), 0));
      }
    }
    if (a.sourcesDiffer()) {
      body.addObject().put("type", "TextBlock").put("text", "⚠️ The cited documents or revisions disagree.")
          .put("color", "warning").put("wrap", true);
    }
    ArrayNode actions = card.putArray("actions");
    if (disputeUrl != null && (!cited.isEmpty() || !a.closest().isEmpty())) {
      actions.addObject().put("type", "Action.OpenUrl").put("title", "Full dispute view").put("url", disputeUrl);
    }
    if (pageUrl != null && answerId != null) {
      actions.addObject().put("type", "Action.OpenUrl").put("title", "Answer page").put("url", pageUrl);
    }
    if (cited.size() > SHOWN) {
      ObjectNode more = emptyCard();
      ArrayNode moreBody = more.putArray("body");
      for (int i = SHOWN; i < cited.size(); i++) {
        moreBody.add(quote(cited.get(i), i + 1));
      }
      actions.addObject().put("type", "Action.ShowCard").put("title", "More sources (" + (cited.size() - SHOWN) + ")")
          .set("card", more);
    }
    if (answerId == null) {
      // given without a record: no feedback buttons, since there is nothing to attach feedback to
      body.addObject().put("type", "TextBlock").put("text", AnswerService.NOT_RECORDED).put("isSubtle", true)
          .put("wrap", true).put("size", "Small");
    } else {
      actions.addObject().put("type", "Action.Submit").put("title", "👍 Helpful").set("data", feedbackData(answerId, true));
      ObjectNode why = emptyCard();
      why.putArray("body").addObject().put("type", "Input.Text").put("id", "reason").put("isMultiline", true)
          .put("maxLength", MAX_REASON_CHARS).put("placeholder", "What was wrong or missing? (optional)");
      why.putArray("actions").addObject().put("type", "Action.Submit").put("title", "Send")
          .set("data", feedbackData(answerId, false));
      actions.addObject().put("type", "Action.ShowCard").put("title", "👎 Not helpful").set("card", why);
    }
    return card;
  }

  /** The data of the "Ask a FastTrack expert" button: the answer to hand to the experts. */
  static final String HANDOFF = "handoff";

  /**
   * Adds "Ask a FastTrack expert" to an answer's card (an answer with a record, and an experts' channel configured);
   * a card with no actions (small talk, "what changed") stays as it is: there is no verdict to question.
   */
  static ObjectNode withAskExpert(ObjectNode card, String answerId, Verdict verdict) {
    if (answerId != null && verdict == Verdict.UNKNOWN) {
      // the documents don't answer it: the service handed it to the experts by itself
      ((ArrayNode) card.withArray("body")).addObject().put("type", "TextBlock").put("text", com.scopebot.service.Experts.HANDED_OFF)
          .put("wrap", true).put("isSubtle", true);
      return card;
    }
    if (answerId != null && card.path("actions").isArray()) {
      ((ArrayNode) card.get("actions")).addObject().put("type", "Action.Submit").put("title", "Ask a FastTrack expert")
          .set("data", JSON.objectNode().put("action", HANDOFF).put("answerId", answerId));
    }
    return card;
  }

  /** A message sent later to a conversation (a person's answer, a notice): its title marks whose words it is. */
  static ObjectNode notice(com.scopebot.service.Notice n) {
    ObjectNode card = emptyCard();
    ArrayNode body = card.putArray("body");
    body.addObject().put("type", "TextBlock").put("text", n.title()).put("weight", "Bolder")
        .put("color", "accent").put("wrap", true);
    body.addObject().put("type", "TextBlock").put("text", n.text()).put("wrap", true);
    if (n.link() != null && n.link().startsWith("http")) {
      card.putArray("actions").addObject().put("type", "Action.OpenUrl").put("title", "Answer record")
          .put("url", n.link());
    }
    return card;
  }

  /**
   * "What changed": a revision step's heading and counts, its examples each linked by revision and line, and a link to
   * the changes page at that step when the page has a whole address (Teams opens no relative links).
   */
  private static void changes(ArrayNode body, ChangeSummary summary) {
    if (!summary.note().isEmpty()) {
      body.addObject().put("type", "TextBlock").put("text", summary.note()).put("wrap", true);
    }
    for (ChangeSummary.Step step : summary.steps()) {
      body.addObject().put("type", "TextBlock").put("text", step.heading() + ": " + step.counts() + ".")
          .put("weight", "Bolder").put("wrap", true).put("separator", true);
      for (ChangeSummary.Example e : step.examples()) {
        body.addObject().put("type", "TextBlock").put("wrap", true).put("spacing", "Small")
            .put("text", e.kind() + ": “" + e.text() + "”" + link(" · ", e.url(), e.label()));
      }
      if (step.more() > 0) {
        body.addObject().put("type", "TextBlock").put("text", "… and " + step.more() + " more").put("isSubtle", true)
            .put("wrap", true).put("spacing", "Small");
      }
      String page = link("", step.page(), "Every change in this step, with both revisions' links");
      if (!page.isEmpty()) {
        body.addObject().put("type", "TextBlock").put("text", page).put("wrap", true).put("spacing", "Small");
      }
    }
  }

  /**
   * {@code [label](url)} after {@code lead}, or nothing when the URL is not a whole http(s) address, or holds a
   * character that would end the Markdown link early.
   */
  static String link(String lead, String url, String label) {
    if (url.isEmpty() || !url.matches("https?://[^\\s()\\[\\]<>]+")) {
      return "";
    }
    return lead + "[" + label.replace("[", "(").replace("]", ")") + "](" + url + ")";
  }

  /** A card holding one quote and its source: what the search message extension inserts into a conversation. */
  public static ObjectNode quoteCard(Citation c) {
    ObjectNode card = emptyCard();
    card.putArray("body").add(quote(c, 0));
    return card;
  }

  static ObjectNode emptyCard() {
    ObjectNode card = JSON.objectNode();
    card.put("type", "AdaptiveCard").put("$schema", SCHEMA).put("version", VERSION);
    return card;
  }

  /** The feedback buttons' data; the 👎 form adds its {@code reason} input to it when submitted. */
  static ObjectNode feedbackData(String answerId, boolean helpful) {
    return JSON.objectNode().put("action", "feedback").put("answerId", answerId).put("helpful", helpful);
  }

  /** A quote, its source line and an "Open in document" link, in one container. {@code marker} 0 means no {@code [n]}. */
  private static ObjectNode quote(Citation c, int marker) {
    ObjectNode box = JSON.objectNode().put("type", "Container").put("separator", true).put("spacing", "Medium");
    ArrayNode items = box.putArray("items");
    items.addObject().put("type", "TextBlock").put("text", (marker > 0 ? "[" + marker + "] " : "") + "“" + c.quote() + "”")
        .put("wrap", true);
    items.addObject().put("type", "TextBlock").put("text", source(c)).put("isSubtle", true).put("size", "Small")
        .put("wrap", true).put("spacing", "None");
    if (!c.url().isEmpty()) {
      ObjectNode set = items.addObject().put("type", "ActionSet");
      set.putArray("actions").addObject().put("type", "Action.OpenUrl").put("title", "Open in document").put("url", c.url());
    }
    return box;
  }

  /** {@code title › section › … · revision}, marked when a newer revision exists. The file is in the link only. */
  static String source(Citation c) {
    StringBuilder sb = new StringBuilder(c.source());
    if (!c.current()) {
      sb.append(" (superseded revision)");
    }
    return sb.toString();
  }

  /** The document's title, which people know it by; the file name only for a record stored without one. */
  static String title(Citation c) {
    return c.displayTitle();
  }

  /** The headings below the title (see {@link Citation#headings}). */
  static List<String> headings(Citation c) {
    return c.headings();
  }

  /**
   * The message's summary: what notifications and chat previews show in place of "sent a card". The activity carries
   * no text besides it, because Teams shows a text above the card, which would say the answer twice.
   */
  public static String summary(Answer a) {
    return truncate(AnswerText.headline(a), MAX_SUMMARY_CHARS);
  }

  /** Cuts text to at most {@code max} characters, ending with an ellipsis when cut, never inside a surrogate pair. */
  static String truncate(String s, int max) {
    if (s.length() <= max) {
      return s;
    }
    int end = max - 1;
    if (Character.isHighSurrogate(s.charAt(end - 1))) {
      end--;
    }
    return s.substring(0, end) + "…";
  }
}

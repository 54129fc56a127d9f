package com.scopebot.channel.slack;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.header;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.scopebot.answer.Answer;
import com.scopebot.answer.Citation;
import com.scopebot.records.Origin;
import com.slack.api.model.block.LayoutBlock;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The experts' post of a handed-off question: the asker's words, the bot's answer and closest passages, where it was
 * asked, and the buttons "Answer", "Not in scope of FastTrack" and "Assign to me" (each carrying the answer id).
 * Stateless.
 */
final class ExpertPost {

  static final String ANSWER = "handoff_answer";
  static final String NOT_IN_SCOPE = "handoff_not_in_scope";
  static final String ASSIGN = "handoff_assign";
  /** The "Ask a FastTrack expert" button under an answer. */
  static final String ASK = "ask_expert";
  /** The Answer modal's callback id. */
  static final String ANSWER_VIEW = "handoff_answer_view";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final java.util.regex.Pattern SLACK_ID = java.util.regex.Pattern.compile("[CDGUW][A-Z0-9]{2,30}");
  private static final String COMMAND_LABEL = SlackChannel.COMMAND;

  private ExpertPost() {}

  static List<LayoutBlock> blocks(String answerId, String question, Answer a, Origin origin, String cause, String note,
      String recordUrl) {
    List<LayoutBlock> blocks = new ArrayList<>();
    blocks.add(header(h -> h.text(plainText("Question for a FastTrack expert"))));
    String why = switch (cause) {
      case "thumbs_down" -> "👎 on the bot's answer";
      case "unknown" -> "the documents don't answer it";
      default -> "asked for an expert";
    };
    blocks.add(section(s -> s.text(markdownText("*Asked on:* " + where(origin)
        + "\n*Why:* " + why + (note.isBlank() ? "" : ": “" + SlackBlocks.mrkdwn(note, 500) + "”")))));
    blocks.add(section(s -> s.text(markdownText("*The asker's words*\n"
        + SlackBlocks.blockQuote("", SlackBlocks.mrkdwn(question, 1500))))));
    blocks.add(section(s -> s.text(markdownText("*Scopebot answered:* " + SlackBlocks.escape(SlackBlocks.label(a.verdict()))
        + "\n" + SlackBlocks.mrkdwn(a.answer(), 1500)))));
    List<Citation> passages = a.citations().isEmpty() ? a.closest() : a.citations();
    int n = 1;
    for (Citation c : passages.subList(0, Math.min(SlackBlocks.QUOTES, passages.size()))) {
      String lead = "*" + n++ + ".* ";
      blocks.add(section(s -> s.text(markdownText(SlackBlocks.blockQuote(lead, SlackBlocks.mrkdwn(c.quote(), 600))
          + "\n" + SlackBlocks.mrkdwn(c.displayTitle() + " · " + c.revision(), 200)))));
    }
    String link = recordUrl == null ? "" : SlackBlocks.link(" · ", recordUrl, "Answer record");
    blocks.add(context(c -> c.elements(List.of(markdownText("Reply in this thread, or press Answer: the asker gets it"
        + " as your answer, with your name" + link)))));
    blocks.add(actions(x -> x.blockId("handoff").elements(List.of(
        button(b -> b.actionId(ANSWER).text(plainText("Answer")).value(answerId).style("primary")),
        button(b -> b.actionId(NOT_IN_SCOPE).text(plainText("Not in scope of FastTrack")).value(answerId)
            .style("danger")),
        button(b -> b.actionId(ASSIGN).text(plainText("Assign to me")).value(answerId))))));
    return blocks;
  }

  /**
   * Where a question was asked, as mrkdwn: a Slack conversation as a link to it, the others as their channel labelled
   * them (escaped: a label may hold an asker's name).
   */
  static String where(Origin origin) {
    if (origin == null) {
      return "the API (no conversation to answer in: the answer is kept with the record)";
    }
    JsonNode ref;
    try {
      ref = JSON.readTree(origin.reference());
    } catch (IOException e) {
      ref = JSON.createObjectNode();
    }
    String label = ref.path("label").asText("");
    return switch (origin.kind()) {
      case "teams" -> "Teams" + (label.isBlank() ? "" : ", " + SlackBlocks.mrkdwn(label, 200));
      case "slack" -> slack(ref.path("channel").asText(""), ref.path("thread").asText(""));
      default -> "the web chat" + (label.isBlank() ? "" : ", " + SlackBlocks.mrkdwn(label, 200));
    };
  }

  private static String slack(String channel, String thread) {
    if (!SLACK_ID.matcher(channel).matches()) {
      return "Slack";
    }
    if (channel.startsWith("D")) {
      return "Slack, a direct message with the app";
    }
    if (channel.startsWith("U") || channel.startsWith("W")) {
      return "Slack, " + COMMAND_LABEL + " by <@" + channel + "> (the answer goes to their messages with the app)";
    }
    return "Slack, " + (thread.isEmpty() ? "" : "a thread in ") + "<#" + channel + ">";
  }

  /**
   * The fallback text of the post (notifications, screen readers), escaped: the asker's words must not ping the
   * experts' channel ({@code <!channel>}).
   */
  static String fallback(String question) {
    return "Question for a FastTrack expert: " + SlackBlocks.mrkdwn(question, 200);
  }
}

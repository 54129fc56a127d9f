package com.scopebot.channel.slack;

import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.scopebot.records.Origin;
import com.scopebot.service.LogSafe;
import com.scopebot.service.Notice;
import com.scopebot.service.OriginSender;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import com.slack.api.model.block.LayoutBlock;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends a {@link Notice} back to a Slack conversation a question was asked in: {@code chat.postMessage} in its thread
 * ({@code thread_ts}), or, for a slash command, whose answer only its asker saw, to the asker's messages with the app.
 * Thread-safe.
 */
final class SlackSender implements OriginSender {

  private static final Logger LOG = LoggerFactory.getLogger(SlackSender.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  /** Slack's errors for a conversation the bot can no longer post in. */
  private static final Set<String> GONE = Set.of("channel_not_found", "is_archived", "not_in_channel",
      "user_not_found", "account_inactive");

  /**
   * The notification text: escaped like the blocks, since Slack reads mentions ({@code <!channel>}) in it too, and a
   * notice carries a person's or a document's words.
   */
  private static final int FALLBACK_CHARS = 3000;

  private final MethodsClient web;

  SlackSender(MethodsClient web) {
    this.web = web;
  }

  /**
   * A Slack origin: the channel (or the asker's user id, for an answer only they saw) and the thread.
   *
   * @param thread the thread's timestamp, or null for none
   */
  static Origin origin(String channel, String thread) {
    return new Origin("slack", JSON.createObjectNode().put("channel", channel).put("thread", thread).toString());
  }

  @Override
  public Delivery send(Origin origin, Notice notice) {
    JsonNode ref;
    try {
      ref = JSON.readTree(origin.reference());
    } catch (IOException e) {
      return Delivery.FAILED;
    }
    String channel = ref.path("channel").asText("");
    String thread = ref.path("thread").isTextual() ? ref.path("thread").asText() : null;
    if (channel.isEmpty()) {
      return Delivery.FAILED;
    }
    try {
      ChatPostMessageResponse r = web.chatPostMessage(m -> m.channel(channel).threadTs(thread)
          .text(SlackBlocks.mrkdwn(notice.title() + ": " + notice.text(), FALLBACK_CHARS)).blocks(blocks(notice)));
      if (r.isOk()) {
        return Delivery.DELIVERED;
      }
      LOG.warn("Slack refused a notice to {}: {}", LogSafe.text(channel), LogSafe.text(r.getError()));
      return GONE.contains(r.getError()) ? Delivery.GONE : Delivery.FAILED;
    } catch (IOException | SlackApiException e) {
      LOG.warn("a notice to Slack {} failed: {}", LogSafe.text(channel), LogSafe.text(e.getMessage()));
      return Delivery.FAILED;
    }
  }

  static List<LayoutBlock> blocks(Notice notice) {
    List<LayoutBlock> blocks = new ArrayList<>();
    blocks.add(section(s -> s.text(markdownText("*" + SlackBlocks.mrkdwn(notice.title(), 200) + "*\n"
        + SlackBlocks.mrkdwn(notice.text(), 2700)))));
    if (notice.link() != null && notice.link().startsWith("http")) {
      blocks.add(context(c -> c.elements(List.of(markdownText(SlackBlocks.link("", notice.link(), "Answer record"))))));
    }
    return blocks;
  }
}

package com.scopebot.channel.teams;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.bot.connector.rest.ErrorResponseException;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.ConversationReference;
import com.scopebot.records.Origin;
import com.scopebot.service.LogSafe;
import com.scopebot.service.Notice;
import com.scopebot.service.OriginSender;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends a {@link Notice} to the Teams conversation a question was asked in, as a proactive message: the SDK's
 * {@code continueConversation} with the conversation reference kept with the answer record and the app's own
 * credentials (no user token; Teams allows it once the app is installed in that chat, team or personal scope). A
 * conversation the connector answers 403 or 404 for (the bot removed, the chat deleted) is {@code GONE}. In emulator
 * mode only a service URL on this machine is sent to. Thread-safe.
 */
final class TeamsSender implements OriginSender {

  private static final Logger LOG = LoggerFactory.getLogger(TeamsSender.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  /** Teams gives a bot 15 s; the connector answers a proactive message in well under that. */
  static final long SEND_SECONDS = 20;

  private final TeamsAdapter adapter;
  private final TeamsSettings settings;

  TeamsSender(TeamsAdapter adapter, TeamsSettings settings) {
    this.adapter = adapter;
    this.settings = settings;
  }

  /** The origin of a message: its conversation reference and, for the experts, what kind of conversation it is. */
  static Origin origin(Activity activity) {
    ConversationReference ref = activity.getConversationReference();
    ObjectNode o = JSON.createObjectNode();
    String type = activity.getConversation() == null ? null : activity.getConversation().getConversationType();
    String who = activity.getFrom() == null || activity.getFrom().getName() == null ? "" : activity.getFrom().getName();
    String label = ("channel".equals(type) ? "a channel thread" : "groupChat".equals(type) ? "a group chat"
        : "a personal chat") + (who.isBlank() ? "" : ", asked by " + who);
    o.put("label", label.length() > 200 ? label.substring(0, 200) : label);
    o.set("reference", JSON.valueToTree(ref));
    String text = o.toString();
    return text.length() > Origin.MAX_REFERENCE_CHARS ? null : new Origin("teams", text);
  }

  /** A Teams conversation, by its id: each message's reference names the message too. */
  @Override
  public String conversation(Origin origin) {
    try {
      String id = JSON.readTree(origin.reference()).path("reference").path("conversation").path("id").asText("");
      return id.isEmpty() ? OriginSender.super.conversation(origin) : "teams:" + id;
    } catch (IOException e) {
      return OriginSender.super.conversation(origin);
    }
  }

  @Override
  public Delivery send(Origin origin, Notice notice) {
    ConversationReference ref;
    try {
      JsonNode o = JSON.readTree(origin.reference());
      ref = JSON.treeToValue(o.path("reference"), ConversationReference.class);
    } catch (IOException | IllegalArgumentException e) {
      return Delivery.FAILED;
    }
    if (ref == null || ref.getServiceUrl() == null || ref.getConversation() == null) {
      return Delivery.FAILED;
    }
    if (settings.emulatorMode() && !Loopback.isLoopbackUrl(ref.getServiceUrl())) {
      return Delivery.FAILED; // as for replies: never post to another machine without an app's credentials
    }
    Activity message = Activity.createMessageActivity();
    message.setSummary(notice.title());
    message.setAttachments(List.of(ScopeBot.adaptive(AnswerCard.notice(notice))));
    // the SDK hands a failed send to the turn's error handler; it is caught here first, to tell a gone conversation
    AtomicReference<Throwable> failure = new AtomicReference<>();
    try {
      adapter.continueConversation(settings.appId(), ref, turn -> turn.sendActivity(message)
          .handle((sent, e) -> {
            failure.set(e);
            return null;
          })).get(SEND_SECONDS, TimeUnit.SECONDS);
    } catch (ExecutionException | RuntimeException e) {
      failure.set(e);
    } catch (TimeoutException e) {
      LOG.warn("a proactive Teams message took more than {} s", SEND_SECONDS);
      return Delivery.FAILED;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Delivery.FAILED;
    }
    if (failure.get() == null) {
      return Delivery.DELIVERED;
    }
    Integer status = status(failure.get());
    LOG.warn("a proactive Teams message failed ({}): {}", status, LogSafe.text(failure.get().toString()));
    return status != null && (status == 403 || status == 404) ? Delivery.GONE : Delivery.FAILED;
  }

  /** The connector's HTTP status in a failure, if it carries one. */
  private static Integer status(Throwable t) {
    for (int depth = 0; t != null && depth < 10; depth++, t = t.getCause()) {
      if (t instanceof ErrorResponseException e && e.response() != null) {
        return e.response().code();
      }
    }
    return null;
  }
}

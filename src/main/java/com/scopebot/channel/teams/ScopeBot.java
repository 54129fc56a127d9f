package com.scopebot.channel.teams;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.bot.builder.ActivityHandler;
import com.microsoft.bot.builder.InvokeResponse;
import com.microsoft.bot.builder.TurnContext;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.AdaptiveCardInvokeResponse;
import com.microsoft.bot.schema.Attachment;
import com.microsoft.bot.schema.ChannelAccount;
import com.scopebot.answer.Answerer;
import com.scopebot.corpus.Document;
import com.scopebot.records.AnswerStore;
import com.scopebot.records.FeedbackOutcome;
import com.scopebot.service.AnswerService;
import com.scopebot.service.LogSafe;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Scopebot on Teams: answers messages with a card, records 👍/👎, welcomes, and serves the search message extension.
 * Thread-safe: all state is the answer service (with the deliveries that remember which answer each reply showed).
 */
final class ScopeBot extends ActivityHandler {

  private static final Logger LOG = LoggerFactory.getLogger(ScopeBot.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  static final String CHANNEL = "teams";
  /** {@code <at>Name</at>} mentions, of this bot or of others, are not part of the question. */
  private static final Pattern MENTION = Pattern.compile("<at>[^<]*</at>");
  private static final Pattern ANSWER_ID = Pattern.compile("[0-9a-f]{32}");
  static final int MAX_REASON_CHARS = 1000;

  private final AnswerService service;
  private final RepliedAnswers replies;

  ScopeBot(AnswerService service, RepliedAnswers replies) {
    this.service = service;
    this.replies = replies;
  }

  /** The question in a message's text: mentions removed, white space (including Teams' no-break spaces) folded. */
  static String question(String text) {
    if (text == null) {
      return "";
    }
    return MENTION.matcher(text).replaceAll(" ").replace('\u00a0', ' ').replaceAll("\\s+", " ").strip();
  }

  /** Whom to record an answer or feedback against: the Azure AD object id, stable across chats, else the Teams id. */
  static String userId(Activity activity) {
    ChannelAccount from = activity.getFrom();
    if (from == null) {
      return null;
    }
    return from.getAadObjectId() != null && !from.getAadObjectId().isBlank() ? from.getAadObjectId() : from.getId();
  }

  @Override
  protected CompletableFuture<Void> onMessageActivity(TurnContext turn) {
    Activity activity = turn.getActivity();
    JsonNode value = activity.getValue() == null ? null : JSON.valueToTree(activity.getValue());
    if (value != null && "feedback".equals(value.path("action").asText())) {
      return turn.sendActivity(cardFeedback(value, activity)).thenApply(r -> null);
    }
    if (value != null && AnswerCard.HANDOFF.equals(value.path("action").asText())) {
      return turn.sendActivity(handOff(value.path("answerId").asText(""))).thenApply(r -> null);
    }
    String question = question(activity.getText());
    if (question.isEmpty()) {
      return turn.sendActivity("Ask me a question about the FastTrack benefit's scope, e.g. \""
          + WelcomeCard.EXAMPLES.get(0) + "\"").thenApply(r -> null);
    }
    AnswerService.Given given;
    try {
      // a Teams conversation (a chat, or a channel thread) is one conversation: follow-ups are read against it
      // the conversation reference goes with the record: a person's answer can come back here later
      given = service.ask(question, CHANNEL, userId(activity), false,
          activity.getConversation() == null ? null : activity.getConversation().getId(), null,
          activity.getConversation() == null ? null : TeamsSender.origin(activity));
    } catch (AnswerService.NotReadyException e) {
      return turn.sendActivity("I'm still loading the documents; please ask again in a moment.").thenApply(r -> null);
    }
    Activity reply = answerMessage(given, service.disputeLink(given.answer().question()).orElse(null),
        service.handsOff());
    // reply goes to the same conversation (the thread, in a channel) as a reply to the question: the SDK sets that;
    // an answer that was not recorded has no id, so nothing is remembered and its card offers no feedback
    return turn.sendActivity(reply)
        .thenAccept(sent -> replies.remember(sent == null ? null : sent.getId(), given.id()));
  }

  /**
   * The reply to a question: the card, and its summary for notifications. No text: Teams shows a text above the card,
   * so the answer would be said twice (and the {@code [n]} citation markers Teams resolves live only in a text).
   *
   * <p>Teams' own feedback loop ({@code channelData.feedbackLoopEnabled}) is not turned on: it would put a second pair
   * of thumbs under the card's, and its reactions name only the message, which maps to an answer only while the
   * deliveries remember it (see {@link RepliedAnswers}). The card's 👍/👎 carry the answer id and ask for a reason;
   * an answer without an id (not recorded) gets neither.
   */
  static Activity answerMessage(AnswerService.Given given, String disputeUrl) {
    return answerMessage(given, disputeUrl, false);
  }

  /** @param askExpert offer "Ask a FastTrack expert" (an experts' channel is configured) */
  static Activity answerMessage(AnswerService.Given given, String disputeUrl, boolean askExpert) {
    Activity reply = Activity.createMessageActivity();
    reply.setSummary(AnswerCard.summary(given.answer()));
    ObjectNode card = AnswerCard.card(given.answer(), given.id(), disputeUrl, given.pageUrl());
    reply.setAttachments(List.of(adaptive(askExpert
        ? AnswerCard.withAskExpert(card, given.id(), given.answer().verdict()) : card)));
    return reply;
  }

  /** "Ask a FastTrack expert" pressed on a card: the question goes to the experts once; the reply says so. */
  private String handOff(String answerId) {
    if (!ANSWER_ID.matcher(answerId).matches()) {
      return "Sorry, I couldn't read that request.";
    }
    return service.handOff(answerId, "button", "").told();
  }

  static Attachment adaptive(ObjectNode card) {
    Attachment a = new Attachment();
    a.setContentType(AnswerCard.CONTENT_TYPE);
    a.setContent(card);
    return a;
  }

  /** 👍/👎 pressed on the card: its data names the answer; the 👎 form adds a reason. Returns the reply text. */
  private String cardFeedback(JsonNode value, Activity activity) {
    String id = value.path("answerId").asText("");
    JsonNode helpful = value.path("helpful");
    if (!ANSWER_ID.matcher(id).matches() || !helpful.isBoolean()) {
      return "Sorry, I couldn't read that feedback.";
    }
    String reason = value.path("reason").asText("").strip();
    return switch (record(id, helpful.asBoolean(), reason, userId(activity))) {
      case ADDED -> "Thanks for the feedback" + (helpful.asBoolean() ? "!" : "; it helps me improve.");
      case REPLACED -> "Thanks: this replaces the feedback you gave on that answer before.";
      case FULL -> "That answer already has all the feedback it takes (" + AnswerStore.MAX_FEEDBACK
          + "); yours was not saved.";
      case NO_SUCH_ANSWER -> "Sorry, I couldn't record that feedback right now.";
    };
  }

  /** Stores feedback; NO_SUCH_ANSWER (logged) when the record is unknown or the store fails. Never throws. */
  private FeedbackOutcome record(String answerId, boolean helpful, String reason, String userId) {
    String why = reason.length() > MAX_REASON_CHARS ? reason.substring(0, MAX_REASON_CHARS) : reason;
    try {
      FeedbackOutcome outcome = service.feedback(answerId, helpful, why, CHANNEL, userId);
      if (outcome == FeedbackOutcome.NO_SUCH_ANSWER) {
        LOG.info("feedback for unknown answer {} dropped", LogSafe.text(answerId));
      }
      return outcome;
    } catch (SQLException e) {
      LOG.warn("storing Teams feedback for {} failed: {}", LogSafe.text(answerId), e.getClass().getSimpleName());
      return FeedbackOutcome.NO_SUCH_ANSWER;
    }
  }

  /** The welcome, when the bot itself is among the members added (to a team, a group chat or a personal chat). */
  @Override
  protected CompletableFuture<Void> onConversationUpdateActivity(TurnContext turn) {
    Activity activity = turn.getActivity();
    String bot = activity.getRecipient() == null ? null : activity.getRecipient().getId();
    boolean added = bot != null && activity.getMembersAdded() != null
        && activity.getMembersAdded().stream().anyMatch(m -> bot.equals(m.getId()));
    Answerer answerer = service.index().get();
    if (!added || answerer == null) {
      return CompletableFuture.completedFuture(null);
    }
    List<Document> documents = answerer.index().corpus().documents();
    Activity welcome = Activity.createMessageActivity();
    welcome.setSummary(WelcomeCard.text(documents));
    welcome.setAttachments(List.of(adaptive(WelcomeCard.card(documents))));
    return turn.sendActivity(welcome).thenApply(r -> null);
  }

  @Override
  protected CompletableFuture<InvokeResponse> onInvokeActivity(TurnContext turn) {
    String name = String.valueOf(turn.getActivity().getName());
    return switch (name) {
      case "composeExtension/query" -> CompletableFuture.completedFuture(search(turn.getActivity()));
      case "message/submitAction" -> CompletableFuture.completedFuture(feedbackLoop(turn.getActivity()));
      case "adaptiveCard/action" -> {
        InvokeResponse refused = malformedCardAction(turn.getActivity());
        yield refused == null ? super.onInvokeActivity(turn) : CompletableFuture.completedFuture(refused);
      }
      default -> super.onInvokeActivity(turn);
    };
  }

  /**
   * 400 in the form Teams expects of a card action ({@code application/vnd.microsoft.error}) for an
   * {@code adaptiveCard/action} invoke without an action type, which the SDK would dereference; null for a well-formed
   * one, which the SDK answers.
   */
  private static InvokeResponse malformedCardAction(Activity activity) {
    JsonNode value = activity.getValue() == null ? JSON.createObjectNode() : JSON.valueToTree(activity.getValue());
    if (value.path("action").path("type").isTextual()) {
      return null;
    }
    com.microsoft.bot.schema.Error error = new com.microsoft.bot.schema.Error();
    error.setCode("BadRequest");
    error.setMessage("an adaptiveCard/action invoke needs value.action.type");
    AdaptiveCardInvokeResponse body = new AdaptiveCardInvokeResponse();
    body.setStatusCode(400);
    body.setType("application/vnd.microsoft.error");
    body.setValue(error);
    return new InvokeResponse(400, body);
  }

  private InvokeResponse search(Activity activity) {
    Answerer answerer = service.index().get();
    if (answerer == null) {
      return new InvokeResponse(503, null);
    }
    JsonNode value = activity.getValue() == null ? JSON.createObjectNode() : JSON.valueToTree(activity.getValue());
    String query = "";
    boolean initialRun = false;
    for (JsonNode p : value.path("parameters")) {
      String pname = p.path("name").asText();
      if (pname.equals("initialRun")) {
        initialRun = p.path("value").asText().equalsIgnoreCase("true");
      } else if (query.isEmpty()) {
        // the manifest names it searchQuery; older clients and the samples use other names, so take the first
        query = p.path("value").asText("");
      }
    }
    int count = value.path("queryOptions").path("count").asInt(0);
    return new InvokeResponse(200, SearchExtension.results(answerer, initialRun ? "" : query, count));
  }

  /**
   * Teams' own 👍/👎 under a message ({@code channelData.feedbackLoopEnabled}), which answers no longer enable but
   * messages sent before may still show. The answer is found through the message it was given on;
   * {@code actionValue.feedback} is a JSON string inside the JSON (or, in older clients, plain text). Teams wants 200
   * with an empty body whatever happens: anything else shows the person an error on an old message.
   */
  private InvokeResponse feedbackLoop(Activity activity) {
    JsonNode value = activity.getValue() == null ? JSON.createObjectNode() : JSON.valueToTree(activity.getValue());
    JsonNode action = value.path("actionValue");
    String reaction = action.path("reaction").asText();
    if (!"feedback".equals(value.path("actionName").asText())
        || !reaction.equals("like") && !reaction.equals("dislike")) {
      LOG.info("Teams feedback dropped: not a like or dislike");
      return new InvokeResponse(200, null);
    }
    String answerId = replies.answerOf(activity.getReplyToId()).orElse(null);
    if (answerId == null) {
      // the message id is the sender's text: not logged
      LOG.info("Teams feedback dropped: the message it was given on is not a remembered answer");
      return new InvokeResponse(200, null);
    }
    record(answerId, reaction.equals("like"), feedbackText(action.path("feedback")), userId(activity));
    return new InvokeResponse(200, null);
  }

  /** The text of {@code actionValue.feedback}: {@code "{\"feedbackText\":\"...\"}"} decoded, else the text itself. */
  static String feedbackText(JsonNode feedback) {
    if (feedback.isObject()) {
      return feedback.path("feedbackText").asText("");
    }
    String s = feedback.asText("");
    if (s.strip().startsWith("{")) {
      try {
        return JSON.readTree(s).path("feedbackText").asText("");
      } catch (JsonProcessingException e) {
        return s;
      }
    }
    return s;
  }
}

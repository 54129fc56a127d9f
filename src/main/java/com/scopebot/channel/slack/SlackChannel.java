package com.scopebot.channel.slack;

import static com.slack.api.model.block.Blocks.input;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.plainTextInput;
import static com.slack.api.model.view.Views.viewClose;
import static com.slack.api.model.view.Views.viewSubmit;
import static com.slack.api.model.view.Views.viewTitle;

import com.scopebot.answer.Answer;
import com.scopebot.answer.AnswerJson;
import com.scopebot.records.AnswerRecord;
import com.scopebot.records.AnswerStore;
import com.scopebot.records.FeedbackOutcome;
import com.scopebot.records.Deliveries;
import com.scopebot.service.AnswerService;
import com.scopebot.service.Experts;
import com.scopebot.service.Senders;
import com.scopebot.service.LogSafe;
import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.response.Response;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import com.slack.api.model.event.AppHomeOpenedEvent;
import com.slack.api.model.event.AppMentionEvent;
import com.slack.api.model.event.MessageEvent;
import com.slack.api.model.event.MessageThreadBroadcastEvent;
import com.slack.api.model.view.View;
import com.slack.api.model.view.ViewState;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Slack app on Bolt: {@code /scope}, @mentions (answered in the thread), direct messages, the "Check FastTrack
 * scope" message shortcut, Block Kit answers with share / more sources / 👍👎 buttons, and the Home tab.
 *
 * <p>Acknowledgements never wait on Slack's Web API: answers are quick, and posting them happens on this channel's own
 * small executor. An event Slack delivers twice (a retry, or the same {@code event_id}) is answered once.
 * Thread-safe.
 */
public final class SlackChannel implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(SlackChannel.class);
  private static final Pattern MENTION = Pattern.compile("<@[A-Z0-9]+(\\|[^>]*)?>");

  /** The slash command, as declared in {@code manifests/slack/manifest.yml}. */
  public static final String COMMAND = "/scope";
  /** The message shortcut's callback id. */
  public static final String SHORTCUT = "check_scope";
  static final String REASON_VIEW = "feedback_reason";
  /** Slack retries an event three times within minutes: a day is well past the last retry. */
  private static final Duration EVENT_WINDOW = Duration.ofHours(24);

  private final App app;
  private final AnswerService service;
  private final MethodsClient web;
  private final ExecutorService work;
  /** The experts' desk, or null when no experts' channel is configured (or no token to post with). */
  private final ExpertDesk desk;

  /**
   * @param signingSecret verifies every request (required)
   * @param botToken for posting answers and publishing the Home tab; null answers slash commands only
   * @param apiUrl Slack's Web API base URL ({@code https://slack.com/api/}, or a fake one in tests)
   */
  public SlackChannel(String signingSecret, String botToken, String apiUrl, AnswerService service) {
    this(signingSecret, botToken, apiUrl, service, null);
  }

  /**
   * Registers this channel's sender of Slack origins in the service's {@link AnswerService#senders()}, through which
   * experts' answers go back to any channel.
   *
   * @param expertsChannel the Slack channel id questions are handed to ({@code SCOPEBOT_EXPERTS_CHANNEL}), or null
   */
  public SlackChannel(String signingSecret, String botToken, String apiUrl, AnswerService service,
      String expertsChannel) {
    Senders senders = service.senders();
    this.service = service;
    SlackConfig slackConfig = new SlackConfig();
    slackConfig.setMethodsEndpointUrlPrefix(apiUrl);
    slackConfig.setStatsEnabled(false);
    slackConfig.setPrettyResponseLoggingEnabled(false);
    Slack slack = Slack.getInstance(slackConfig);
    // Bolt gets no token: it would call auth.test before every first request, and a slash command must be answered
    // even when Slack's Web API cannot be reached. This channel posts with its own client instead.
    // (its builder would otherwise pick the token up from SLACK_BOT_TOKEN in the environment by itself)
    // message events with a subtype (edits, joins, other bots' posts) come with the channels' message events the
    // experts' channel subscribes to: acknowledged, not answered 404, which Slack would retry and count as failures
    this.app = new App(AppConfig.builder().signingSecret(signingSecret).singleTeamBotToken(null).slack(slack)
        .subtypedMessageEventsAutoAckEnabled(true).build());
    this.web = botToken == null ? null : slack.methods(botToken);
    ThreadPoolExecutor pool = new ThreadPoolExecutor(2, 4, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(1000),
        r -> {
          Thread t = new Thread(r, "scopebot-slack");
          t.setDaemon(true);
          return t;
        }, (r, ex) -> LOG.warn("Slack work queue is full; a reply was dropped"));
    this.work = pool;
    if (web == null) {
      LOG.warn("SLACK_BOT_TOKEN is not set: slash commands are answered; mentions, DMs, shortcuts and the Home tab are not");
    } else {
      senders.register("slack", new SlackSender(web));
    }
    this.desk = expertsDesk(expertsChannel, senders);
    register();
  }

  private ExpertDesk expertsDesk(String expertsChannel, Senders senders) {
    if (expertsChannel == null || expertsChannel.isBlank()) {
      return null;
    }
    if (web == null || service.handoffs() == null) {
      LOG.warn("SCOPEBOT_EXPERTS_CHANNEL is set but {}: questions are not handed to experts",
          web == null ? "SLACK_BOT_TOKEN is not" : "answers are not recorded");
      return null;
    }
    ExpertDesk d = new ExpertDesk(expertsChannel.strip(), web, service, senders, this::later);
    service.withExperts(d);
    // replies a stopped process kept but never sent are passed on once live replicas have surely sent their own
    CompletableFuture.delayedExecutor(ExpertDesk.PASSING_ON.toSeconds() + 10, TimeUnit.SECONDS).execute(() -> {
      if (!work.isShutdown()) {
        later(d::resendPending);
      }
    });
    LOG.info("questions are handed to the experts in Slack channel {}", LogSafe.text(d.channel()));
    return d;
  }

  public App app() {
    return app;
  }

  /** What deliveries were already answered: shared by replicas that share an answer store. */
  Deliveries deliveries() {
    return service.deliveries();
  }

  private void register() {
    app.command(COMMAND, (req, ctx) -> {
      String text = req.getPayload().getText() == null ? "" : req.getPayload().getText().trim();
      if (text.isEmpty() || text.equalsIgnoreCase("help")) {
        return ctx.ack(r -> r.responseType("ephemeral").text("How to use Scopebot").blocks(SlackBlocks.help(COMMAND)));
      }
      // a follow-up with /scope is read against the same person's last /scope question in the same channel
      // only its asker saw the answer: a person's answer later goes to the asker's messages with the app
      String user = req.getPayload().getUserId();
      AnswerService.Given given = service.ask(text, "slack", user, false,
          req.getPayload().getChannelId() + "/" + user, null,
          user == null ? null : SlackSender.origin(user, null));
      return ctx.ack(r -> r.responseType("ephemeral").text(SlackBlocks.fallback(given.answer()))
          .blocks(SlackBlocks.answer(given.id(), given.answer(), true, true, null, given.pageUrl(), desk != null)));
    });

    app.event(AppMentionEvent.class, (payload, ctx) -> {
      AppMentionEvent e = payload.getEvent();
      // in a hand-off's thread a mention is an expert's reply, which the message event passes on
      boolean expertsThread = desk != null && desk.channel().equals(e.getChannel()) && e.getThreadTs() != null;
      if (!expertsThread && firstDelivery(payload.getEventId())) {
        String thread = e.getThreadTs() != null ? e.getThreadTs() : e.getTs();
        later(() -> reply(e.getChannel(), thread, stripMentions(e.getText()), e.getUser()));
      }
      return ctx.ack();
    });

    app.event(MessageEvent.class, (payload, ctx) -> {
      MessageEvent e = payload.getEvent();
      boolean fromPerson = e.getBotId() == null && e.getSubtype() == null && e.getUser() != null;
      if ("im".equals(e.getChannelType()) && fromPerson && firstDelivery(payload.getEventId())) {
        later(() -> reply(e.getChannel(), e.getThreadTs(), stripMentions(e.getText()), e.getUser()));
      } else if (fromPerson) {
        // the bot's own notes in a hand-off's thread have a bot id and never come here
        expertsThreadReply(e.getChannel(), e.getThreadTs(), e.getTs(), e.getUser(), e.getText(), payload.getEventId());
      }
      return ctx.ack();
    });

    // an expert's reply also sent to the channel ("Also send to #channel") is a message of its own subtype
    app.event(MessageThreadBroadcastEvent.class, (payload, ctx) -> {
      MessageThreadBroadcastEvent e = payload.getEvent();
      if (e.getUser() != null) {
        expertsThreadReply(e.getChannel(), e.getThreadTs(), e.getTs(), e.getUser(), e.getText(), payload.getEventId());
      }
      return ctx.ack();
    });

    app.event(AppHomeOpenedEvent.class, (payload, ctx) -> {
      AppHomeOpenedEvent e = payload.getEvent();
      if ("home".equals(e.getTab()) && web != null && firstDelivery(payload.getEventId())) {
        later(() -> {
          View home = SlackBlocks.home(service.index().get().index().corpus().documents(), COMMAND);
          call("views.publish", () -> web.viewsPublish(r -> r.userId(e.getUser()).view(home)).isOk());
        });
      }
      return ctx.ack();
    });

    app.messageShortcut(SHORTCUT, (req, ctx) -> {
      var p = req.getPayload();
      var m = p.getMessage();
      String thread = m.getThreadTs() != null ? m.getThreadTs() : m.getTs();
      later(() -> reply(p.getChannel().getId(), thread, stripMentions(m.getText()), p.getUser().getId(), true));
      return ctx.ack();
    });

    app.blockAction(SlackBlocks.SHARE, (req, ctx) -> {
      Optional<Answer> a = answerOf(req.getPayload());
      if (a.isPresent()) {
        String id = value(req.getPayload());
        // only the asker sees the ephemeral answer and its Share button, so whoever clicks it asked the question
        String asker = req.getPayload().getUser() == null ? null : req.getPayload().getUser().getId();
        ctx.respond(r -> r.responseType("in_channel").replaceOriginal(false)
            .text(SlackBlocks.sharedFallback(asker, a.get())).blocks(SlackBlocks.shared(asker, id, a.get())));
      }
      return ctx.ack();
    });

    // the dispute view is a link: the click opens the page, and Slack's notice of it needs only an acknowledgement
    app.blockAction(SlackBlocks.DISPUTE, (req, ctx) -> ctx.ack());
    app.blockAction(SlackBlocks.PAGE, (req, ctx) -> ctx.ack());

    app.blockAction(SlackBlocks.MORE, (req, ctx) -> {
      Optional<Answer> a = answerOf(req.getPayload());
      if (a.isPresent()) {
        ctx.respond(r -> r.responseType("ephemeral").replaceOriginal(false)
            .text("All sources").blocks(SlackBlocks.allSources(a.get())));
      }
      return ctx.ack();
    });

    app.blockAction(SlackBlocks.UP, (req, ctx) -> feedback(req.getPayload(), ctx, true, ""));
    app.blockAction(SlackBlocks.DOWN, (req, ctx) -> {
      BlockActionPayload p = req.getPayload();
      // ask for an optional reason in a modal; without a token (no modal possible) record the 👎 at once
      if (web != null && p.getTriggerId() != null) {
        String id = value(p);
        View modal = View.builder().type("modal").callbackId(REASON_VIEW).privateMetadata(id)
            .title(viewTitle(t -> t.type("plain_text").text("What was wrong?")))
            .submit(viewSubmit(t -> t.type("plain_text").text("Send")))
            .close(viewClose(t -> t.type("plain_text").text("Cancel")))
            .blocks(java.util.List.of(
                section(s -> s.text(markdownText("Thanks for flagging it. A reason helps us fix it (optional)."))),
                input(i -> i.blockId("reason").optional(true).label(plainText("Reason"))
                    .element(plainTextInput(t -> t.actionId("reason").multiline(true).maxLength(1000))))))
            .build();
        boolean opened = call("views.open", () -> web.viewsOpen(r -> r.triggerId(p.getTriggerId()).view(modal)).isOk());
        if (opened) {
          return ctx.ack();
        }
      }
      return feedback(p, ctx, false, "");
    });

    app.viewSubmission(REASON_VIEW, (req, ctx) -> {
      View view = req.getPayload().getView();
      record(view.getPrivateMetadata(), false, submitted(view, "reason"), req.getPayload().getUser().getId());
      return ctx.ack();
    });
    registerExperts();
  }

  /** A person's message in a thread of the experts' channel: when the thread is a hand-off's, an expert's reply. */
  private void expertsThreadReply(String channel, String threadTs, String ts, String user, String text,
      String eventId) {
    if (desk != null && desk.channel().equals(channel) && threadTs != null && !threadTs.equals(ts)
        && firstDelivery(eventId)) {
      later(() -> expertStep(() -> desk.threadReply(threadTs, ts, user, text)));
    }
  }

  /** What a modal's text input (its block and action named alike) holds on submission; empty when nothing. */
  private static String submitted(View view, String name) {
    Map<String, Map<String, ViewState.Value>> values = view.getState() == null ? null : view.getState().getValues();
    if (values == null || values.get(name) == null || values.get(name).get(name) == null) {
      return "";
    }
    return Optional.ofNullable(values.get(name).get(name).getValue()).orElse("");
  }

  /** The "Ask a FastTrack expert" button under an answer, and the buttons and modal of the experts' post. */
  private void registerExperts() {
    app.blockAction(ExpertPost.ASK, (req, ctx) -> {
      BlockActionPayload p = req.getPayload();
      String id = value(p);
      later(() -> {
        Experts.Outcome outcome = desk == null ? Experts.Outcome.FAILED : desk.handOff(id, "button", "");
        if (p.getResponseUrl() != null) {
          try {
            ctx.respond(r -> r.responseType("ephemeral").replaceOriginal(false).text(outcome.told()));
          } catch (IOException e) {
            LOG.warn("Slack response_url failed: {}", LogSafe.text(e.getMessage()));
          }
        }
      });
      return ctx.ack();
    });
    app.blockAction(ExpertPost.ANSWER, (req, ctx) -> {
      BlockActionPayload p = req.getPayload();
      String id = value(p);
      if (desk != null && id != null && p.getTriggerId() != null) {
        call("views.open", () -> web.viewsOpen(r -> r.triggerId(p.getTriggerId()).view(ExpertDesk.modal(id))).isOk());
      }
      return ctx.ack();
    });
    expertButton(ExpertPost.NOT_IN_SCOPE, (id, user) -> desk.notInScope(id, user));
    expertButton(ExpertPost.ASSIGN, (id, user) -> desk.assign(id, user));
    app.viewSubmission(ExpertPost.ANSWER_VIEW, (req, ctx) -> {
      View view = req.getPayload().getView();
      String text = submitted(view, "answer").strip();
      if (text.isEmpty()) {
        return ctx.ack(r -> r.responseAction("errors").errors(Map.of("answer", "Write the answer for the asker.")));
      }
      String answer = text;
      String user = req.getPayload().getUser().getId();
      // the view's id is this submission's: a repeat of it is the same reply
      if (desk != null) {
        later(() -> expertStep(() -> desk.answer(view.getPrivateMetadata(), "slack-view:" + view.getId(), user,
            answer, "answered")));
      }
      return ctx.ack();
    });
  }

  /** A button of the experts' post whose step runs after the acknowledgement. */
  private void expertButton(String actionId, ExpertAction action) {
    app.blockAction(actionId, (req, ctx) -> {
      String id = value(req.getPayload());
      String user = req.getPayload().getUser().getId();
      if (desk != null) {
        later(() -> expertStep(() -> action.run(id, user)));
      }
      return ctx.ack();
    });
  }

  private interface ExpertAction {
    void run(String answerId, String user) throws java.sql.SQLException;
  }

  /** A step of the experts' desk that reads or writes the store. */
  private interface ExpertStep {
    void run() throws java.sql.SQLException;
  }

  private static void expertStep(ExpertStep step) {
    try {
      step.run();
    } catch (java.sql.SQLException e) {
      LOG.warn("an experts' step failed, the answer store is away: {}", LogSafe.text(e));
    }
  }

  private Response feedback(BlockActionPayload p, ActionContext ctx, boolean helpful, String reason) throws IOException {
    FeedbackOutcome outcome = record(value(p), helpful, reason, p.getUser().getId());
    if (p.getResponseUrl() != null) {
      ctx.respond(r -> r.responseType("ephemeral").replaceOriginal(false).text(switch (outcome) {
        case ADDED -> "Thanks for the feedback.";
        case REPLACED -> "Thanks: this replaces the feedback you gave on that answer before.";
        case FULL -> "That answer already has all the feedback it takes (" + AnswerStore.MAX_FEEDBACK
            + "); yours was not saved.";
        case NO_SUCH_ANSWER -> "That answer's record could not be found; feedback not saved.";
      }));
    }
    return ctx.ack();
  }

  /** Stores feedback; NO_SUCH_ANSWER (logged) when the store fails. Never throws. */
  private FeedbackOutcome record(String answerId, boolean helpful, String reason, String user) {
    if (answerId == null) {
      return FeedbackOutcome.NO_SUCH_ANSWER;
    }
    try {
      return service.feedback(answerId, helpful, reason, "slack", user);
    } catch (java.sql.SQLException e) {
      LOG.warn("feedback on {} not stored: {}", LogSafe.text(answerId), LogSafe.text(e));
      return FeedbackOutcome.NO_SUCH_ANSWER;
    }
  }

  private static String value(BlockActionPayload p) {
    return p.getActions() == null || p.getActions().isEmpty() ? null : p.getActions().get(0).getValue();
  }

  /** The answer a button refers to, from its record. */
  private Optional<Answer> answerOf(BlockActionPayload p) {
    String id = value(p);
    if (id == null) {
      return Optional.empty();
    }
    try {
      Optional<AnswerRecord> r = service.record(id);
      return r.isEmpty() ? Optional.empty() : Optional.of(AnswerJson.readStored(r.get().answer()));
    } catch (java.sql.SQLException | IOException e) {
      LOG.warn("answer {} could not be read back: {}", LogSafe.text(id), LogSafe.text(e));
      return Optional.empty();
    }
  }

  /** Answers a message in a conversation (in a thread when {@code threadTs} is given). */
  private void reply(String channel, String threadTs, String question, String user) {
    reply(channel, threadTs, question, user, false);
  }

  /** @param dispute true for a claim checked with the shortcut: the answer links to the full dispute view */
  private void reply(String channel, String threadTs, String question, String user, boolean dispute) {
    if (web == null) {
      LOG.warn("cannot reply in {}: SLACK_BOT_TOKEN is not set", LogSafe.text(channel));
      return;
    }
    // a thread (or a direct-message conversation) is one conversation: follow-ups in it are read against it
    // a person's answer later goes into the thread the answer is posted in (a DM's thread, or the DM itself)
    AnswerService.Given given = service.ask(question, "slack", user, false,
        channel + "/" + (threadTs == null ? "" : threadTs), null,
        SlackSender.origin(channel, threadTs));
    call("chat.postMessage", () -> {
      ChatPostMessageResponse r = web.chatPostMessage(m -> m.channel(channel).threadTs(threadTs)
          .text(SlackBlocks.fallback(given.answer())).blocks(SlackBlocks.answer(given.id(), given.answer(), false, true,
              dispute ? service.disputeLink(question).orElse(null) : null, given.pageUrl(), desk != null)));
      return r.isOk();
    });
  }

  /**
   * True the first time an event id is seen: Slack's retries and duplicate deliveries get no second answer, on
   * whichever replica they land.
   */
  boolean firstDelivery(String eventId) {
    return eventId == null || service.deliveries().claim("slack-event", eventId, EVENT_WINDOW);
  }

  static String stripMentions(String text) {
    String t = text == null ? "" : MENTION.matcher(text).replaceAll(" ");
    return t.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&").replaceAll("\\s+", " ").trim();
  }

  void later(Runnable task) {
    work.execute(() -> {
      try {
        task.run();
      } catch (RuntimeException e) {
        LOG.warn("Slack reply failed: {}", LogSafe.text(e));
      }
    });
  }

  /** A Web API call whose failure is logged (without the token), never thrown at Slack's request. */
  private interface Call {
    boolean run() throws IOException, SlackApiException;
  }

  private static boolean call(String method, Call c) {
    try {
      boolean ok = c.run();
      if (!ok) {
        LOG.warn("Slack {} was refused", method);
      }
      return ok;
    } catch (IOException | SlackApiException e) {
      LOG.warn("Slack {} failed: {}", method, LogSafe.text(e.getMessage()));
      return false;
    }
  }

  @Override
  public void close() {
    work.shutdown();
  }
}

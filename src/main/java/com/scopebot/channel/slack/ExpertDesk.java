package com.scopebot.channel.slack;

import static com.slack.api.model.block.Blocks.input;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.plainTextInput;
import static com.slack.api.model.view.Views.viewClose;
import static com.slack.api.model.view.Views.viewSubmit;
import static com.slack.api.model.view.Views.viewTitle;

import com.scopebot.answer.Answer;
import com.scopebot.answer.AnswerJson;
import com.scopebot.records.AnswerRecord;
import com.scopebot.records.GapOutcome;
import com.scopebot.records.Handoff;
import com.scopebot.records.Handoffs;
import com.scopebot.service.AnswerService;
import com.scopebot.service.Experts;
import com.scopebot.service.LogSafe;
import com.scopebot.service.Notice;
import com.scopebot.service.OriginSender;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import com.slack.api.methods.response.users.UsersInfoResponse;
import com.slack.api.model.User;
import com.slack.api.model.view.View;
import java.io.IOException;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The FastTrack experts' desk in Slack ({@code SCOPEBOT_EXPERTS_CHANNEL}): posts each handed-off question once, and
 * passes an expert's answer (a reply in the post's thread, the Answer modal, "Not in scope of FastTrack") back to
 * where the question was asked through the {@link OriginSender}, marked as a person's answer with their name.
 *
 * <p>Every once-only step is a unique key in the answer store ({@link Handoffs}), so replicas sharing a store and
 * Slack's retries post nothing twice. A conversation that is gone is reported in the experts' thread. Thread-safe.
 */
final class ExpertDesk implements Experts {

  private static final Logger LOG = LoggerFactory.getLogger(ExpertDesk.class);
  private static final Pattern ANSWER_ID = Pattern.compile("[0-9a-f]{32}");
  /** The reply id of "Not in scope of FastTrack" pressed on an answer's post: one a hand-off. */
  private static final String NOT_IN_SCOPE_ID = "not-in-scope:";
  static final String NOT_IN_SCOPE_TEXT = "This is not in the scope of FastTrack.";
  /**
   * Most questions one replica posts to the experts a minute: anyone may ask and hand off through the API, and the
   * channel is people's to read. Beyond it a hand-off is refused as "try again later" (and logged once a minute).
   */
  static final int MAX_POSTS_PER_MINUTE = 30;
  /** Slack's most for a plain-text input. */
  static final int MAX_MODAL_CHARS = 3000;

  private final String channel;
  private final MethodsClient web;
  private final AnswerService service;
  private final Handoffs handoffs;
  private final OriginSender senders;
  private final Executor background;
  private long windowStart;
  private int postedInWindow;

  /** @param background where hand-offs that nobody waits for run (the Slack channel's own small executor) */
  ExpertDesk(String channel, MethodsClient web, AnswerService service, OriginSender senders, Executor background) {
    this.background = background;
    this.channel = channel;
    this.web = web;
    this.service = service;
    this.handoffs = service.handoffs();
    this.senders = senders;
  }

  String channel() {
    return channel;
  }

  @Override
  public void handOffLater(String answerId, String cause, String note) {
    background.execute(() -> handOff(answerId, cause, note));
  }

  @Override
  public Outcome handOff(String answerId, String cause, String note) {
    if (answerId == null || !ANSWER_ID.matcher(answerId).matches()) {
      return Outcome.NO_SUCH_ANSWER;
    }
    boolean claimed = false;
    try {
      Optional<AnswerRecord> record = service.record(answerId);
      if (record.isEmpty()) {
        return Outcome.NO_SUCH_ANSWER;
      }
      if (!handoffs.claim(answerId, cause, service.clock().instant())) {
        return Outcome.ALREADY;
      }
      claimed = true;
      if (!withinRate()) {
        handoffs.release(answerId);
        return Outcome.FAILED;
      }
      AnswerRecord r = record.get();
      Answer a = AnswerJson.readStored(r.answer());
      String link = service.answerLink(answerId);
      ChatPostMessageResponse posted = web.chatPostMessage(m -> m.channel(channel)
          .text(ExpertPost.fallback(r.question()))
          .blocks(ExpertPost.blocks(answerId, r.question(), a, r.origin(), cause, note,
              link.startsWith("http") ? link : null)));
      if (!posted.isOk()) {
        LOG.warn("the experts' channel refused a hand-off: {}", LogSafe.text(posted.getError()));
        handoffs.release(answerId);
        return Outcome.FAILED;
      }
      String postedIn = posted.getChannel() == null ? channel : posted.getChannel();
      try {
        handoffs.posted(answerId, postedIn, posted.getTs());
      } catch (SQLException e) {
        // the post is out: released, the claim would let the next hand-off post it a second time at once; kept, it
        // is taken again only once stale. Its thread is not recorded: the experts hear that replies there are lost.
        LOG.warn("hand-off of {} was posted but not recorded: {}", answerId, LogSafe.text(e.toString()));
        note(postedIn, posted.getTs(), "⚠️ This question could not be recorded (the answer store failed):"
            + " replies in this thread will not reach the asker. If they ask again, it is posted anew.");
        return Outcome.FAILED;
      }
      service.metrics().gap(GapOutcome.HANDOFF); // once a question: a retry or a second press finds it claimed
      return Outcome.POSTED;
    } catch (SQLException | IOException | SlackApiException | RuntimeException e) {
      LOG.warn("hand-off of {} failed: {}", LogSafe.text(answerId), LogSafe.text(e.toString()));
      if (claimed) {
        try {
          handoffs.release(answerId);
        } catch (SQLException ignored) {
          // the store is away: the claim stays "posting" until it is stale, then the next hand-off takes it
        }
      }
      return Outcome.FAILED;
    }
  }

  /** True while this replica has posted fewer than {@link #MAX_POSTS_PER_MINUTE} in the current minute. */
  private synchronized boolean withinRate() {
    long now = service.clock().millis();
    if (now - windowStart >= 60_000) {
      windowStart = now;
      postedInWindow = 0;
    }
    if (postedInWindow == MAX_POSTS_PER_MINUTE) {
      LOG.warn("{} questions were handed to the experts this minute: more wait until the next", MAX_POSTS_PER_MINUTE);
    }
    return ++postedInWindow <= MAX_POSTS_PER_MINUTE;
  }

  /**
   * A message in a thread of the experts' channel: when the thread is a hand-off's, the message is an expert's answer.
   * Only people's messages come here (the bot's own have a bot id and are dropped by the caller).
   */
  void threadReply(String threadTs, String ts, String user, String text) throws SQLException {
    Optional<String> answerId = handoffs.answerOfThread(channel, threadTs);
    if (answerId.isEmpty() || text == null || text.isBlank()) {
      return;
    }
    answer(answerId.get(), "slack:" + channel + ":" + ts, user, SlackChannel.stripMentions(text), "answered");
  }

  /** The Answer modal: what it asks for, for one answer id. */
  static View modal(String answerId) {
    return View.builder().type("modal").callbackId(ExpertPost.ANSWER_VIEW).privateMetadata(answerId)
        .title(viewTitle(t -> t.type("plain_text").text("Answer the asker")))
        .submit(viewSubmit(t -> t.type("plain_text").text("Send")))
        .close(viewClose(t -> t.type("plain_text").text("Cancel")))
        .blocks(List.of(input(i -> i.blockId("answer").label(plainText("Your answer (sent with your name)"))
            .element(plainTextInput(t -> t.actionId("answer").multiline(true).maxLength(MAX_MODAL_CHARS))))))
        .build();
  }

  /** "Not in scope of FastTrack", pressed by an expert: the asker is told so, once. */
  void notInScope(String answerId, String user) throws SQLException {
    answer(answerId, NOT_IN_SCOPE_ID + answerId, user, NOT_IN_SCOPE_TEXT, "not_in_scope");
  }

  /** "Assign to me": the expert's name goes on the hand-off and into the thread. */
  void assign(String answerId, String user) throws SQLException {
    String name = nameOf(user);
    if (handoffs.assign(answerId, name)) {
      thread(answerId, SlackBlocks.escape(name) + " took this question.");
    }
  }

  /**
   * Passes a person's answer on to where the question was asked, once per reply id; reports in the experts' thread
   * when it could not reach the asker. True when this call passed it on (not a repeat).
   *
   * @param status the hand-off's status from now on ({@code answered}, {@code not_in_scope})
   */
  boolean answer(String answerId, String replyId, String user, String written, String status) throws SQLException {
    if (answerId == null || !ANSWER_ID.matcher(answerId).matches() || handoffs.of(answerId).isEmpty()) {
      return false;
    }
    // read before the reply is kept: a store failing here loses nothing, since Slack's retry finds no reply yet
    Optional<AnswerRecord> record = service.record(answerId);
    String text = Handoffs.kept(written);
    String name = nameOf(user);
    if (!handoffs.reply(replyId, answerId, service.clock().instant().toString(), name, text)) {
      return false; // a retry, or the same reply reaching another replica
    }
    // kept once: from here it goes to the asker whatever the store does next, or no retry would ever send it
    OriginSender.Delivery delivery = passOn(record, answerId, replyId, name, text, status);
    switch (delivery) {
      case GONE -> thread(answerId, "⚠️ The asker's conversation is gone (the bot was removed or the chat deleted):"
          + " this answer did not reach them. It is kept with the answer record.");
      case FAILED -> thread(answerId, "⚠️ This answer could not be delivered to the asker right now."
          + " It is kept with the answer record.");
      case UNSUPPORTED -> thread(answerId, "This question came without a conversation to answer in:"
          + " the answer is kept with the answer record.");
      case STORED -> thread(answerId, "Kept for the asker: the web chat shows it.");
      case DELIVERED -> thread(answerId, "✅ Sent to the asker as " + SlackBlocks.escape(name) + "'s answer.");
    }
    return true;
  }

  /** Sends a kept reply to the asker, as a person's answer, and records how it went and the hand-off's status. */
  private OriginSender.Delivery passOn(Optional<AnswerRecord> record, String answerId, String replyId, String name,
      String text, String status) {
    OriginSender.Delivery delivery = record.isEmpty() ? OriginSender.Delivery.FAILED
        : senders.send(record.get().origin(), new Notice("👤 Answer from a FastTrack expert, " + name,
            text, service.answerLink(answerId)));
    try {
      handoffs.status(answerId, status);
      handoffs.delivered(replyId, delivery.wire());
    } catch (SQLException e) {
      LOG.warn("a reply to {} went to the asker ({}) but the store did not record it: {}", answerId,
          delivery.wire(), LogSafe.text(e.toString()));
    }
    return delivery;
  }

  /** How long a live process takes at most to pass on a reply it kept (the senders' timeouts, with room to spare). */
  static final Duration PASSING_ON = Duration.ofSeconds(60);
  /** Replies passed on by one sweep at most. */
  static final int SWEEP = 100;

  /**
   * Passes on the replies kept but never sent: the process that kept them stopped between keeping and sending (a
   * {@code kill -9}, a crash). Run once a while after each start, so a reply being sent by a live replica is not
   * taken; each is taken by one replica. How many it passed on.
   */
  int resendPending() {
    int sent = 0;
    try {
      for (Handoffs.Pending p : handoffs.pending(service.clock().instant().minus(PASSING_ON), SWEEP)) {
        if (!handoffs.takePending(p.id())) {
          continue; // another replica's sweep has it
        }
        String status = p.id().startsWith(NOT_IN_SCOPE_ID) ? "not_in_scope" : "answered";
        OriginSender.Delivery d = passOn(service.record(p.answerId()), p.answerId(), p.id(), p.author(), p.text(),
            status);
        LOG.info("passed on a reply to {} that a stopped process had kept: {}", p.answerId(), d.wire());
        sent++;
      }
    } catch (SQLException | RuntimeException e) {
      LOG.warn("the sweep of replies kept but not passed on failed: {}", LogSafe.text(e.toString()));
    }
    return sent;
  }

  /** Posts a line in a hand-off's thread (the bot's own message: the thread-reply handler ignores it). */
  private void thread(String answerId, String mrkdwn) throws SQLException {
    Optional<Handoff> h = handoffs.of(answerId);
    if (h.isPresent() && !h.get().expertsTs().isEmpty()) {
      note(h.get().expertsChannel(), h.get().expertsTs(), mrkdwn);
    }
  }

  /** Posts the bot's own line in a thread of the experts' channel; a failure is logged. */
  private void note(String in, String threadTs, String mrkdwn) {
    try {
      ChatPostMessageResponse r = web.chatPostMessage(m -> m.channel(in).threadTs(threadTs).text(mrkdwn));
      if (!r.isOk()) {
        LOG.warn("the experts' thread refused a note: {}", LogSafe.text(r.getError()));
      }
    } catch (IOException | SlackApiException e) {
      LOG.warn("a note in the experts' thread failed: {}", LogSafe.text(e.getMessage()));
    }
  }

  /**
   * An expert's name as Slack gives it ({@code users.info}, which needs the {@code users:read} scope): the display
   * name, else the real name, else the user name; "a FastTrack expert" when Slack says nothing.
   */
  String nameOf(String user) {
    if (user == null || user.isBlank()) {
      return "a FastTrack expert";
    }
    try {
      UsersInfoResponse r = web.usersInfo(q -> q.user(user));
      User u = r.isOk() ? r.getUser() : null;
      if (u != null) {
        for (String n : new String[] {u.getProfile() == null ? null : u.getProfile().getDisplayName(),
            u.getProfile() == null ? null : u.getProfile().getRealName(), u.getRealName(), u.getName()}) {
          if (n != null && !n.isBlank()) {
            return SlackBlocks.cut(n.strip(), 80);
          }
        }
      } else {
        LOG.info("users.info refused ({}): is the users:read scope granted?", LogSafe.text(r.getError()));
      }
    } catch (IOException | SlackApiException e) {
      LOG.warn("users.info failed: {}", LogSafe.text(e.getMessage()));
    }
    return "a FastTrack expert";
  }
}

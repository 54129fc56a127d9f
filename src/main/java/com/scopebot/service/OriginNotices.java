package com.scopebot.service;

import com.scopebot.records.AnswerRecord;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells the conversation an answer was given in that a new revision changed it, through the channel's
 * {@link OriginSender}: a proactive message in the Teams conversation, a reply in the Slack thread. A web chat has
 * nothing to push to: its answer's page lists the revisions replaced since ("Since this answer"). An answer given where
 * nothing can be sent back (the API, the command line) is logged as not deliverable. Thread-safe.
 */
public final class OriginNotices implements ChangeNotices {

  private static final Logger LOG = LoggerFactory.getLogger(OriginNotices.class);

  private final OriginSender senders;

  public OriginNotices(OriginSender senders) {
    this.senders = senders;
  }

  /** The conversation's key as its channel names it, hashed to the store's key size; a record without one alone. */
  @Override
  public String conversation(AnswerRecord given) {
    if (given.origin() == null) {
      return given.id();
    }
    try {
      byte[] key = senders.conversation(given.origin()).getBytes(StandardCharsets.UTF_8);
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }

  @Override
  public void send(AnswerRecord old, AnswerRecord renewed, ChangeNotice notice) {
    if (old.origin() == null) {
      LOG.info("a new revision changed answer {} (now {}: {} -> {}); it was given on {}, where nothing can be sent"
          + " back", old.id(), renewed.id(), notice.oldVerdict(), notice.newVerdict(), LogSafe.text(old.channel()));
      return;
    }
    if ("web".equals(old.origin().kind())) {
      // the web sender answers STORED for what the caller keeps; nothing keeps this notice, the answer's page tells it
      LOG.info("a new revision changed answer {} (now {}), given in the web chat: its page says so", old.id(),
          renewed.id());
      return;
    }
    OriginSender.Delivery d = senders.send(old.origin(),
        new Notice("The documents changed", notice.text(), notice.newLink()));
    switch (d) {
      case DELIVERED -> LOG.info("told the {} conversation of answer {} that it is now {} ({})",
          old.origin().kind(), old.id(), notice.newVerdict(), d.wire());
      default -> LOG.warn("could not tell the {} conversation of answer {} that it changed: {}", old.origin().kind(),
          old.id(), d.wire());
    }
  }
}

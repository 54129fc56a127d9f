package com.scopebot.service;

import com.scopebot.records.AnswerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The notices while answer records do not keep where they were given (a Slack thread, a Teams conversation): each one
 * is logged as not deliverable, with both records' ids, so an operator can follow it up. Thread-safe.
 */
public final class LoggedNotices implements ChangeNotices {

  private static final Logger LOG = LoggerFactory.getLogger(LoggedNotices.class);

  @Override
  public void send(AnswerRecord old, AnswerRecord renewed, ChangeNotice notice) {
    LOG.info("a new revision changed answer {} (now {}: {} → {}); its {} conversation cannot be told: the record does"
        + " not say where it was given", old.id(), renewed.id(), notice.oldVerdict(), notice.newVerdict(),
        LogSafe.text(old.channel()));
  }
}

package com.scopebot.records;

import java.time.LocalDate;
import java.util.Set;

/**
 * Which gaps to read: a period of days (UTC), a channel, and how many rows one source may return at most.
 *
 * @param from the first day, or null for no lower bound
 * @param to the last day (included), or null for no upper bound
 * @param channel only gaps on this channel, or null for every channel
 * @param limit most rows read from each source, newest first: what one report may cost
 */
public record GapQuery(LocalDate from, LocalDate to, String channel, int limit) {

  /** The channels records are kept for. */
  public static final Set<String> CHANNELS = Set.of("web", "api", "slack", "teams", "cli");
  /** Most rows a report may read from one source. */
  public static final int MAX_LIMIT = 20_000;

  public GapQuery {
    if (from != null && to != null && from.isAfter(to)) {
      throw new IllegalArgumentException("\"from\" must not be after \"to\", got " + from + " and " + to);
    }
    if (channel != null && !CHANNELS.contains(channel)) {
      throw new IllegalArgumentException("\"channel\" must be one of web, api, slack, teams, cli, got \""
          + (channel.length() <= 40 ? channel : channel.substring(0, 39) + "…") + "\"");
    }
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new IllegalArgumentException("\"limit\" must be a number from 1 to " + MAX_LIMIT + ", got " + limit);
    }
  }

  /**
   * The lower bound as stored times compare: ISO instants start with their day, so a day sorts before every instant
   * of it, and the next day after every one.
   */
  String fromKey() {
    return from.toString();
  }

  /** The upper bound, excluded: the day after {@link #to}. */
  String toKey() {
    return to.plusDays(1).toString();
  }
}

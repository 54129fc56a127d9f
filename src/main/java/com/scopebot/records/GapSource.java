package com.scopebot.records;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * A table of the answer store that yields gaps of one kind. A new kind of gap (hand-offs) is one more implementation
 * in {@link GapSources#STORED}; the report reads every source the same way.
 */
public interface GapSource {

  /** The kind of gap this source yields. */
  GapOutcome outcome();

  /**
   * The gaps of the query's period and channel, newest first, at most {@link GapQuery#limit()} of them.
   *
   * @param timeoutSeconds the statement timeout to set
   */
  List<GapEvent> read(Connection c, GapQuery query, int timeoutSeconds) throws SQLException;
}

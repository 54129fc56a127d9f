package com.scopebot.records;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.Consumer;

/**
 * A table of the answer store that yields gaps of one kind. A new kind of gap (hand-offs) is one more implementation
 * in {@link GapSources#STORED}; the report reads every source the same way.
 */
public interface GapSource {

  /** The kind of gap this source yields. */
  GapOutcome outcome();

  /**
   * Hands over the gaps of the query's period and channel one at a time, newest first, at most
   * {@link GapQuery#limit()} of them: a report keeps what it needs of each, never thousands of answers at once.
   *
   * @param timeoutSeconds the statement timeout to set
   * @return how many were handed over
   */
  int read(Connection c, GapQuery query, int timeoutSeconds, Consumer<GapEvent> each) throws SQLException;
}

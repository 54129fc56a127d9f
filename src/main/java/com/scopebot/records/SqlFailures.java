package com.scopebot.records;

import java.sql.SQLDataException;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;

/** Which failures are about the rows sent, and which about the database or the way to it. */
final class SqlFailures {

  /** SQLite's result code for a violated constraint (NOT NULL, CHECK, ...). */
  private static final int SQLITE_CONSTRAINT = 19;

  private SqlFailures() {}

  /** A row the database refuses (a missing value, a value too long): storing the others on their own may work. */
  static boolean badRow(SQLException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLIntegrityConstraintViolationException || t instanceof SQLDataException) {
        return true;
      }
      if (t instanceof SQLException s) {
        String state = s.getSQLState();
        // SQLSTATE classes 22 (data exception) and 23 (integrity constraint violation)
        if (state != null && (state.startsWith("22") || state.startsWith("23"))) {
          return true;
        }
        if ((s.getErrorCode() & 0xff) == SQLITE_CONSTRAINT && String.valueOf(s.getMessage()).contains("SQLITE_CONSTRAINT")) {
          return true;
        }
      }
    }
    return false;
  }

  /** The connection broke (the database restarted or went away): a fresh connection may succeed. */
  static boolean lostConnection(SQLException e) {
    if (e instanceof java.sql.SQLTransientConnectionException) {
      return false; // the pool found no connection within the timeout: asking again would wait as long again
    }
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLException s && s.getSQLState() != null
          // class 08: connection exception; 57P01-57P03: the server is shutting down or starting
          && (s.getSQLState().startsWith("08") || s.getSQLState().startsWith("57P"))) {
        return true;
      }
    }
    return false;
  }
}

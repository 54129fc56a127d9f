package com.scopebot.search;

/** A search query that cannot be run, with a message for the person who wrote it: what is wrong and where. */
public final class QueryException extends Exception {

  public QueryException(String message) {
    super(message);
  }
}

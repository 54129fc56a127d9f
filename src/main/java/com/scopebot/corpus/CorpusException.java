package com.scopebot.corpus;

/** A corpus folder that cannot be used at all (missing, unreadable, or without a single usable document). */
public final class CorpusException extends Exception {
  public CorpusException(String message) {
    super(message);
  }
}

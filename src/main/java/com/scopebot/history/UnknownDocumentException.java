package com.scopebot.history;

/** A document name that names no document of the corpus, or several; the message says which there are. */
public final class UnknownDocumentException extends Exception {

  public UnknownDocumentException(String message) {
    super(message);
  }
}

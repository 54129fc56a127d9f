package com.scopebot.corpus;

/** The Markdown construct a passage was cut from. */
public enum PassageKind {
  BULLET,
  NOTE,
  TABLE_ROW,
  PARAGRAPH
}

package com.scopebot.corpus;

import java.util.Map;

/** Markdown files nested far deeper than any document, as an outsider with write access to a corpus would send. */
public final class HostileMarkdown {

  private HostileMarkdown() {}

  /**
   * File name to content: lists and quotes 10,000 deep, emphasis 10,000 and 20,000 deep, an HTML list 10,000 deep in a
   * table cell, 20 to 80 KB each.
   */
  public static Map<String, String> nested() {
    return Map.of(
        "lists.md", "- ".repeat(10_000) + "deep\n",
        "quotes.md", "> ".repeat(10_000) + "deep\n",
        "stars.md", "*".repeat(20_000) + "deep" + "*".repeat(20_000) + "\n",
        "emphasis.md", "*a ".repeat(10_000) + "deep" + "*".repeat(10_000) + "\n",
        "table.md", "# T\n\n<table><tr><td>a</td><td>" + "<ul><li>".repeat(10_000) + "deep\n");
  }
}

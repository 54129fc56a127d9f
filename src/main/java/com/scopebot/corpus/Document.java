package com.scopebot.corpus;

import java.util.Objects;

/**
 * One responsibility document of the corpus and where it stands among its revisions.
 *
 * @param file file name inside the corpus folder, the document's id
 * @param title front-matter title, else the first heading, else the file name
 * @param revision ISO date: {@code ms.date}, else the upstream commit date, else the file's date
 * @param assetId {@code ms.assetid}, empty when absent
 * @param upstreamPath path in the upstream repository from {@code sources.json}, empty when unknown
 * @param permalinkBase link to the exact upstream revision without a line anchor, empty when unknown
 * @param family id shared by all revisions of one document (same upstream path or asset id)
 * @param current true when this is the newest revision of its family, the one in force
 */
public record Document(
    String file,
    String title,
    String revision,
    String assetId,
    String upstreamPath,
    String permalinkBase,
    String family,
    boolean current) {

  public Document {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(revision, "revision");
    assetId = Objects.requireNonNullElse(assetId, "");
    upstreamPath = Objects.requireNonNullElse(upstreamPath, "");
    permalinkBase = Objects.requireNonNullElse(permalinkBase, "");
    family = Objects.requireNonNullElse(family, file);
  }

  /** The same document placed in its revision family. */
  public Document inFamily(String family, boolean current) {
    return new Document(file, title, revision, assetId, upstreamPath, permalinkBase, family, current);
  }

  /** Permalink to a line of this revision, or empty when the upstream is unknown. */
  public String permalink(int line) {
    return permalinkBase.isEmpty() ? "" : permalinkBase + "#L" + line;
  }
}

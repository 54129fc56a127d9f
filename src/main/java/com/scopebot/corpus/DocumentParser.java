package com.scopebot.corpus;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.commonmark.ext.front.matter.YamlFrontMatterExtension;
import org.commonmark.ext.front.matter.YamlFrontMatterVisitor;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.Heading;
import org.commonmark.node.Node;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;

/**
 * Cuts one DocFX Markdown document into citable passages: reads the document's title and revision from its front
 * matter, then walks its blocks ({@link BlockWalk}).
 *
 * <p>Built once; thread-safe (the commonmark parser is immutable and each call keeps its state on the stack).
 */
public final class DocumentParser {

  /** The parsed document and its passages, in document order. */
  public record Parsed(Document document, List<Passage> passages) {
    public Parsed {
      passages = List.copyOf(passages);
    }
  }

  private static final DateTimeFormatter US_DATE = DateTimeFormatter.ofPattern("M/d/yyyy", Locale.ROOT);

  private final Parser parser = Parser.builder()
      .extensions(List.of(TablesExtension.create(), YamlFrontMatterExtension.create()))
      .includeSourceSpans(IncludeSourceSpans.BLOCKS)
      .build();

  /**
   * Parses one document.
   *
   * @param file file name, the document id
   * @param source the file's text
   * @param info source info from {@code sources.json}, or null
   * @param fallbackDate ISO date to use when neither {@code ms.date} nor a commit date is known
   */
  public Parsed parse(String file, String source, SourceInfo info, String fallbackDate) {
    return parseMarkdown(file, markdown(source), info, fallbackDate);
  }

  /** A source as the parser reads it: its quirks repaired, its HTML tables rewritten as Markdown. */
  static String markdown(String source) {
    return HtmlBlocks.toMarkdown(TextRepair.repair(source));
  }

  /** Parses a source already made {@link #markdown}: what {@link Corpus} checked is what is parsed. */
  Parsed parseMarkdown(String file, String repaired, SourceInfo info, String fallbackDate) {
    Node root = parser.parse(repaired);
    YamlFrontMatterVisitor fm = new YamlFrontMatterVisitor();
    root.accept(fm);
    Map<String, List<String>> meta = fm.getData();

    String revision = isoDate(first(meta, "ms.date"));
    if (revision.isEmpty() && info != null) {
      revision = isoDate(info.committed());
    }
    if (revision.isEmpty()) {
      revision = fallbackDate;
    }
    String title = TextRepair.foldSpace(first(meta, "title"));
    if (title.isEmpty()) {
      title = firstHeading(root);
    }
    if (title.isEmpty()) {
      title = file;
    }
    Document doc = new Document(file, title, revision, first(meta, "ms.assetid").trim(),
        info == null ? "" : info.path(), info == null ? "" : info.permalinkBase(), file, true);
    BlockWalk walk = new BlockWalk(doc, repaired.split("\n", -1));
    walk.blocks(root);
    return new Parsed(doc, walk.passages());
  }

  private static String first(Map<String, List<String>> meta, String key) {
    List<String> values = meta.get(key);
    return values == null || values.isEmpty() || values.get(0) == null ? "" : values.get(0);
  }

  /** ISO form of an {@code ms.date} (M/d/yyyy) or ISO date; empty when it is neither. */
  static String isoDate(String raw) {
    String s = raw == null ? "" : raw.trim();
    if (s.isEmpty()) {
      return "";
    }
    try {
      return LocalDate.parse(s, US_DATE).toString();
    } catch (DateTimeParseException e) {
      try {
        return LocalDate.parse(s.length() > 10 ? s.substring(0, 10) : s).toString();
      } catch (DateTimeParseException e2) {
        return "";
      }
    }
  }

  private static String firstHeading(Node root) {
    for (Node n = root.getFirstChild(); n != null; n = n.getNext()) {
      if (n instanceof Heading) {
        return MarkdownText.inline(n);
      }
    }
    return "";
  }
}

package com.scopebot.history;

import com.scopebot.corpus.Document;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What changed in one document, or in every document with earlier revisions, optionally since a day: each pair of
 * consecutive revisions (newest first) with its changes grouped by section. Immutable.
 *
 * @param families the documents reported, each with all its revisions
 * @param since only revisions dated after this day are reported; null for all
 */
public record ChangesReport(List<Family> families, LocalDate since) {

  /**
   * The changes from one revision to the next.
   *
   * @param sections the changes by section of the newer revision (its headings below the title), in its order
   */
  public record Step(Document older, Document newer, Map<List<String>, List<Change>> sections) {

    /** How many changes of a kind. */
    public long count(Change.Kind kind) {
      return sections.values().stream().flatMap(List::stream).filter(c -> c.kind() == kind).count();
    }
  }

  /** The kinds a report lists, in the order it counts them. */
  public static final List<Change.Kind> KINDS =
      List.of(Change.Kind.ADDED, Change.Kind.REMOVED, Change.Kind.REWORDED, Change.Kind.MOVED);

  public ChangesReport {
    families = List.copyOf(families);
  }

  /**
   * The report a person asks for.
   *
   * @param document a file name or title of any revision (see {@link History#named}); null or blank for every
   *     document that has earlier revisions
   * @param since null for every revision
   * @throws UnknownDocumentException when the name names no document, or several
   */
  public static ChangesReport of(History history, String document, LocalDate since) throws UnknownDocumentException {
    if (document == null || document.isBlank()) {
      return new ChangesReport(history.families().stream().filter(f -> f.revisions().size() > 1).toList(), since);
    }
    List<Family> named = history.named(document);
    if (named.size() == 1) {
      return new ChangesReport(named, since);
    }
    List<Family> listed = named.isEmpty() ? history.families() : named;
    String known = listed.stream().map(f -> f.current().file() + " (" + f.current().title() + ")")
        .collect(Collectors.joining(", "));
    throw new UnknownDocumentException(named.isEmpty()
        ? "no document is named \"" + document.strip() + "\"; the documents are: " + known
        : "\"" + document.strip() + "\" names " + named.size() + " documents: " + known + "; give one's file name");
  }

  /** A family's steps newer than {@link #since}, newest first. */
  public List<Step> steps(Family family) {
    List<Change> changes = since == null ? family.changes() : family.changesSince(since);
    Map<String, List<Change>> byStep = new LinkedHashMap<>();
    for (Change c : changes) {
      byStep.computeIfAbsent(c.newer().file(), k -> new ArrayList<>()).add(c);
    }
    List<Step> steps = new ArrayList<>();
    List<Document> revisions = family.revisions();
    for (int i = revisions.size() - 1; i > 0; i--) {
      Document newer = revisions.get(i);
      if (since != null && newer.revision().compareTo(since.toString()) <= 0) {
        continue;
      }
      Map<List<String>, List<Change>> sections = new LinkedHashMap<>();
      for (Change c : byStep.getOrDefault(newer.file(), List.of())) {
        sections.computeIfAbsent(c.section(), k -> new ArrayList<>()).add(c);
      }
      sections.replaceAll((k, v) -> List.copyOf(v));
      steps.add(new Step(revisions.get(i - 1), newer, sections));
    }
    return steps;
  }

  /** A section's name for people: its headings, or the document's title at its top. */
  static String heading(List<String> section, Document newer) {
    return section.isEmpty() ? newer.title() : String.join(" › ", section);
  }
}

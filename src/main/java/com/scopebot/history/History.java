package com.scopebot.history;

import com.scopebot.corpus.Corpus;
import com.scopebot.corpus.Document;
import com.scopebot.corpus.Passage;
import com.scopebot.corpus.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the documents said before: every statement of every revision matched to its counterpart in the previous
 * revision of its document (same, reworded, moved, added or removed; see {@link RevisionPair}), so each statement has
 * a history and each revision a list of changes.
 *
 * <p>Revisions come from the corpus's families ({@link Document#family()}), ordered by revision date. Built once from a
 * corpus and immutable; thread-safe. Building costs a little for each family with several revisions and next to
 * nothing for the others, so it is built when first needed rather than with the index.
 */
public final class History {

  /** A statement's place: its document, its passage's line and its words. */
  private record Key(String file, int line, String text) {
    static Key of(Version v) {
      return new Key(v.document().file(), v.line(), v.text());
    }
  }

  private final Map<String, Family> families;
  /** For each statement of a revision that has a previous one, what became of it there. */
  private final Map<Key, Change> leadingTo;
  /** For each statement of a revision that has a next one, what became of it there (unchanged included). */
  private final Map<Key, Change> leadingFrom;

  private History(Map<String, Family> families, Map<Key, Change> leadingTo, Map<Key, Change> leadingFrom) {
    this.families = families;
    this.leadingTo = leadingTo;
    this.leadingFrom = leadingFrom;
  }

  /** Matches the statements of each family's consecutive revisions. */
  public static History of(Corpus corpus) {
    Map<String, List<Document>> revisions = new LinkedHashMap<>();
    for (Document d : corpus.documents()) {
      revisions.computeIfAbsent(d.family(), k -> new ArrayList<>()).add(d);
    }
    Map<String, List<Version>> statements = new HashMap<>();
    for (Passage p : corpus.passages()) {
      if (revisions.get(p.document().family()).size() > 1) { // a lone revision has nothing to be matched with
        List<Version> of = statements.computeIfAbsent(p.document().file(), k -> new ArrayList<>());
        for (Statement s : p.statements()) {
          of.add(new Version(p, s));
        }
      }
    }
    Map<String, Family> families = new LinkedHashMap<>();
    Map<Key, Change> leadingTo = new HashMap<>();
    Map<Key, Change> leadingFrom = new HashMap<>();
    for (Map.Entry<String, List<Document>> e : revisions.entrySet()) {
      List<Document> docs = new ArrayList<>(e.getValue());
      docs.sort(Comparator.comparing(Document::revision).thenComparing(Document::file));
      List<Change> changes = new ArrayList<>();
      for (int i = docs.size() - 1; i > 0; i--) { // the newest pair first
        Document older = docs.get(i - 1);
        Document newer = docs.get(i);
        for (Change c : RevisionPair.match(older, statements.getOrDefault(older.file(), List.of()), newer,
            statements.getOrDefault(newer.file(), List.of()))) {
          if (c.after() != null) {
            leadingTo.putIfAbsent(Key.of(c.after()), c);
          }
          if (c.before() != null) {
            leadingFrom.putIfAbsent(Key.of(c.before()), c);
          }
          if (c.kind() != Change.Kind.UNCHANGED) {
            changes.add(c);
          }
        }
      }
      families.put(e.getKey(), new Family(e.getKey(), docs, changes));
    }
    return new History(families, leadingTo, leadingFrom);
  }

  /** Every document's family, with one revision or more, in the corpus's order. */
  public List<Family> families() {
    return List.copyOf(families.values());
  }

  /** The family of a document. */
  public Optional<Family> family(Document document) {
    return Optional.ofNullable(families.get(document.family()));
  }

  /**
   * The families a person means by a name: a document's file name (with or without {@code .md}) or title, of any of
   * its revisions, whatever the case and spacing; failing that, the families whose file names or titles contain it.
   * Empty when none does; several when the name is ambiguous.
   */
  public List<Family> named(String name) {
    String wanted = normal(name);
    if (wanted.isEmpty()) {
      return List.of();
    }
    Set<Family> exact = new LinkedHashSet<>();
    Set<Family> partial = new LinkedHashSet<>();
    for (Family f : families.values()) {
      for (Document d : f.revisions()) {
        String file = normal(d.file());
        String title = normal(d.title());
        if (file.equals(wanted) || file.replaceFirst("\\.(md|markdown)$", "").equals(wanted) || title.equals(wanted)) {
          exact.add(f);
        } else if (file.contains(wanted) || title.contains(wanted)) {
          partial.add(f);
        }
      }
    }
    return List.copyOf(exact.isEmpty() ? partial : exact);
  }

  /** Every change of every family (statements that stayed the same aside). */
  public List<Change> changes() {
    return families.values().stream().flatMap(f -> f.changes().stream()).toList();
  }

  /**
   * The history of a statement of a passage: what each earlier revision made of it, newest first. Empty for a
   * statement with no earlier revision, and for one this history does not know (another corpus's).
   */
  public Lineage of(Passage passage, Statement statement) {
    Version version = new Version(passage, statement);
    List<Change> chain = new ArrayList<>();
    // each step goes to an older revision's file, so the chain ends
    for (Change c = leadingTo.get(Key.of(version)); c != null;
        c = c.before() == null ? null : leadingTo.get(Key.of(c.before()))) {
      chain.add(c);
    }
    return new Lineage(version, chain);
  }

  /**
   * What the next revision of its document made of a statement (unchanged included); empty for a statement of a
   * revision in force, and for one this history does not know.
   */
  public Optional<Change> next(Version version) {
    return Optional.ofNullable(leadingFrom.get(Key.of(version)));
  }

  /** The history of each statement of a passage, in the passage's order. */
  public List<Lineage> of(Passage passage) {
    return passage.statements().stream().map(s -> of(passage, s)).toList();
  }

  private static String normal(String s) {
    return WordDiff.fold(s).strip().replaceAll("\\s+", " ");
  }
}

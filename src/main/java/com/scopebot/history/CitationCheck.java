package com.scopebot.history;

import com.scopebot.corpus.Corpus;
import com.scopebot.corpus.Passage;
import com.scopebot.corpus.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Whether a passage an answer cited still reads the same in the revisions in force: each of its statements is
 * followed revision by revision ({@link History#next}) to the one in force, and the first change on the way, if any,
 * is what outdates it. A passage is found by its file and line and must read as quoted; one that moved to another line
 * of the same revision (the file edited in place) is found by its words.
 *
 * <p>Built once per corpus; immutable and thread-safe.
 */
public final class CitationCheck {

  private record Place(String file, int line) {}

  private final History history;
  private final Map<Place, Passage> byPlace = new HashMap<>();
  private final Map<String, Map<String, Passage>> byText = new HashMap<>();

  public CitationCheck(Corpus corpus, History history) {
    this.history = history;
    for (Passage p : corpus.passages()) {
      byPlace.putIfAbsent(new Place(p.document().file(), p.line()), p);
      byText.computeIfAbsent(p.document().file(), k -> new HashMap<>()).putIfAbsent(p.text(), p);
    }
  }

  public static CitationCheck of(Corpus corpus) {
    return new CitationCheck(corpus, History.of(corpus));
  }

  /**
   * What outdates a cited passage, or empty when the revisions in force still say what it said.
   *
   * @param file the cited document's file
   * @param line the cited passage's line
   * @param quote the cited passage as quoted
   */
  public Optional<Outdated> outdated(String file, int line, String quote) {
    Passage p = byPlace.get(new Place(file, line));
    if (p == null || !p.text().equals(quote)) {
      p = byText.getOrDefault(file, Map.of()).get(quote);
    }
    if (p == null) {
      return Optional.of(new Outdated(Outdated.GONE, quote, null, file, ""));
    }
    for (Statement s : p.statements()) {
      Optional<Change> c = firstChange(new Version(p, s));
      if (c.isPresent()) {
        return c.map(Outdated::of);
      }
    }
    return Optional.empty();
  }

  /** The first change on the way from a statement to the revision in force; each step goes to a newer file, so it ends. */
  private Optional<Change> firstChange(Version v) {
    for (Optional<Change> next = history.next(v); next.isPresent(); next = history.next(v)) {
      Change c = next.get();
      if (c.kind() != Change.Kind.UNCHANGED) {
        return next;
      }
      v = c.after();
    }
    return Optional.empty();
  }
}

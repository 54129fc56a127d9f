package com.scopebot.cli;

import com.scopebot.answer.Answerer;
import com.scopebot.corpus.Corpus;
import com.scopebot.corpus.CorpusException;
import com.scopebot.corpus.Passage;
import com.scopebot.index.PassageIndex;
import com.scopebot.index.Synonyms;
import com.scopebot.answer.Engine;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Measures index build time and answer latency on the corpus, then on a generated corpus N times larger
 * (every document cloned with a distinct id). Questions are generated from the corpus's own passages.
 */
@Command(name = "bench", description = "Measures index build time and answer latency percentiles.")
final class Bench implements Callable<Integer> {

  @CommandLine.Mixin Main.CorpusOptions options;
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--scale", defaultValue = "200", description = "Size of the generated corpus, in copies (0 to skip).")
  int scale;

  @Option(names = "--questions", defaultValue = "3000", description = "Answers timed per corpus.")
  int questions;

  @Option(names = "--hostile", defaultValue = "500",
      description = "Expensive questions timed of each kind on the bundled corpus (0 to skip).")
  int hostile;

  private static final String[] TEMPLATES = {
      "Who is responsible for %s?", "Is %s covered?", "Does FastTrack help with %s?", "How many %s?",
      "Is %s in scope for multiple forests?", "%s", "Who handles %s?", "Can FastTrack set up %s?"};

  @Override
  public Integer call() throws CorpusException, IOException {
    PrintWriter out = spec.commandLine().getOut();
    Synonyms synonyms = Engine.synonyms(options.synonyms);
    Path corpus = options.corpus();
    out.printf(Locale.ROOT, "%-10s %6s %9s %10s %10s %9s %9s %9s %9s%n", "corpus", "docs", "passages", "statements",
        "build ms", "p50 ms", "p90 ms", "p99 ms", "max ms");

    // build time: warmed up, then the median and worst of 20 builds
    long[] builds = new long[20];
    PassageIndex index = null;
    for (int i = -5; i < builds.length; i++) {
      long t0 = System.nanoTime();
      PassageIndex built = PassageIndex.build(Corpus.load(corpus), synonyms);
      long t = System.nanoTime() - t0;
      if (i >= 0) {
        builds[i] = t;
      }
      if (index != null) {
        index.close();
      }
      index = built;
    }
    Arrays.sort(builds);
    long typical = report(out, "bundled", index, ms(builds[builds.length / 2]) + "/" + ms(builds[builds.length - 1]));
    if (hostile > 0) {
      hostile(out, index, typical);
    }
    index.close();

    if (scale > 0) {
      Path dir = Files.createTempDirectory("scopebot-bench");
      try {
        clone(corpus, dir, scale);
        long t0 = System.nanoTime();
        PassageIndex big = PassageIndex.build(Corpus.load(dir), synonyms);
        String build = ms(System.nanoTime() - t0);
        report(out, scale + "x", big, build);
        System.gc();
        Runtime rt = Runtime.getRuntime();
        out.printf(Locale.ROOT, "heap in use after GC with the %dx index loaded: %d MB (max heap %d MB)%n", scale,
            (rt.totalMemory() - rt.freeMemory()) >> 20, rt.maxMemory() >> 20);
        big.close();
      } finally {
        try (Stream<Path> files = Files.walk(dir)) {
          files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
      }
    }
    out.flush();
    return 0;
  }

  /** @return the median answer time, in nanoseconds */
  private long report(PrintWriter out, String name, PassageIndex index, String build) {
    Answerer answerer = new Answerer(index);
    // warm up the JIT on other questions than the ones timed
    for (String q : questions(index.corpus(), 5000, 7)) {
      answerer.answerUncached(q);
    }
    List<String> qs = questions(index.corpus(), questions, 42);
    long[] t = new long[qs.size()];
    for (int i = 0; i < qs.size(); i++) {
      long t0 = System.nanoTime();
      answerer.answerUncached(qs.get(i)); // the cache would hide the work a new question costs
      t[i] = System.nanoTime() - t0;
    }
    Arrays.sort(t);
    out.printf(Locale.ROOT, "%-10s %6d %9d %10d %10s %9s %9s %9s %9s%n", name, index.corpus().documents().size(),
        index.corpus().passages().size(), index.size(), build, ms(pct(t, 50)), ms(pct(t, 90)), ms(pct(t, 99)), ms(t[t.length - 1]));
    out.flush();
    return pct(t, 50);
  }

  /**
   * Times questions written to be expensive, of each kind, against the median of the ones above: what the reading
   * limits bound (see {@link com.scopebot.answer.Reading}).
   */
  private void hostile(PrintWriter out, PassageIndex index, long typicalMedian) {
    Answerer answerer = new Answerer(index);
    HostileQuestions questions = new HostileQuestions(index.corpus(), 3);
    out.printf(Locale.ROOT, "%nquestions of %d characters written to be expensive (%d of each kind), bundled corpus:%n",
        Answerer.MAX_QUESTION_CHARS, hostile);
    out.printf(Locale.ROOT, "%-10s %9s %9s %9s %16s%n", "kind", "p50 ms", "p99 ms", "max ms", "p50 / typical p50");
    for (HostileQuestions.Kind kind : HostileQuestions.Kind.values()) {
      for (int i = 0; i < hostile / 5; i++) {
        answerer.answerUncached(questions.next(kind, Answerer.MAX_QUESTION_CHARS)); // warm up
      }
      long[] t = new long[hostile];
      for (int i = 0; i < t.length; i++) {
        String q = questions.next(kind, Answerer.MAX_QUESTION_CHARS);
        long t0 = System.nanoTime();
        answerer.answerUncached(q);
        t[i] = System.nanoTime() - t0;
      }
      Arrays.sort(t);
      out.printf(Locale.ROOT, "%-10s %9s %9s %9s %15.1fx%n", kind.name().toLowerCase(Locale.ROOT), ms(pct(t, 50)),
          ms(pct(t, 99)), ms(t[t.length - 1]), (double) pct(t, 50) / typicalMedian);
    }
    out.println();
    out.flush();
  }

  /** Questions made from the corpus's own passages, with a few that no document answers. */
  static List<String> questions(Corpus corpus, int n, long seed) {
    Random random = new Random(seed);
    List<Passage> passages = corpus.passages();
    List<String> qs = new ArrayList<>(n);
    String[] unanswerable = {"What's the forecast for tomorrow?", "AD FS AND (", "*:*", "a~~~", ""};
    for (int i = 0; i < n; i++) {
      if (i % 20 == 0) {
        qs.add(unanswerable[(i / 20) % unanswerable.length]);
        continue;
      }
      String[] words = passages.get(random.nextInt(passages.size())).text().split("\\s+");
      int len = Math.min(words.length, 2 + random.nextInt(5));
      int from = random.nextInt(words.length - len + 1);
      String topic = String.join(" ", Arrays.asList(words).subList(from, from + len));
      qs.add(String.format(Locale.ROOT, TEMPLATES[random.nextInt(TEMPLATES.length)], topic));
    }
    return qs;
  }

  /** Writes {@code copies} clones of every Markdown document, each with its own file name and asset id. */
  static void clone(Path from, Path to, int copies) throws IOException {
    List<Path> docs;
    try (Stream<Path> s = Files.list(from)) {
      docs = s.filter(p -> p.toString().endsWith(".md")).sorted().toList();
    }
    for (Path doc : docs) {
      String text = Files.readString(doc, StandardCharsets.UTF_8);
      String base = doc.getFileName().toString().replaceFirst("\\.md$", "");
      for (int i = 0; i < copies; i++) {
        String clone = text.replaceFirst("(?m)^ms\\.assetid:.*$", "ms.assetid: bench-" + base + "-" + i);
        Files.writeString(to.resolve(base + "-copy" + i + ".md"), clone, StandardCharsets.UTF_8);
      }
    }
  }

  private static long pct(long[] sorted, int p) {
    return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
  }

  private static String ms(long nanos) {
    return String.format(Locale.ROOT, "%.3f", nanos / 1e6);
  }
}

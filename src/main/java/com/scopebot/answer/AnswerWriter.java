package com.scopebot.answer;

import com.scopebot.answer.Ranking.Ranked;
import com.scopebot.corpus.Condition;
import com.scopebot.corpus.Document;
import com.scopebot.corpus.Holder;
import com.scopebot.corpus.Limit;
import com.scopebot.corpus.Passage;
import com.scopebot.corpus.Statement;
import com.scopebot.corpus.Statements;
import com.scopebot.history.Change;
import com.scopebot.history.History;
import com.scopebot.history.Lineage;
import com.scopebot.history.Version;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiPredicate;

/** Writes what reasoning concluded: the answer's sentence, its history note, and the explanation of the verdict. */
final class AnswerWriter {

  static final int EXPLAIN_TOP = 8;

  private AnswerWriter() {}

  /** The answer's text: the verdict in words, the limits it holds under, and any disagreement between documents. */
  /**
   * The passage's section path as an answer names it: quoted when a heading is itself a question ("What is FastTrack
   * for Dynamics 365?"), so that its question mark does not end the answer's sentence.
   */
  private static String where(Passage p) {
    String trail = String.join(" \u203a ", p.section());
    return trail.contains("?") || trail.contains("!") ? "\u201c" + trail + "\u201d" : trail;
  }

  /** Why it is out of scope: the limit asked beyond, the customer's duty FastTrack was asked to do, or the exclusion. */
  private static String outOfScope(Statement s, Passage p, String beyond) {
    if (beyond != null) {
      return "No — out of scope. " + beyond;
    }
    if (!s.polarity().excludes() && s.holder() == Holder.CUSTOMER) {
      return "No — FastTrack doesn't do this; it is the customer's responsibility ("
          + (s.subjectHolder() ? "the document says so of the customer" : where(p)) + ").";
    }
    // a clause carved out of a grant starts in lower case: "except for configuring ..."
    return "No — out of scope. " + (Character.isLowerCase(s.text().charAt(0))
        ? "The documents carve it out: \u201c" + s.text() + "\u201d" : s.text());
  }

  static String compose(Reasoning.Outcome o) {
    Verdict verdict = o.verdict();
    Ranked best = o.best();
    List<Ranked> cited = o.cited();
    Ranked other = o.other();
    String beyond = o.beyond();
    Passage p = best.passage();
    Statement s = best.statement();
    boolean differ = other != null;
    StringBuilder sb = new StringBuilder();
    switch (verdict) {
      case OUT_OF_SCOPE -> sb.append(outOfScope(s, p, beyond));
      case IN_SCOPE -> sb.append(beyond != null ? "Yes — " + beyond : unsettled(s)
          .map(c -> "Yes, if the documents' condition holds (\u201c" + c + "\u201d)").orElse("Yes")).append(beyond != null
          ? "" : s.guidance()
          ? " — FastTrack provides guidance on this."
          : " — this is part of the FastTrack benefit.");
      case CUSTOMER -> {
        String step = Statements.customerStep(s.text()); // lower case, with its comma
        if (s.polarity().excludes() && s.holder() != Holder.CUSTOMER) {
          sb.append("The customer's: FastTrack doesn't do this — the documents exclude it (")
              .append(where(p)).append(").");
        } else if (s.holder() != Holder.CUSTOMER && !s.limits(Limit.Kind.PREREQUISITE).isEmpty()) {
          sb.append("The customer brings this: FastTrack's part requires it (“")
              .append(s.limits(Limit.Kind.PREREQUISITE).get(0).phrase()).append("”).");
        } else if (s.holder() != Holder.CUSTOMER && !step.isEmpty()) {
          sb.append("The customer's step: the documents put it on you (“")
              .append(s.text().strip(), 0, step.length() - 1) // as written
              .append("”); FastTrack's part comes after it (").append(where(p)).append(").");
        } else {
          sb.append("This is the customer's responsibility (")
              .append(s.subjectHolder() ? "the document says so of the customer" : where(p))
              .append(").");
        }
      }
      case MICROSOFT -> sb.append("This is FastTrack's (Microsoft's) responsibility (")
          .append(where(p)).append(").");
      case SHARED -> sb.append(differ && WhoAnswers.holdersDiffer(cited)
          ? "Shared — the documents assign it to different sides; see both citations."
          : s.joint() ? "Shared — the documents say FastTrack and the customer do it together."
          : "Shared — FastTrack provides guidance; the customer does the work.");
      case INFO -> {
        sb.append(s.text());
        if (!p.items().isEmpty() && s.text().endsWith(":")) {
          sb.append(' ').append(String.join("; ", p.items()));
        }
      }
      default -> sb.append("The documents don't say.");
    }
    if (verdict == Verdict.IN_SCOPE || verdict == Verdict.SHARED || verdict == Verdict.MICROSOFT) {
      List<String> limits = new ArrayList<>(limits(s));
      if (verdict == Verdict.IN_SCOPE) {
        unsettled(s).ifPresent(c -> limits.remove("only if " + c)); // said already: "Yes, if ..."
        unsettled(s).ifPresent(limits::remove);
      }
      if (!limits.isEmpty()) {
        sb.append(" Limits: ").append(String.join("; ", limits)).append('.');
      }
    }
    if (verdict == Verdict.IN_SCOPE) {
      // a cited statement that excludes part of it ("for all multiple forest configurations ... out of scope")
      cited.stream().skip(1).filter(c -> c.statement().polarity().excludes()).findFirst()
          .ifPresent(limit -> sb.append(" But not everything: “").append(limit.statement().text()).append("”"));
    }
    if (beyond != null && !o.bestInForce()) {
      // the limit is no longer stated: the answer must not read as if the documents in force still set it
      sb.append(" That limit is stated in the ").append(p.document().revision()).append(" revision of \u201c")
          .append(p.document().title()).append("\u201d, which has since been superseded.");
    }
    if (differ) {
      sb.append(" Sources differ: ").append(describe(p.document())).append(" and ")
          .append(describe(other.passage().document())).append(" do not say the same; both are cited.");
    }
    return sb.toString().trim();
  }

  /**
   * A condition the grant depends on that the question did not settle ("only if there are forest trusts", "at least
   * 150 licenses"): the answer is a yes on that condition, never a bare yes. (A question that settles it against the
   * grant is answered by {@link Inference#beyond} before this.)
   */
  private static Optional<String> unsettled(Statement s) {
    return s.limits().stream().filter(l -> l.kind() == Limit.Kind.CONDITION || l.kind() == Limit.Kind.MIN_COUNT)
        .map(Limit::phrase).findFirst();
  }

  private static String describe(Document d) {
    return "\"" + d.title() + "\" (" + d.revision() + (d.current() ? "" : ", superseded") + ")";
  }

  /** The limits and conditions a statement states, as written. */
  private static List<String> limits(Statement s) {
    Set<String> out = new LinkedHashSet<>();
    for (Condition c : s.conditions().isEmpty() ? List.<Condition>of() : s.conditions()) {
      if (c.isForest()) {
        out.add(c.phrase());
      } else if (c == Condition.IF_REQUIRED || c == Condition.WHEN_APPLICABLE) {
        out.add(c.phrase());
      }
    }
    for (Limit l : s.limits()) {
      out.add(l.kind() == Limit.Kind.CONDITION ? "only if " + l.phrase() : l.phrase());
    }
    return new ArrayList<>(out);
  }

  /** Why the verdict, in one line of the explanation: how the best statement reads and what decided it. */
  static String reason(Reasoning.Outcome o) {
    Statement s = o.best().statement();
    String base = "best statement: holder " + s.holder().name().toLowerCase(Locale.ROOT)
        + (s.subjectHolder() ? " (its own subject)" : " (its section)") + ", polarity "
        + s.polarity().name().toLowerCase(Locale.ROOT) + (s.guidance() ? ", guidance" : "");
    if (o.beyond() != null) {
      return base + (o.verdict() == Verdict.IN_SCOPE ? "; a limit spares the case: " : "; the question asks beyond a limit: ")
          + o.beyond();
    }
    return base + (o.differ() ? "; another document disagrees" : "") + " → " + o.verdict().wire();
  }

  /** Ranking's features by name, rounded, leaving out those that are 0. */
  private static Map<String, Double> named(double[] features) {
    Map<String, Double> out = new LinkedHashMap<>();
    for (int i = 0; i < features.length; i++) {
      if (features[i] != 0) {
        out.put(RankWeights.NAMES.get(i), round(features[i]));
      }
    }
    return out;
  }

  /** How the question was read and the best-ranked statements with their scores, with the reason given. */
  static Explain explanation(Question q, List<Ranked> ranked, String reason) {
    List<Explain.Scored> top = ranked.stream().limit(EXPLAIN_TOP).map(r -> new Explain.Scored(r.statement().text(),
        r.passage().document().file(), r.passage().line(), round(r.score()), round(r.coverage()),
        r.statement().holder().name().toLowerCase(Locale.ROOT), r.statement().polarity().name().toLowerCase(Locale.ROOT),
        r.statement().limits().stream().map(l -> l.kind().name().toLowerCase(Locale.ROOT) + ": " + l.phrase()).toList(),
        r.statement().kind().name().toLowerCase(Locale.ROOT), named(r.features())))
        .toList();
    Map<String, Double> topic = new LinkedHashMap<>();
    q.topic().forEach((t, b) -> topic.put(t, round(b)));
    return new Explain(q.ask(), q.intent(), topic, q.unknown(), q.absent(), q.corrections(), q.synonyms(), top, reason,
        q.reading());
  }

  /**
   * The answer saying, in one line, how its first cited statement read before it last changed ("Changed in the 2018-12
   * revision; the 2018-03 revision said: …"), with the statement's earlier revisions; the answer itself when it never
   * changed.
   */
  static Answer withHistory(Answer a, Ranked best, History history, BiPredicate<String, String> sameMeaning) {
    Lineage lineage = history.of(best.passage(), best.statement());
    // a rewording counts when its meaning changed: not spaces, punctuation, case or a product renamed (the synonyms)
    List<Change> meant = lineage.changes().stream().filter(c -> c.kind() != Change.Kind.UNCHANGED
        && !(c.reworded() && c.before() != null && c.after() != null
            && sameMeaning.test(c.before().statement().text(), c.after().statement().text()))).toList();
    // the rewording that changed most words says most about what was promised before ("One integrated application")
    Optional<Change> reworded = meant.stream().filter(Change::reworded)
        .max(Comparator.comparingInt(AnswerWriter::wordsChanged));
    if (meant.isEmpty()) {
      return a;
    }
    List<HistoryStep> steps = new ArrayList<>();
    for (Change c : lineage.changes()) {
      Version before = c.before();
      Document older = c.older();
      steps.add(new HistoryStep(c.kind().wire(), older.revision(), older.file(),
          before == null ? "" : before.statement().text(),
          before == null ? older.permalink(1).replaceAll("#L1$", "") : before.passage().url()));
    }
    String said;
    if (reworded.isPresent() && reworded.get().before() != null) {
      Change c = reworded.get();
      said = "Changed in the " + c.newer().revision() + " revision; the " + c.older().revision() + " revision said: \u201c"
          + c.before().statement().text() + "\u201d";
    } else {
      Document since = lineage.since();
      said = since.equals(best.passage().document()) ? "" : "New in the " + since.revision() + " revision.";
    }
    return said.isEmpty() ? a : a.withHistory(steps, said);
  }

  private static int wordsChanged(Change c) {
    return c.diff().stream().filter(r -> r.op() != com.scopebot.history.WordDiff.Op.EQUAL)
        .mapToInt(r -> r.text().split("\\s+").length).sum();
  }

  /** Rounded to two decimals, as scores and confidences are shown. */
  static double round(double v) {
    return Math.round(v * 100) / 100.0;
  }
}

package com.scopebot.history;

import com.scopebot.corpus.Document;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The people's rendering of a {@link ChangesReport} on a terminal. */
public final class ChangesText {

  private ChangesText() {}

  public static String render(ChangesReport report) {
    StringBuilder sb = new StringBuilder();
    if (report.families().isEmpty()) {
      return "No document of the corpus has earlier revisions: nothing changed.\n";
    }
    for (Family f : report.families()) {
      if (!sb.isEmpty()) {
        sb.append('\n');
      }
      family(sb, report, f);
    }
    return sb.toString();
  }

  private static void family(StringBuilder sb, ChangesReport report, Family f) {
    sb.append(f.current().title()).append(" — ").append(f.revisions().size())
        .append(f.revisions().size() == 1 ? " revision: " : " revisions: ")
        .append(f.revisions().stream().map(d -> d.revision() + " (" + d.file() + ")").collect(Collectors.joining(", ")))
        .append('\n');
    if (f.revisions().size() == 1) {
      sb.append("It has no earlier revision: nothing changed.\n");
      return;
    }
    List<ChangesReport.Step> steps = report.steps(f);
    if (steps.isEmpty()) {
      sb.append("No revision after ").append(report.since()).append(": nothing changed since.\n");
    }
    for (ChangesReport.Step step : steps) {
      sb.append('\n').append(step.older().revision()).append(" → ").append(step.newer().revision()).append(": ")
          .append(ChangesReport.KINDS.stream().map(k -> step.count(k) + " " + k.wire())
              .collect(Collectors.joining(", ")))
          .append('\n');
      revision(sb, "was", step.older());
      revision(sb, "now", step.newer());
      for (Map.Entry<List<String>, List<Change>> section : step.sections().entrySet()) {
        sb.append("\n  ").append(ChangesReport.heading(section.getKey(), step.newer())).append('\n');
        for (Change c : section.getValue()) {
          change(sb, c);
        }
      }
    }
  }

  private static void revision(StringBuilder sb, String label, Document d) {
    sb.append("  ").append(label).append(": ").append(d.title()).append(" (").append(d.file()).append(')');
    if (!d.permalinkBase().isEmpty()) {
      sb.append("  ").append(d.permalinkBase());
    }
    sb.append('\n');
  }

  private static void change(StringBuilder sb, Change c) {
    String mark = switch (c.kind()) {
      case ADDED -> "+ added";
      case REMOVED -> "- removed";
      case REWORDED -> "~ reworded";
      case MOVED -> "→ moved from " + ChangesReport.heading(c.before().section(), c.older());
      case UNCHANGED -> "= unchanged";
    };
    sb.append("    ").append(mark).append(": ").append(c.reworded() ? c.rendered() : c.text()).append('\n');
    side(sb, c.older(), c.before(), "not in");
    side(sb, c.newer(), c.after(), "gone from");
  }

  /** Where a statement stands in one revision, or that revision's link when it is not there. */
  private static void side(StringBuilder sb, Document revision, Version v, String absent) {
    sb.append("        ");
    if (v == null) {
      sb.append(absent).append(' ').append(revision.revision());
      if (!revision.permalinkBase().isEmpty()) {
        sb.append(": ").append(revision.permalinkBase());
      }
    } else {
      sb.append(revision.revision()).append(", line ").append(v.line());
      sb.append(v.url().isEmpty() ? " of " + revision.file() : ": " + v.url());
    }
    sb.append('\n');
  }
}

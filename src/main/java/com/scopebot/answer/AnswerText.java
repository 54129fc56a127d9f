package com.scopebot.answer;

/** The people's rendering of an answer on a terminal: the verdict first, then each quote and where it stands. */
public final class AnswerText {

  private AnswerText() {}

  public static String render(Answer a) {
    StringBuilder sb = new StringBuilder();
    if (a.changes() != null) {
      return a.answer() + "\nEvery change, with both revisions' links: scopebot changes\n";
    }
    if (a.smallTalk() != null) {
      return a.answer() + "\n"; // not a scope verdict: no verdict line
    }
    sb.append(a.verdict().emoji()).append(' ').append(a.verdict().label()).append('\n');
    sb.append(a.answer()).append('\n');
    int i = 1;
    for (Citation c : a.citations()) {
      quote(sb, "[" + i++ + "]", c);
    }
    if (!a.closest().isEmpty()) {
      sb.append("\nClosest I found:\n");
      for (Citation c : a.closest()) {
        quote(sb, "-", c);
      }
    }
    return sb.toString();
  }

  /**
   * The answer in plain words, as notifications and screen readers say a message: a verdict first ("✅ In scope: …"); a
   * reply that is no verdict (a greeting, help, what changed, a question too long) says what it is in its first words.
   */
  public static String headline(Answer a) {
    return a.smallTalk() != null ? a.answer() : a.verdict().emoji() + " " + a.verdict().label() + ": " + a.answer();
  }

  /** How the question was read and why the verdict, for administrators. */
  public static String explain(Explain e) {
    StringBuilder sb = new StringBuilder("\nHow I read it\n");
    sb.append("  intent:      ").append(e.intent().name().toLowerCase(java.util.Locale.ROOT)).append('\n');
    sb.append("  asking:      ").append(String.join(" | ", e.ask())).append('\n');
    sb.append("  topic:       ").append(e.topic()).append('\n');
    if (e.reading().cut()) {
      sb.append("  long:        ").append(e.reading().describe()).append('\n');
    }
    if (!e.corrections().isEmpty()) {
      sb.append("  corrected:   ").append(String.join(", ", e.corrections())).append('\n');
    }
    if (!e.synonyms().isEmpty()) {
      sb.append("  names:       ").append(String.join(", ", e.synonyms())).append('\n');
    }
    if (!e.unknown().isEmpty()) {
      sb.append("  not in docs: ").append(String.join(", ", e.unknown())).append('\n');
    }
    sb.append("Top statements\n");
    for (Explain.Scored s : e.top()) {
      sb.append(String.format(java.util.Locale.ROOT, "  %.2f (covers %.0f%%) %s:%d [%s, %s, %s%s] %s%n", s.score(),
          s.coverage() * 100, s.document(), s.line(), s.kind(), s.holder(), s.polarity(),
          s.limits().isEmpty() ? "" : "; " + String.join("; ", s.limits()), s.statement()));
    }
    sb.append("Why: ").append(e.reason()).append('\n');
    return sb.toString();
  }

  private static void quote(StringBuilder sb, String mark, Citation c) {
    sb.append('\n').append(mark).append(" “").append(c.quote()).append("”\n");
    sb.append("    ").append(c.trail()).append(c.current() ? "" : " — superseded revision").append('\n');
    if (!c.url().isEmpty()) {
      sb.append("    ").append(c.url()).append('\n');
    }
  }
}

package com.scopebot.answer;

/** The people's rendering of an answer on a terminal: the verdict first, then each quote and where it stands. */
public final class AnswerText {

  private AnswerText() {}

  public static String render(Answer a) {
    StringBuilder sb = new StringBuilder();
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

  private static void quote(StringBuilder sb, String mark, Citation c) {
    sb.append('\n').append(mark).append(" “").append(c.quote()).append("”\n");
    sb.append("    ").append(c.trail()).append(c.current() ? "" : " — superseded revision").append('\n');
    if (!c.url().isEmpty()) {
      sb.append("    ").append(c.url()).append('\n');
    }
  }
}

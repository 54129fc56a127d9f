package com.scopebot.answer;

import java.util.List;

/**
 * A claim laid out for a dispute: every statement for and against it, across documents and revisions, grouped by the
 * verdict each supports, newest first, with the answer in force today and a one-line summary.
 *
 * @param claim the claim as given ("FastTrack will deploy AD FS for our two forests")
 * @param answer the answer from the revisions in force on the date the claim names ("when we bought in spring
 *     2018"), else today
 * @param summary one line: how many statements support each verdict, and the newest of each
 * @param sides the statements grouped by the verdict they support, the answer's verdict first
 */
public record Dispute(String claim, Answer answer, String summary, List<Side> sides) {

  public Dispute {
    sides = List.copyOf(sides);
  }

  /**
   * The statements that support one verdict.
   *
   * @param verdict what they support
   * @param evidence the statements, newest revision first
   */
  public record Side(Verdict verdict, List<Evidence> evidence) {
    public Side {
      evidence = List.copyOf(evidence);
    }
  }

  /**
   * One statement as evidence.
   *
   * @param statement the statement's words
   * @param citation its passage, cited as answers cite (document, title, section, revision, line, link)
   * @param why what in the statement makes it support its verdict
   */
  public record Evidence(String statement, Citation citation, String why) {}
}

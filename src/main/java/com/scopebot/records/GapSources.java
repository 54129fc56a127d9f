package com.scopebot.records;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The gap sources of the answer store's own tables: unknown answers ({@code answer_record}), 👎
 * ({@code answer_feedback}) and hand-offs to the experts ({@code answer_handoff}). Each reads newest first up to the query's limit, on the indexes of {@code created_at}.
 */
public final class GapSources {

  /**
   * Rows fetched at a time: PostgreSQL's driver otherwise holds every row of a result (each with its answer's JSON)
   * in memory at once. It honours this only inside a transaction, which {@link AnswerStore#gaps} opens.
   */
  static final int FETCH_SIZE = 500;

  private GapSources() {}

  /**
   * Answers whose verdict was unknown, at the record's time and channel. Answers asked again after a new revision
   * (channel {@code reanswer}, see {@code Reanswering}) are the bot's own, not a person's question: left out.
   */
  public static final GapSource UNKNOWN_ANSWERS = new Sql(GapOutcome.UNKNOWN,
      "SELECT r.id, r.created_at, r.channel, r.user_hash, r.question, '', c.answer_json"
          + " FROM answer_record r JOIN answer_content c ON c.content_id = r.content_id",
      "r.verdict = 'unknown' AND r.channel <> 'reanswer'", "r.channel", "r.created_at");

  /** 👎 with their reasons, at the feedback's time and channel (where it was given). */
  public static final GapSource THUMBS_DOWN = new Sql(GapOutcome.THUMBS_DOWN,
      "SELECT f.answer_id, f.created_at, f.channel, f.user_hash, r.question, f.reason, c.answer_json"
          + " FROM answer_feedback f JOIN answer_record r ON r.id = f.answer_id"
          + " JOIN answer_content c ON c.content_id = r.content_id",
      "f.helpful = 0", "f.channel", "f.created_at");

  /**
   * Questions handed to the experts ({@code answer_handoff}), at the hand-off's time, on the channel they were asked
   * on; the reason is its cause and status ("button, answered"). A claim not yet posted is no hand-off.
   */
  public static final GapSource HANDOFFS = new Sql(GapOutcome.HANDOFF,
      "SELECT h.answer_id, h.created_at, r.channel, r.user_hash, r.question, h.cause || ', ' || h.status,"
          + " c.answer_json FROM answer_handoff h JOIN answer_record r ON r.id = h.answer_id"
          + " JOIN answer_content c ON c.content_id = r.content_id",
      "h.status <> 'posting'", "r.channel", "h.created_at");

  /** Every source the store holds, read by each gaps report. */
  public static final List<GapSource> STORED = List.of(UNKNOWN_ANSWERS, THUMBS_DOWN, HANDOFFS);

  /**
   * A source that is one SELECT of seven columns: answer id, time, channel, user hash, question, reason, answer JSON.
   * Its own condition (or null), the period's and the channel's, and the order are added here. A table of another
   * kind of gap that can be read so (joined to its answer's record and content) is one more constant.
   *
   * @param select the SELECT and its FROM, without WHERE
   * @param condition what makes a row a gap ({@code f.helpful = 0}), or null for every row
   * @param channelColumn the column the channel filter compares
   * @param timeColumn the column of the gap's time (ISO instant), which the period bounds and the order follow
   */
  record Sql(GapOutcome outcome, String select, String condition, String channelColumn, String timeColumn)
      implements GapSource {

    @Override
    public int read(Connection c, GapQuery query, int timeoutSeconds, Consumer<GapEvent> each) throws SQLException {
      List<String> conditions = new ArrayList<>();
      List<String> values = new ArrayList<>();
      if (condition != null) {
        conditions.add(condition);
      }
      if (query.from() != null) {
        conditions.add(timeColumn + " >= ?");
        values.add(query.fromKey());
      }
      if (query.to() != null) {
        conditions.add(timeColumn + " < ?");
        values.add(query.toKey());
      }
      if (query.channel() != null) {
        conditions.add(channelColumn + " = ?");
        values.add(query.channel());
      }
      String sql = select + (conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions))
          + " ORDER BY " + timeColumn + " DESC LIMIT " + query.limit();
      int n = 0;
      try (PreparedStatement q = c.prepareStatement(sql)) {
        q.setQueryTimeout(timeoutSeconds);
        q.setFetchSize(FETCH_SIZE);
        for (int i = 0; i < values.size(); i++) {
          q.setString(i + 1, values.get(i));
        }
        try (ResultSet rs = q.executeQuery()) {
          while (rs.next()) {
            each.accept(new GapEvent(outcome, rs.getString(2), rs.getString(1), rs.getString(3), rs.getString(4),
                rs.getString(5), rs.getString(6), rs.getString(7)));
            n++;
          }
        }
      }
      return n;
    }
  }
}

package com.scopebot.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.scopebot.Fixtures;
import com.scopebot.cli.MainTest.Run;
import com.scopebot.records.AnswerStore;
import com.scopebot.service.GapsFixture;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code gaps}: what the documents' owners read, from the records a server kept (see {@link GapsFixture}). */
class GapsCommandTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String BUNDLED = Path.of("index-data", "corpus").toString();

  @TempDir static Path data;

  @BeforeAll
  static void fill() throws Exception {
    try (AnswerStore store = AnswerStore.sqlite(data, "cli-salt")) {
      GapsFixture.fill(store, Fixtures.bundled());
    }
  }

  private static Run gaps(String... args) {
    String[] all = new String[args.length + 5];
    all[0] = "gaps";
    all[1] = "--corpus";
    all[2] = BUNDLED;
    all[3] = "--data-dir";
    all[4] = data.toString();
    System.arraycopy(args, 0, all, 5, args.length);
    return MainTest.run(all);
  }

  @Test
  void groupsTheRecordedGapsByTopicAndSectionLargestFirst() {
    Run r = gaps();
    assertEquals(0, r.exit(), r.err());
    String out = r.out();
    assertTrue(out.startsWith("Gaps since the first record, every channel: 10 handoff, 40 thumbs_down, 200 unknown\n"), out);
    assertTrue(out.contains("""

        By topic
          120  sentinel
               120 unknown; first 2026-11-01T00:00:00Z, last 2026-11-05T23:00:00Z
               - "Is Sentinel in scope?" (unknown, web, 2026-11-05T23:00:00Z, answer """), out);
    assertTrue(out.contains("""
           80  lotu mail migrat note
               80 unknown; first 2026-11-09T08:00:00Z, last 2026-11-12T15:00:00Z
        """), out);
    assertTrue(out.contains("   50  adf multiforest\n       10 handoff, 40 thumbs_down; first 2026-11-17T16:10:00Z"), out);
    assertTrue(out.contains(": \"" + GapsFixture.REASON + "\"\n"), "a 👎's reason beside its question: " + out);
    assertTrue(out.contains("""

        By nearest document section
          120  (no passage near)
        """), out);
    assertTrue(out.contains(
        "   50  FastTrack responsibilities › Enable phase (ems-fasttrack-responsibilities-2018-12.md)"), out);
  }

  @Test
  void filtersByPeriodAndChannelAndPrintsJsonOrCsv() throws Exception {
    Run r = gaps("--json", "--channel", "teams", "--from", "2026-11-18", "--to", "2026-11-18");
    assertEquals(0, r.exit(), r.err());
    JsonNode report = JSON.readTree(r.out());
    assertEquals("teams", report.get("channel").asText());
    assertEquals(0, report.get("totals").get("unknown").asInt());
    // the 👎 given on 2026-11-18: those on answers 8..31 of the AD FS series (hours 408..431, 10 minutes later)
    assertEquals(24, report.get("totals").get("thumbs_down").asInt());
    Run csv = gaps("--csv", "--limit", "10");
    assertEquals(0, csv.exit(), csv.err());
    assertTrue(csv.out().startsWith("\"grouping\",\"topic_or_section\",\"document\",\"count\""), csv.out());
  }

  @Test
  void saysWhatIsWrongWithoutAStackTrace(@TempDir Path empty) {
    Run none = MainTest.run("gaps", "--corpus", BUNDLED, "--data-dir", empty.toString());
    assertEquals(2, none.exit());
    assertEquals("error: no answer records at " + empty.resolve("answers.db") + ": point --data-dir or"
        + " SCOPEBOT_DATA_DIR at the server's data folder, or SCOPEBOT_JDBC_URL at its database\n", none.err());
    Run channel = gaps("--channel", "fax");
    assertEquals(2, channel.exit());
    assertEquals("error: \"channel\" must be one of web, api, slack, teams, cli, got \"fax\"\n", channel.err());
    Run period = gaps("--from", "2026-11-10", "--to", "2026-11-01");
    assertEquals(2, period.exit());
    assertEquals("error: \"from\" must not be after \"to\", got 2026-11-10 and 2026-11-01\n", period.err());
  }
}

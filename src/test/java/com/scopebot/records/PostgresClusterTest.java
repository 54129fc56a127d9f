package com.scopebot.records;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The faults the store's tests inject are real: a paused cluster answers nothing, a restart cuts connections. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class PostgresClusterTest {

  private final PostgresCluster pg = PostgresCluster.shared();
  private final String url = pg.jdbcUrl(pg.createDatabase()) + "&connectTimeout=1&socketTimeout=1";

  @AfterEach
  void wake() {
    pg.resume();
  }

  @Test
  void aPausedClusterAnswersNoQueryAndNoNewConnectionUntilResumed() throws Exception {
    try (Connection open = DriverManager.getConnection(url)) {
      pg.pause();
      long start = System.nanoTime();
      assertThrows(SQLException.class, () -> selectOne(open), "a query on an open connection hangs");
      long waited = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
      assertTrue(waited >= 900, "the query failed after " + waited + " ms, not by the 1 s socket timeout");
      assertThrows(SQLException.class, () -> DriverManager.getConnection(url).close(), "a new connection hangs");
      pg.resume();
    }
    try (Connection fresh = DriverManager.getConnection(url)) {
      selectOne(fresh);
    }
  }

  @Test
  void aRestartCutsOpenConnectionsAndAcceptsNewOnesWhenItReturns() throws Exception {
    try (Connection open = DriverManager.getConnection(url)) {
      selectOne(open);
      pg.restart();
      assertThrows(SQLException.class, () -> selectOne(open));
    }
    try (Connection fresh = DriverManager.getConnection(url)) {
      selectOne(fresh);
    }
  }

  private static void selectOne(Connection c) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute("SELECT 1");
    }
  }
}

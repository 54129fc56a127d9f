package com.scopebot.records;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/** The answer store's connection pool: HikariCP, with every wait on the database bounded by the store's timeout. */
final class Pools {

  /** HikariCP's smallest connection and validation timeouts. */
  private static final int HIKARI_MIN_MILLIS = 250;

  private Pools() {}

  static HikariDataSource open(StoreSettings s) {
    HikariConfig h = new HikariConfig();
    h.setPoolName("scopebot-store");
    h.setJdbcUrl(s.jdbcUrl());
    if (s.user() != null) {
      h.setUsername(s.user());
    }
    if (s.password() != null) {
      h.setPassword(s.password());
    }
    h.setMaximumPoolSize(s.poolSize());
    int timeout = Math.max(HIKARI_MIN_MILLIS, s.timeoutMillis());
    // the longest a caller waits for a connection, free or new: a hung database blocks nobody longer than this
    h.setConnectionTimeout(timeout);
    h.setValidationTimeout(Math.max(HIKARI_MIN_MILLIS, Math.min(timeout, 1000)));
    // start even while the database is away; the first use says what is wrong, and the pool connects once it is back
    h.setInitializationFailTimeout(-1);
    int seconds = (s.timeoutMillis() + 999) / 1000; // the PostgreSQL driver counts these in whole seconds
    if (s.sqlite()) {
      // WAL: readers never block the writer; NORMAL: a commit survives a crash of the process, not of the machine
      h.addDataSourceProperty("journal_mode", "WAL");
      h.addDataSourceProperty("synchronous", "NORMAL");
      // a writer waiting on another connection's write lock gives up after the timeout instead of at once
      h.addDataSourceProperty("busy_timeout", Integer.toString(s.timeoutMillis()));
    } else if (s.jdbcUrl().startsWith("jdbc:postgresql:")) {
      h.addDataSourceProperty("connectTimeout", Integer.toString(seconds));
      h.addDataSourceProperty("loginTimeout", Integer.toString(seconds));
      // a stopped server sends nothing: the socket read gives up, the connection is dropped and replaced
      h.addDataSourceProperty("socketTimeout", Integer.toString(seconds));
      h.addDataSourceProperty("options", "-c statement_timeout=" + s.timeoutMillis());
      h.addDataSourceProperty("tcpKeepAlive", "true");
      // errors then leave out the statement's values (questions people typed), which the pool logs on a failure
      h.addDataSourceProperty("logServerErrorDetail", "false");
    }
    return new HikariDataSource(h);
  }
}

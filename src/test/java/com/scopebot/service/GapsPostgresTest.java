package com.scopebot.service;

import com.scopebot.records.AnswerStore;
import com.scopebot.records.PostgresCluster;
import com.scopebot.records.StoreSettings;
import java.nio.file.Path;

/** The same report read from PostgreSQL, the store replicas share. */
class GapsPostgresTest extends GapsTest {

  @Override
  AnswerStore open(Path dir) throws Exception {
    PostgresCluster pg = PostgresCluster.shared();
    return AnswerStore.open(new StoreSettings(pg.jdbcUrl(pg.createDatabase()), null, null, 4, 5000, "gaps-test-salt"));
  }
}

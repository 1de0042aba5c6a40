package dev.indexlab.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/** Builds the HikariCP pools that every part of indexlab uses to talk to PostgreSQL. */
public final class Pools {
  private Pools() {}

  /**
   * A pool of at most {@code size} connections to {@code spec}. Statements are prepared server-side
   * from the first execution (prepareThreshold=1), as an application's would be after warm-up. The
   * caller closes the pool.
   */
  public static HikariDataSource open(ConnectionSpec spec, int size, String name) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(spec.jdbcUrl());
    config.setDataSourceProperties(spec.properties());
    config.addDataSourceProperty("prepareThreshold", "1");
    config.setPoolName("indexlab-" + name);
    config.setMaximumPoolSize(Math.max(1, size));
    config.setMinimumIdle(0);
    config.setConnectionTimeout(15_000);
    config.setInitializationFailTimeout(-1);
    config.setAutoCommit(true);
    return new HikariDataSource(config);
  }
}

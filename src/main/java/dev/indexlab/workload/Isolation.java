package dev.indexlab.workload;

import java.sql.Connection;
import java.util.Locale;

/** The transaction isolation level a route runs at, as the application set it. */
public enum Isolation {
  READ_COMMITTED(Connection.TRANSACTION_READ_COMMITTED),
  REPEATABLE_READ(Connection.TRANSACTION_REPEATABLE_READ),
  SERIALIZABLE(Connection.TRANSACTION_SERIALIZABLE);

  private final int jdbcLevel;

  Isolation(int jdbcLevel) {
    this.jdbcLevel = jdbcLevel;
  }

  /** The {@link Connection} constant for this level. */
  public int jdbcLevel() {
    return jdbcLevel;
  }

  /** Parses {@code read committed}, {@code repeatable read} or {@code serializable}. */
  public static Isolation parse(String text) {
    String key = text.trim().toUpperCase(Locale.ROOT).replace(' ', '_').replace('-', '_');
    return Isolation.valueOf(key);
  }

  /** The level as SQL writes it. */
  public String sql() {
    return name().toLowerCase(Locale.ROOT).replace('_', ' ');
  }
}

package dev.indexlab.schema;

import java.util.regex.Pattern;

/**
 * The file names Flyway accepts as SQL migrations: {@code V<version>__<description>.sql} (version
 * parts separated by {@code .} or {@code _}) and repeatable {@code R__<description>.sql}.
 */
public final class FlywayNames {
  private static final Pattern VERSIONED = Pattern.compile("V\\d+(?:[._]\\d+)*__[^\\s].*\\.sql");
  private static final Pattern REPEATABLE = Pattern.compile("R__[^\\s].*\\.sql");

  private FlywayNames() {}

  /** True for a versioned or repeatable SQL migration name. */
  public static boolean isMigration(String fileName) {
    return isVersioned(fileName) || REPEATABLE.matcher(fileName).matches();
  }

  /** True for {@code V<version>__<description>.sql}. */
  public static boolean isVersioned(String fileName) {
    return VERSIONED.matcher(fileName).matches();
  }

  /** Why {@code fileName} is not a migration name, in a few words (for messages). */
  public static String expected() {
    return "not a Flyway migration name: use V<version>__<description>.sql, for example"
        + " V1000__orders_customer_fk.sql";
  }
}

package dev.indexlab.schema;

import dev.indexlab.Setting;
import dev.indexlab.db.PgVersion;
import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * When a schema statement fails because the server lacks a function that a newer supported
 * PostgreSQL has ({@code uuidv7()} on 17, say), the words to add to the error: {@code "uuidv7()
 * exists from PostgreSQL 18 (--pg-version 18)"}. Only functions whose name is new in that version
 * are listed, never new overloads of an older name ({@code random(int, int)} of 17), since the
 * server's message names the function, not which overload was meant. docs/workloads.md shows the
 * table.
 */
public final class MissingFunctionHint {
  /** SQLSTATE undefined_function. */
  private static final String UNDEFINED_FUNCTION = "42883";

  private static final Pattern FUNCTION =
      Pattern.compile("function (?:[\\w\"]+\\.)?\"?(\\w+)\"?\\(.*\\) does not exist");

  /** Function name → the first major version that has it (15 to 18: 14 is the oldest we run). */
  static final Map<String, Integer> FIRST_VERSION =
      Map.ofEntries(
          Map.entry("regexp_count", 15),
          Map.entry("regexp_instr", 15),
          Map.entry("regexp_like", 15),
          Map.entry("regexp_substr", 15),
          Map.entry("array_sample", 16),
          Map.entry("array_shuffle", 16),
          Map.entry("any_value", 16),
          Map.entry("random_normal", 16),
          Map.entry("erf", 16),
          Map.entry("erfc", 16),
          Map.entry("date_add", 16),
          Map.entry("date_subtract", 16),
          Map.entry("pg_input_is_valid", 16),
          Map.entry("pg_input_error_info", 16),
          Map.entry("uuid_extract_timestamp", 17),
          Map.entry("uuid_extract_version", 17),
          Map.entry("to_bin", 17),
          Map.entry("to_oct", 17),
          Map.entry("uuidv7", 18),
          Map.entry("uuidv4", 18),
          Map.entry("casefold", 18),
          Map.entry("array_sort", 18),
          Map.entry("array_reverse", 18),
          Map.entry("crc32", 18),
          Map.entry("crc32c", 18),
          Map.entry("gamma", 18),
          Map.entry("lgamma", 18));

  private MissingFunctionHint() {}

  /** The table: function name → the first major version that has it. */
  public static Map<String, Integer> firstVersions() {
    return FIRST_VERSION;
  }

  /**
   * The hint for {@code e} on a server of major version {@code serverMajor}, if the server said a
   * function does not exist and a newer supported version has it.
   */
  public static Optional<String> of(SQLException e, int serverMajor) {
    if (!UNDEFINED_FUNCTION.equals(ServerErrors.state(e))) {
      return Optional.empty();
    }
    return of(ServerErrors.describe(e), serverMajor);
  }

  /** As {@link #of(SQLException, int)}, from the server's message text alone. */
  public static Optional<String> of(String message, int serverMajor) {
    Matcher m = FUNCTION.matcher(message == null ? "" : message);
    if (!m.find()) {
      return Optional.empty();
    }
    String name = m.group(1);
    Integer since = FIRST_VERSION.get(name);
    if (since == null || since <= serverMajor || PgVersion.of(since).isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        name
            + "() exists from PostgreSQL "
            + since
            + "; this server is "
            + serverMajor
            + " (try "
            + Setting.PG_VERSION
            + " "
            + since
            + ")");
  }
}

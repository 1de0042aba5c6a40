package dev.indexlab;

/**
 * A setting the user gives on the command line, as a lower package names it in a message. Only
 * {@code cli} knows each setting's flag: a message holds the setting's mark ({@link #toString()},
 * e.g. {@code {setting:SCALE}}), and {@code cli} puts the flag in its place when it prints the
 * message, so {@code Setting.SCALE + " 0: must be a number > 0"} reaches the user as {@code --scale
 * 0: must be a number > 0}. A message printed without passing through {@code cli} shows the mark,
 * which still says which setting was meant. Text that a lower package writes into a file (a report
 * page, a script's header) never passes through {@code cli}'s writers: there {@code cli} hands its
 * naming down as a {@code Function<Setting, String>}, and the writer names the flag itself.
 */
public enum Setting {
  ALLOW_MISMATCH,
  BASE,
  BUFFERS_THRESHOLD,
  DB,
  EXPLAIN_DRAWS,
  EXPORT_PGBENCH,
  FORCE,
  FROM,
  HEAD,
  IN_PLACE,
  JUNIT,
  LARGE_TABLE,
  LOG,
  MIN_CALLS,
  OUT,
  PARAMETER_SETS,
  PGBENCH,
  PG_DUMP,
  PG_VERSION,
  PROFILE,
  ROUNDS,
  ROUTES,
  SCALE,
  SCENARIO,
  SCHEMA,
  SUMMARY,
  THREADS,
  THRESHOLD,
  THRESHOLD_MS,
  WORKLOAD;

  /**
   * The mark that stands for this setting in a message: {@code {setting:NAME}}. Everything the
   * commands print is rendered, user SQL and plans included, so the mark must be text that SQL does
   * not hold: a bare {@code {NAME}} is also an array literal ({@code '{OUT}'::text[]} in a plan's
   * filter) and would be printed as a flag.
   */
  @Override
  public String toString() {
    return "{setting:" + name() + "}";
  }
}

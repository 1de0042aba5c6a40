package dev.indexlab.seed;

import dev.indexlab.IndexlabException;
import dev.indexlab.IndexlabVersion;
import dev.indexlab.Setting;
import dev.indexlab.db.ConnectionSpec;
import dev.indexlab.db.DatabaseAdmin;
import dev.indexlab.db.DatabaseTarget;
import dev.indexlab.db.ExitCleanup;
import dev.indexlab.schema.SchemaLoader;
import dev.indexlab.workload.Workload;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The one way every command gets a database holding a workload's data.
 *
 * <pre>{@code
 * try (DatabaseTarget target = DatabaseTargets.open("embedded", null, null, System.getenv())) {
 *   ConnectionSpec db =
 *       SeededDatabase.prepare(target, Workload.open(Path.of("queries")),
 *           SeedOptions.defaults(), Progress.forStderr());
 *   // db is the database "indexlab", migrated, seeded and analyzed
 * }
 * }</pre>
 *
 * <ul>
 *   <li>On a server indexlab owns (embedded, container): database {@value #DATABASE} is created (or
 *       reused), the workload's schema loaded ({@link SchemaLoader}: Flyway migrations with history
 *       table {@value #HISTORY_TABLE}, or one {@code schema.sql} dump), the data loaded by the
 *       workload's {@link DataLoader}, and ANALYZEd. If seeding fails, a database created for it is
 *       dropped again.
 *   <li>On a user's server (a JDBC URL): the URL's database is used. {@link #prepare} reuses tables
 *       that already hold rows, as they are; writing anything there (creating the schema, loading)
 *       needs {@code --force}.
 *   <li>A workload without a schema ({@link Workload#hasSchema()}, what {@code indexlab capture}
 *       writes) uses the URL's database as it is, and is refused on a server indexlab owns.
 *   <li>{@link #seed} (the {@code seed} command) always loads, and refuses when the tables already
 *       hold rows unless {@code --force}, on any server.
 * </ul>
 *
 * What was seeded is recorded in {@value SeedInfo#TABLE} ({@link SeedInfo#read}).
 */
public final class SeededDatabase {
  /** The database indexlab seeds on a server it owns. */
  public static final String DATABASE = "indexlab";

  /** Flyway's history table for the workload's migrations. */
  public static final String HISTORY_TABLE = "flyway_schema_history";

  private SeededDatabase() {}

  /** Reuses or seeds the data (see the class comment) and returns the database to use. */
  public static ConnectionSpec prepare(
      DatabaseTarget target, Workload workload, SeedOptions options, Progress progress) {
    return open(target, workload, options, progress).connection();
  }

  /** As {@link #prepare}, with the details of what was found or loaded. */
  public static SeedResult open(
      DatabaseTarget target, Workload workload, SeedOptions options, Progress progress) {
    return run(target, workload, options, progress, false, DATABASE);
  }

  /** Loads the data now; refuses to replace existing rows without {@code force}. */
  public static SeedResult seed(
      DatabaseTarget target, Workload workload, SeedOptions options, Progress progress) {
    return run(target, workload, options, progress, true, DATABASE);
  }

  /**
   * The work of {@link #open} ({@code alwaysLoad} false) and {@link #seed} (true); on a server
   * indexlab owns, into {@code database} (tests use their own names on a shared server).
   */
  static SeedResult run(
      DatabaseTarget target,
      Workload workload,
      SeedOptions options,
      Progress progress,
      boolean alwaysLoad,
      String database) {
    if (!workload.hasSchema()) {
      return asItIs(target, workload, progress, alwaysLoad);
    }
    DataLoader loader = DataLoaders.forWorkload(workload);
    loader.expectedRows(options); // validates the options before anything is created
    ExitCleanup.activity("seeding the data");
    boolean owned = target.ownsServer();
    ConnectionSpec spec = owned ? target.connection().withDatabase(database) : target.connection();
    DatabaseAdmin admin = new DatabaseAdmin(target.connection());
    boolean created = false;
    try {
      if (owned && !admin.exists(database)) {
        admin.create(database);
        created = true;
      }
      TableState state;
      Optional<SeedInfo> existing;
      try (Connection c = spec.open()) {
        state = TableState.inspect(c, loader.tables());
        existing = SeedInfo.read(c);
      }
      String where = "database " + spec.database() + " (" + target.description() + ")";
      if (state.anyRows() && !options.force()) {
        boolean matches =
            existing.map(i -> i.sameData(workload.name(), loader.name(), options)).orElse(false);
        if (!alwaysLoad && (!owned || matches)) {
          String note =
              "reusing the rows already in "
                  + where
                  + existing.map(i -> ": " + describe(i)).orElse(" (not seeded by indexlab)");
          progress.step(note);
          return new SeedResult(spec, existing, Optional.empty(), note);
        }
        throw IndexlabException.usage(
            where
                + " already holds rows in "
                + String.join(", ", state.withRows())
                + existing.map(i -> " (" + describe(i) + ")").orElse("")
                + "; pass "
                + Setting.FORCE
                + " to replace them");
      }
      if (!owned && !options.force()) {
        throw IndexlabException.usage(
            where
                + " has no "
                + workload.name()
                + " data; pass "
                + Setting.FORCE
                + " to create and seed it");
      }
      if (state.noneExist()) {
        SchemaLoader.load(spec, workload); // schema/ migrations or one schema.sql
      } else if (!state.allExist()) {
        throw IndexlabException.usage(
            where
                + " has some of the workload's tables but not "
                + String.join(", ", state.missing())
                + "; drop them or point "
                + Setting.DB
                + " elsewhere");
      }
      LoadReport report = loader.load(spec, options, progress);
      SeedInfo info =
          new SeedInfo(
              workload.name(),
              loader.name(),
              options.scale(),
              options.seed(),
              report.rows(),
              report.totalMillis(),
              IndexlabVersion.current());
      try (Connection c = spec.open()) {
        info.write(c);
      }
      return new SeedResult(
          spec, Optional.of(info), Optional.of(report), "seeded " + where + ": " + describe(info));
    } catch (SQLException | RuntimeException e) {
      if (created) {
        dropQuietly(admin, database);
      }
      if (e instanceof IndexlabException ie) {
        throw ie;
      }
      throw IndexlabException.failed("seeding " + spec.database() + " failed: " + message(e), e);
    }
  }

  /**
   * A workload without a schema (captured from a database): the URL's database is measured as it
   * is; nothing is created or loaded, on any server.
   */
  private static SeedResult asItIs(
      DatabaseTarget target, Workload workload, Progress progress, boolean alwaysLoad) {
    if (alwaysLoad || target.ownsServer()) {
      throw workload.noSchema();
    }
    ConnectionSpec spec = target.connection();
    String note =
        "measuring database "
            + spec.database()
            + " ("
            + target.description()
            + ") as it is: workload "
            + workload.name()
            + " has no schema to load";
    progress.step(note);
    return new SeedResult(spec, Optional.empty(), Optional.empty(), note);
  }

  private static String describe(SeedInfo info) {
    return info.workload()
        + " at scale "
        + SeedOptions.show(info.scale())
        + ", seed "
        + info.seed()
        + ", "
        + String.format(
            Locale.ROOT,
            "%,d rows",
            info.rowCounts().values().stream().mapToLong(Long::longValue).sum());
  }

  private static String message(Exception e) {
    String m = e.getMessage() == null ? e.toString() : e.getMessage().split("\\R", 2)[0];
    if (e instanceof SQLException s && s.getSQLState() != null) {
      m += " [SQLSTATE " + s.getSQLState() + "]";
    }
    return m;
  }

  private static void dropQuietly(DatabaseAdmin admin, String database) {
    try {
      admin.dropIfExists(database);
    } catch (SQLException e) {
      // the server may be gone; the seeding failure is what gets reported
    }
  }

  /** Rows per table that seeding {@code workload} with {@code options} will load. */
  public static Map<String, Long> expectedRows(Workload workload, SeedOptions options) {
    return DataLoaders.forWorkload(workload).expectedRows(options);
  }
}

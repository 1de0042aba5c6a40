package dev.indexlab.schema;

import dev.indexlab.IndexlabException;
import dev.indexlab.db.ConnectionSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.output.MigrateResult;

/** Applies a folder of Flyway migrations to one database. */
public final class SchemaMigrator {
  private SchemaMigrator() {}

  /**
   * Migrates {@code spec}'s database with the SQL migrations in {@code folder}, recording them in
   * {@code historyTable}. Returns how many migrations ran.
   */
  public static int migrate(ConnectionSpec spec, Path folder, String historyTable) {
    if (!Files.isDirectory(folder)) {
      throw IndexlabException.usage(folder + ": migrations folder not found");
    }
    Flyway flyway =
        Flyway.configure()
            .dataSource(spec.jdbcUrl(), spec.user(), spec.password())
            .locations("filesystem:" + folder.toAbsolutePath())
            .table(historyTable)
            .baselineOnMigrate(true)
            .baselineVersion("0")
            .validateMigrationNaming(true)
            .load();
    try {
      MigrateResult result = flyway.migrate();
      return result.migrationsExecuted;
    } catch (FlywayException e) {
      throw new IndexlabException(
          IndexlabException.USAGE, folder + ": migration failed: " + firstLine(e.getMessage()), e);
    }
  }

  static String firstLine(String message) {
    if (message == null) {
      return "(no message)";
    }
    for (String line : message.split("\\R")) {
      String trimmed = line.trim();
      if (trimmed.startsWith("Message") || trimmed.startsWith("ERROR")) {
        return trimmed;
      }
    }
    return message.split("\\R", 2)[0].trim();
  }
}

package dev.indexlab.capture;

import dev.indexlab.IndexlabException;
import dev.indexlab.Setting;
import dev.indexlab.db.ConnectionSpec;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.postgresql.Driver;

/**
 * {@code capture --schema}: the database's schema as {@code pg_dump --schema-only --no-owner
 * --no-privileges} writes it, so that the workload can be loaded on another server with {@code
 * data/} supplied by the user. pg_dump refuses a server of a newer major version than its own, so
 * the versions are compared before anything is captured. The password reaches pg_dump through its
 * environment ({@code PGPASSWORD}), never its command line.
 */
final class SchemaDump {
  private static final Pattern VERSION = Pattern.compile("\\(PostgreSQL\\) (\\d+)");

  private final ConnectionSpec db;
  private final String pgDump;

  private SchemaDump(ConnectionSpec db, String pgDump) {
    this.db = db;
    this.pgDump = pgDump;
  }

  /** Finds pg_dump and checks it can dump {@code db}'s server; a usage error saying why not. */
  static SchemaDump check(ConnectionSpec db, Optional<Path> given) throws SQLException {
    String exe = given.map(Path::toString).orElseGet(SchemaDump::onPath);
    if (exe == null) {
      throw IndexlabException.usage(
          Setting.SCHEMA
              + ": pg_dump is not on the PATH; add its directory to PATH, give "
              + Setting.PG_DUMP
              + " FILE,"
              + " or leave out "
              + Setting.SCHEMA);
    }
    int dumpMajor = dumpMajor(exe);
    int serverMajor;
    try (Connection c = db.open();
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SHOW server_version_num")) {
      rs.next();
      serverMajor = Integer.parseInt(rs.getString(1)) / 10000;
    }
    if (dumpMajor < serverMajor) {
      throw IndexlabException.usage(
          Setting.SCHEMA
              + ": "
              + exe
              + " is pg_dump "
              + dumpMajor
              + ", older than the server (PostgreSQL "
              + serverMajor
              + "), which pg_dump refuses to dump; use pg_dump "
              + serverMajor
              + " or newer ("
              + Setting.PG_DUMP
              + " FILE), or leave out "
              + Setting.SCHEMA);
    }
    return new SchemaDump(db, exe);
  }

  /** Writes {@code file}; a failure names pg_dump's own message. */
  void write(Path file) throws IOException {
    Properties url = Driver.parseURL(db.jdbcUrl(), new Properties());
    if (url == null) {
      throw IndexlabException.usage(
          Setting.SCHEMA + ": cannot read host and port from " + db.maskedUrl());
    }
    Path err = Files.createTempFile("indexlab-pg-dump-", ".err");
    try {
      ProcessBuilder pb =
          new ProcessBuilder(
              List.of(
                  pgDump,
                  "--schema-only",
                  "--no-owner",
                  "--no-privileges",
                  "--file=" + file.toAbsolutePath()));
      Map<String, String> env = pb.environment();
      env.put("PGHOST", url.getProperty("PGHOST", "localhost").split(",")[0]);
      env.put("PGPORT", url.getProperty("PGPORT", "5432").split(",")[0]);
      env.put("PGDATABASE", db.database());
      if (db.user() != null) {
        env.put("PGUSER", db.user());
      }
      if (db.password() != null) {
        env.put("PGPASSWORD", db.password());
      } else {
        env.remove("PGPASSWORD");
      }
      pb.redirectError(err.toFile()).redirectOutput(ProcessBuilder.Redirect.DISCARD);
      Process p = pb.start();
      try {
        if (!p.waitFor(10, TimeUnit.MINUTES)) {
          p.destroyForcibly();
          throw IndexlabException.failed(
              Setting.SCHEMA + ": pg_dump did not finish in 10 minutes", null);
        }
      } catch (InterruptedException e) {
        p.destroyForcibly();
        Thread.currentThread().interrupt();
        throw IndexlabException.failed(Setting.SCHEMA + ": interrupted while pg_dump ran", e);
      }
      if (p.exitValue() != 0) {
        String message = Files.readString(err, StandardCharsets.UTF_8).strip();
        throw IndexlabException.failed(
            Setting.SCHEMA + ": pg_dump failed: " + message.split("\\R", 2)[0], null);
      }
    } finally {
      Files.deleteIfExists(err);
    }
  }

  private static String onPath() {
    String path = System.getenv("PATH");
    if (path == null) {
      return null;
    }
    for (String dir : path.split(File.pathSeparator)) {
      File f = new File(dir, "pg_dump");
      if (f.isFile() && f.canExecute()) {
        return f.getPath();
      }
    }
    return null;
  }

  private static int dumpMajor(String exe) {
    try {
      Process p = new ProcessBuilder(exe, "--version").redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      p.waitFor(30, TimeUnit.SECONDS);
      Matcher m = VERSION.matcher(out);
      if (!m.find()) {
        throw IndexlabException.usage(
            Setting.SCHEMA + ": " + exe + " --version printed no version: " + out.strip());
      }
      return Integer.parseInt(m.group(1));
    } catch (IOException e) {
      throw IndexlabException.usage(Setting.SCHEMA + ": cannot run " + exe + ": " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw IndexlabException.usage(
          Setting.SCHEMA + ": interrupted while asking pg_dump its version");
    }
  }
}

package dev.indexlab.seed;

import dev.indexlab.IndexlabException;
import dev.indexlab.Setting;
import dev.indexlab.db.ConnectionSpec;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs PostgreSQL's {@code pgbench -i} (initialize: create and fill its tables, vacuum, primary
 * keys) as the yardstick for seeding speed: about 1.3 million rows at {@code -s 13}, close to the
 * SongStackify seed's 1.29 million.
 */
public final class Pgbench {
  /** Where Debian's PostgreSQL 15 client puts pgbench. */
  public static final String DEFAULT_PATH = "/usr/lib/postgresql/15/bin/pgbench";

  private final Path binary;

  /** A usage error when {@code binary} is missing or not executable. */
  public Pgbench(Path binary) {
    if (!Files.isRegularFile(binary) || !Files.isExecutable(binary)) {
      throw IndexlabException.usage(
          Setting.PGBENCH
              + " "
              + binary
              + ": not found or not executable (install PostgreSQL's client programs, for"
              + " example the postgresql-15 package, or pass "
              + Setting.PGBENCH
              + " PATH)");
    }
    this.binary = binary;
  }

  /** pgbench's version line. */
  public String version() {
    return run(List.of(binary.toString(), "--version"), Map.of(), 30).strip();
  }

  /** Runs {@code pgbench -i -s scale} against {@code database}; returns the wall time in ns. */
  public long initialize(ConnectionSpec database, int scale) {
    URI uri = URI.create(database.jdbcUrl().substring("jdbc:".length()));
    List<String> command = new ArrayList<>();
    command.add(binary.toString());
    command.add("-i");
    command.add("-q");
    command.add("-s");
    command.add(Integer.toString(scale));
    command.add("-h");
    command.add(uri.getHost());
    command.add("-p");
    command.add(Integer.toString(uri.getPort()));
    command.add("-U");
    command.add(database.user());
    command.add(database.database());
    Map<String, String> env =
        database.password() == null ? Map.of() : Map.of("PGPASSWORD", database.password());
    long start = System.nanoTime();
    run(command, env, 3600);
    return System.nanoTime() - start;
  }

  private static String run(List<String> command, Map<String, String> env, long timeoutSeconds) {
    Path log = null;
    try {
      log = Files.createTempFile("indexlab-pgbench-", ".log");
      ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
      pb.redirectOutput(log.toFile());
      pb.environment().putAll(env);
      Process p = pb.start();
      if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new IndexlabException(1, "pgbench did not finish within " + timeoutSeconds + " s");
      }
      String output = Files.readString(log, StandardCharsets.UTF_8);
      if (p.exitValue() != 0) {
        String[] lines = output.strip().split("\\R");
        throw new IndexlabException(
            1, "pgbench exited with " + p.exitValue() + ": " + lines[lines.length - 1]);
      }
      return output;
    } catch (IOException e) {
      throw new IndexlabException(1, "cannot run pgbench: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IndexlabException(1, "interrupted while pgbench ran", e);
    } finally {
      if (log != null) {
        try {
          Files.deleteIfExists(log);
        } catch (IOException e) {
          // a temp file left behind is harmless
        }
      }
    }
  }
}

package dev.indexlab.db;

import dev.indexlab.IndexlabException;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A PostgreSQL 17 server from zonky's embedded binaries, with its data directory in a fresh temp
 * folder. {@link #close()} stops the server and deletes the folder; a shutdown hook does the same
 * on Ctrl-C, so no postgres process or data directory outlives the command.
 */
public final class EmbeddedTarget implements DatabaseTarget {
  private final EmbeddedPostgres postgres;
  private final Path dataDirectory;
  private final Map<String, String> settings;
  private final Thread shutdownHook;
  private final List<ProcessHandle> postmasters;
  private boolean closed;

  private EmbeddedTarget(
      EmbeddedPostgres postgres,
      Path dataDirectory,
      Map<String, String> s,
      List<ProcessHandle> postmasters) {
    this.postgres = postgres;
    this.postmasters = postmasters;
    this.dataDirectory = dataDirectory;
    this.settings = s;
    this.shutdownHook = new Thread(this::stop, "indexlab-embedded-stop");
    Runtime.getRuntime().addShutdownHook(shutdownHook);
  }

  /** Starts a server with {@link BenchmarkSettings#forEmbedded()}. */
  public static EmbeddedTarget start() {
    return start(BenchmarkSettings.forEmbedded());
  }

  /** Starts a server with the given settings. */
  public static EmbeddedTarget start(Map<String, String> settings) {
    Path dir;
    try {
      dir = Files.createTempDirectory("indexlab-pg-");
    } catch (IOException e) {
      throw new IndexlabException(1, "cannot create a temp folder for PostgreSQL: " + e, e);
    }
    try {
      EmbeddedPostgres.Builder builder =
          EmbeddedPostgres.builder()
              .setDataDirectory(dir.toFile())
              .setCleanDataDirectory(true)
              .setOverrideWorkingDirectory(binariesCache())
              .setPGStartupWait(java.time.Duration.ofSeconds(60));
      settings.forEach(builder::setServerConfig);
      Set<Long> before = postgresChildren().map(ProcessHandle::pid).collect(Collectors.toSet());
      EmbeddedPostgres started = builder.start();
      List<ProcessHandle> ours = postgresChildren().filter(h -> !before.contains(h.pid())).toList();
      return new EmbeddedTarget(started, dir, settings, ours);
    } catch (IOException | RuntimeException e) {
      deleteTree(dir);
      throw new IndexlabException(1, "embedded PostgreSQL did not start: " + e.getMessage(), e);
    }
  }

  private static Stream<ProcessHandle> postgresChildren() {
    return ProcessHandle.current()
        .children()
        .filter(h -> h.info().command().map(c -> c.endsWith("/postgres")).orElse(false));
  }

  private static File binariesCache() {
    File cache = new File(System.getProperty("user.home"), ".cache/indexlab/embedded-pg");
    if (!cache.isDirectory() && !cache.mkdirs()) {
      return new File(System.getProperty("java.io.tmpdir"), "embedded-pg");
    }
    return cache;
  }

  @Override
  public String kind() {
    return "embedded";
  }

  @Override
  public String description() {
    return "embedded PostgreSQL on 127.0.0.1:" + postgres.getPort();
  }

  @Override
  public ConnectionSpec connection() {
    return new ConnectionSpec(
        "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/postgres", "postgres", null);
  }

  @Override
  public boolean ownsServer() {
    return true;
  }

  @Override
  public Map<String, String> appliedSettings() {
    return settings;
  }

  /** The data directory (deleted on close). */
  public Path dataDirectory() {
    return dataDirectory;
  }

  @Override
  public void close() {
    stop();
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException shuttingDown) {
      // the hook is running or has run; stop() is idempotent
    }
  }

  private synchronized void stop() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      postgres.close();
      for (ProcessHandle h : postmasters) {
        // the server has shut down; wait until its process is gone (reaped), not just stopping
        h.onExit().get(30, TimeUnit.SECONDS);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | TimeoutException e) {
      postmasters.forEach(ProcessHandle::destroyForcibly);
    } finally {
      deleteTree(dataDirectory);
    }
  }

  static void deleteTree(Path root) {
    if (root == null || !Files.exists(root)) {
      return;
    }
    try {
      Files.walkFileTree(
          root,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
                throws IOException {
              Files.deleteIfExists(file);
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException exc)
                throws IOException {
              Files.deleteIfExists(dir);
              return FileVisitResult.CONTINUE;
            }
          });
    } catch (IOException e) {
      // best effort: a file vanished under us or permissions changed
    }
  }
}

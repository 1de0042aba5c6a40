package dev.indexlab.db;

import dev.indexlab.IndexlabException;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A PostgreSQL server from zonky's embedded binaries of one {@link PgVersion}, with its data
 * directory in a fresh temp folder. {@link #close()} stops the server, waits until its postmaster
 * process is gone and only then deletes the folder. A shutdown hook, registered before the server
 * starts, does the same on Ctrl-C or any other JVM exit, also while the server is still starting; a
 * failed start cleans up too. So no postgres process or data directory outlives the command; after
 * SIGKILL, the folder's name ({@code indexlab-pg-pidN-*}) lets the next indexlab find and remove
 * both ({@link Leftovers}). On SIGINT and SIGTERM, {@link ExitCleanup} stops it, after the copies
 * on it.
 *
 * <p>This class alone stops the server and deletes the folder: zonky's own shutdown hook and its
 * directory cleanup are turned off, because they ran concurrently with ours and deleted files under
 * a server that was still running.
 */
public final class EmbeddedTarget implements DatabaseTarget {
  private static final Duration STARTUP_WAIT = Duration.ofSeconds(60);

  /** How long a shutdown waits for a start in progress (initdb plus {@link #STARTUP_WAIT}). */
  private static final Duration START_IN_PROGRESS_WAIT = Duration.ofSeconds(120);

  /** After pg_ctl's own 5 s: a shutdown checkpoint after a big load can take longer. */
  private static final Duration SHUTDOWN_WAIT = Duration.ofSeconds(60);

  /** Per signal, when the server did not stop when asked. */
  private static final Duration SIGNAL_WAIT = Duration.ofSeconds(10);

  private final PgVersion version;
  private final Map<String, String> settings;
  private final Thread shutdownHook;
  private final ExitCleanup.Registration onSignal;
  private volatile Path dataDirectory;
  private volatile EmbeddedPostgres postgres;
  private boolean starting = true;
  private boolean stopped;

  /** Registers the shutdown hook first, so that everything created after it is covered. */
  private EmbeddedTarget(PgVersion version, Map<String, String> settings) {
    this.version = version;
    this.settings = settings;
    this.shutdownHook = new Thread(this::stop, "indexlab-embedded-stop");
    Runtime.getRuntime().addShutdownHook(shutdownHook);
    this.onSignal =
        ExitCleanup.register(
            () -> {
              stop();
              return "stopped the embedded server and deleted its data folder";
            });
  }

  /** Starts a server of the default version with {@link BenchmarkSettings#forEmbedded()}. */
  public static EmbeddedTarget start() {
    return start(PgVersion.DEFAULT);
  }

  /** Starts a server of {@code version} with {@link BenchmarkSettings#forEmbedded()}. */
  public static EmbeddedTarget start(PgVersion version) {
    return start(version, BenchmarkSettings.forEmbedded(), new PrintWriter(System.err, true));
  }

  /**
   * Starts a server of {@code version} with the given settings, first fetching the version's
   * binaries when they are not at hand ({@link PgBinaries}; a line on {@code progress} says so).
   */
  public static EmbeddedTarget start(
      PgVersion version, Map<String, String> settings, PrintWriter progress) {
    PgBinaries binaries = PgBinaries.of(version);
    binaries.ensureAvailable(progress);
    EmbeddedTarget target;
    try {
      target = new EmbeddedTarget(version, settings);
    } catch (IllegalStateException shuttingDown) {
      throw new IndexlabException(1, "not starting PostgreSQL: the JVM is shutting down");
    }
    target.launch(binaries);
    return target;
  }

  private void launch(PgBinaries binaries) {
    ExitCleanup.activity("starting the embedded server");
    boolean ready = false;
    try {
      dataDirectory = Files.createTempDirectory(Leftovers.ownedPrefix("pg"));
      EmbeddedPostgres.Builder builder =
          EmbeddedPostgres.builder()
              .setDataDirectory(dataDirectory.toFile())
              .setCleanDataDirectory(false)
              .setRegisterShutdownHook(false)
              .setOverrideWorkingDirectory(binariesCache())
              .setPgBinaryResolver(binaries)
              .setPGStartupWait(STARTUP_WAIT);
      settings.forEach(builder::setServerConfig);
      postgres = builder.start();
      ready = true;
      watch();
    } catch (IOException | RuntimeException e) {
      String what = dataDirectory == null ? "cannot create a temp folder for" : "did not start";
      throw new IndexlabException(
          1, "embedded PostgreSQL " + version + " " + what + ": " + e.getMessage(), e);
    } finally {
      synchronized (this) {
        starting = false;
        notifyAll();
      }
      if (!ready) {
        close();
      }
    }
  }

  /** Reports the postmaster's exit unless indexlab stopped it ({@link ServerLoss}). */
  private void watch() {
    Postmaster.of(dataDirectory)
        .ifPresent(
            p ->
                p.onExit(
                    () -> {
                      boolean ours;
                      synchronized (this) {
                        ours = stopped;
                      }
                      if (!ours) {
                        ServerLoss.lost(
                            "the embedded postmaster (process "
                                + p.pid()
                                + ") exited while the command was running");
                      }
                    }));
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
    return "embedded PostgreSQL " + version + " on 127.0.0.1:" + postgres.getPort();
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

  /** The server's major version. */
  public PgVersion version() {
    return version;
  }

  /** The data directory (deleted on close). */
  public Path dataDirectory() {
    return dataDirectory;
  }

  @Override
  public void close() {
    stop();
    onSignal.close();
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException shuttingDown) {
      // the hook is running or has run; stop() is idempotent
    }
  }

  /**
   * Stops the server and deletes its folder, once. From the shutdown hook this may run while {@link
   * #launch()} is still starting the server on another thread: it waits for that to end first, so
   * that nothing starts after the cleanup.
   */
  private synchronized void stop() {
    awaitStart();
    if (stopped) {
      return;
    }
    stopped = true;
    if (dataDirectory == null) {
      return;
    }
    Optional<Postmaster> postmaster = Postmaster.of(dataDirectory);
    if (postgres != null) {
      try {
        postgres.close(); // pg_ctl stop -m fast, waiting at most 5 s; logs its own failures
      } catch (IOException e) {
        // zonky reports a failed stop by logging; the wait below decides what happens next
      }
      postmaster.ifPresent(p -> p.awaitExit(SHUTDOWN_WAIT));
    }
    postmaster.filter(Postmaster::isAlive).ifPresent(p -> p.terminate(SIGNAL_WAIT));
    deleteTree(dataDirectory);
  }

  private void awaitStart() {
    long deadline = System.nanoTime() + START_IN_PROGRESS_WAIT.toNanos();
    boolean interrupted = false;
    while (starting) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        break;
      }
      try {
        TimeUnit.NANOSECONDS.timedWait(this, left);
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * Deletes {@code root} and everything under it, best effort (what cannot be deleted stays): the
   * data directory here, a leftover one, or any temporary folder.
   */
  public static void deleteTree(Path root) {
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
            public FileVisitResult visitFileFailed(Path file, IOException exc) throws IOException {
              if (exc instanceof NoSuchFileException) {
                return FileVisitResult.CONTINUE;
              }
              throw exc;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException exc)
                throws IOException {
              Files.deleteIfExists(dir);
              return FileVisitResult.CONTINUE;
            }
          });
    } catch (IOException e) {
      // best effort: permissions changed; the server is gone, so nothing is racing us
    }
  }
}

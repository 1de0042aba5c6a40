package dev.indexlab.bench;

import dev.indexlab.db.ExitCleanup;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * Runs {@link RouteBenchmark} for one route through JMH's {@link Runner}, in forked JVMs unless the
 * profile says 0 forks. A fork runs {@code java -cp <this JVM's class path>}, which holds the
 * benchmark list JMH's annotation processor generated (the shaded jar, or target/classes under
 * Maven). Its JVM arguments are fixed here, so nothing of the caller's command line (which might
 * carry a secret) reaches JMH's result file; every {@code @Param} is non-secret by construction.
 */
public final class JmhLauncher {
  /** Heap of a forked JVM: the parameter pool and result buffers are small. */
  static final String[] FORK_JVM_ARGS = {"-Xms256m", "-Xmx1g", "-XX:+UseG1GC"};

  /** How long to wait for another JMH run on this machine (JMH's lock) before giving up. */
  static final Duration LOCK_WAIT = Duration.ofMinutes(30);

  private final BenchSettings settings;
  private final Path workload;
  private final ConnectionFile connectionFile;
  private final PrintStream log;
  private Map<String, Path> routeFiles = Map.of();
  private Map<String, Double> expectedMs = Map.of();
  private final PrintWriter progress;

  /**
   * @param log where JMH's own console output goes (the run's jmh.log)
   * @param progress where a line says that the run waits for another JMH run
   */
  public JmhLauncher(
      BenchSettings settings,
      Path workload,
      ConnectionFile connectionFile,
      PrintStream log,
      PrintWriter progress) {
    this.settings = settings;
    this.workload = workload;
    this.connectionFile = connectionFile;
    this.log = log;
    this.progress = progress;
  }

  /** Route files to read instead of the workload's, by route id (query rewrites). */
  public JmhLauncher withRouteFiles(Map<String, Path> files) {
    this.routeFiles = Map.copyOf(files);
    return this;
  }

  /**
   * Each route's expected time per call (ms, from its EXPLAIN), by route id: its measurement
   * iterations are stretched to collect enough samples ({@link BenchProfile#iterationFor}).
   */
  public JmhLauncher withExpectedMs(Map<String, Double> expected) {
    this.expectedMs = Map.copyOf(expected);
    return this;
  }

  /** JMH's options for measuring {@code routeId}. */
  public Options options(String routeId) {
    BenchProfile p = settings.profile();
    long iterationMs = p.iterationFor(expectedMs.getOrDefault(routeId, Double.NaN)).toMillis();
    return new OptionsBuilder()
        .include("^" + Pattern.quote(RouteBenchmark.class.getName() + ".invoke") + "$")
        .param("route", routeId)
        .param(
            "routeFile", routeFiles.containsKey(routeId) ? routeFiles.get(routeId).toString() : "")
        .param("workload", workload.toAbsolutePath().toString())
        .param("connectionFile", connectionFile.path().toAbsolutePath().toString())
        .param("connectionKey", connectionFile.key())
        .param("seed", Long.toString(settings.seed()))
        .param("parameterSets", Integer.toString(settings.parameterSets()))
        .param("commit", Boolean.toString(settings.commit()))
        .forks(p.forks())
        .warmupIterations(p.warmupIterations())
        .warmupTime(TimeValue.milliseconds(p.warmupTime().toMillis()))
        .measurementIterations(p.measurementIterations())
        .measurementTime(TimeValue.milliseconds(iterationMs))
        .threads(settings.threads())
        .timeUnit(TimeUnit.MILLISECONDS)
        .jvmArgs(FORK_JVM_ARGS)
        .shouldFailOnError(true)
        .verbosity(VerboseMode.NORMAL)
        .build();
  }

  /**
   * Measures one route; throws when JMH or the benchmark failed. JMH allows one run per machine (a
   * lock file in the temp folder): while another benchmark holds it, this waits (up to {@link
   * #LOCK_WAIT}) rather than measure alongside it.
   */
  public RunResult run(String routeId) throws RunnerException {
    if (ExitCleanup.stopping()) {
      throw new RunnerException("not starting JMH for " + routeId + ": indexlab is stopping");
    }
    Runner runner =
        new Runner(
            options(routeId), OutputFormatFactory.createFormatInstance(log, VerboseMode.NORMAL));
    long start = System.nanoTime();
    long deadline = start + LOCK_WAIT.toNanos();
    boolean told = false;
    while (true) {
      try {
        RunResult result = runner.runSingle();
        if (told) {
          progress.printf(
              Locale.ROOT,
              "bench: got JMH's lock after %.0f s%n",
              (System.nanoTime() - start) / 1e9);
        }
        return result;
      } catch (RunnerException e) {
        if (!lockBusy(e) || System.nanoTime() > deadline) {
          throw e;
        }
        if (!told) {
          progress.println("bench: another JMH run holds its lock on this machine; waiting ...");
          progress.flush();
          told = true;
        }
        try {
          Thread.sleep(2000);
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          throw e;
        }
      }
    }
  }

  /** True when JMH refused to start because another JMH run holds its lock. */
  static boolean lockBusy(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t.getMessage() != null && t.getMessage().contains("Unable to acquire the JMH lock")) {
        return true;
      }
    }
    return false;
  }
}

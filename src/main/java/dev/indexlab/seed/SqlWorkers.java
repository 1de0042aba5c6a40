package dev.indexlab.seed;

import dev.indexlab.db.ConnectionSpec;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A few connections to one database, each driven by its own thread, that run a graph of jobs: a
 * free connection takes the heaviest job whose prerequisites are done (longest-processing-time
 * first, so the big table starts at once and the small ones fill the other connection). The first
 * failure cancels the batch: jobs not yet started are skipped, running ones see {@link
 * #cancelled()} and stop, and {@link #run(List)} rethrows that failure. Connections are in
 * auto-commit mode between jobs; a job that opens a transaction ends it.
 */
final class SqlWorkers implements AutoCloseable {
  /**
   * One unit of work on one connection.
   *
   * @param key unique name that other jobs list in {@code after}
   * @param weight expected cost; heavier ready jobs start first
   * @param after keys of jobs that must finish before this one starts
   */
  record Job(String key, long weight, Set<String> after, Work work) {}

  /** What a job does. */
  @FunctionalInterface
  interface Work {
    void run(Connection connection) throws SQLException;
  }

  private final List<Connection> connections = new ArrayList<>();
  private volatile boolean cancelled;

  SqlWorkers(ConnectionSpec spec, int size) throws SQLException {
    try {
      for (int i = 0; i < size; i++) {
        Connection c = spec.open();
        connections.add(c);
        try (Statement st = c.createStatement()) {
          // the load is all-or-nothing anyway; this only saves waiting for each commit's flush
          st.execute("SET synchronous_commit = off");
          // the connections already keep the cores busy: parallel index-build workers only add
          // coordination (measured: about 0.15 s more server CPU at scale 1, no faster)
          st.execute("SET max_parallel_maintenance_workers = 0");
        }
      }
    } catch (SQLException e) {
      close();
      throw e;
    }
  }

  /** The first connection, for steps that must run alone. */
  Connection first() {
    return connections.get(0);
  }

  /** True once a job has failed. */
  boolean cancelled() {
    return cancelled;
  }

  /** Runs {@code jobs} across the connections; returns when all are done or one failed. */
  void run(List<Job> jobs) throws SQLException {
    Schedule schedule = new Schedule(jobs);
    List<Thread> threads = new ArrayList<>();
    for (int i = 0; i < Math.min(connections.size(), jobs.size()); i++) {
      Connection c = connections.get(i);
      Thread t = new Thread(() -> work(schedule, c), "indexlab-load-" + i);
      threads.add(t);
      t.start();
    }
    for (Thread t : threads) {
      try {
        t.join();
      } catch (InterruptedException e) {
        cancelled = true;
        Thread.currentThread().interrupt();
      }
    }
    Throwable first = schedule.failure;
    if (first instanceof SQLException e) {
      throw e;
    }
    if (first instanceof RuntimeException e) {
      throw e;
    }
    if (first instanceof Error e) {
      throw e;
    }
  }

  private void work(Schedule schedule, Connection c) {
    for (Job job = schedule.next(); job != null; job = schedule.next()) {
      try {
        job.work().run(c);
        schedule.done(job);
      } catch (SQLException | RuntimeException | Error e) {
        rollbackQuietly(c);
        cancelled = true;
        schedule.fail(e);
      }
    }
  }

  /** The jobs left, what has finished, and the first failure; guarded by its own monitor. */
  private final class Schedule {
    private final List<Job> waiting;
    private final Set<String> finished = new HashSet<>();
    private Throwable failure;

    Schedule(List<Job> jobs) {
      this.waiting = new ArrayList<>(jobs);
      Set<String> keys = new HashSet<>();
      for (Job j : jobs) {
        if (!keys.add(j.key())) {
          throw new IllegalArgumentException("duplicate job " + j.key());
        }
      }
      for (Job j : jobs) {
        if (!keys.containsAll(j.after())) {
          throw new IllegalArgumentException(j.key() + " waits for an unknown job: " + j.after());
        }
      }
      Set<String> reachable = new HashSet<>();
      boolean grew = true;
      while (grew) {
        grew = false;
        for (Job j : jobs) {
          if (!reachable.contains(j.key()) && reachable.containsAll(j.after())) {
            reachable.add(j.key());
            grew = true;
          }
        }
      }
      if (reachable.size() != jobs.size()) {
        throw new IllegalArgumentException("jobs wait for each other in a cycle");
      }
    }

    /** The heaviest ready job, waiting while jobs remain but none is ready; null when over. */
    synchronized Job next() {
      while (true) {
        if (cancelled || waiting.isEmpty()) {
          return null;
        }
        Job best = null;
        for (Job j : waiting) {
          if (finished.containsAll(j.after()) && (best == null || j.weight() > best.weight())) {
            best = j;
          }
        }
        if (best != null) {
          waiting.remove(best);
          return best;
        }
        try {
          wait();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          cancelled = true;
          return null;
        }
      }
    }

    synchronized void done(Job job) {
      finished.add(job.key());
      notifyAll();
    }

    synchronized void fail(Throwable e) {
      if (failure == null) {
        failure = e;
      }
      notifyAll();
    }
  }

  private static void rollbackQuietly(Connection c) {
    try {
      if (!c.getAutoCommit()) {
        c.rollback();
        c.setAutoCommit(true);
      }
    } catch (SQLException e) {
      // the job's own failure is what gets reported
    }
  }

  @Override
  public void close() {
    for (Connection c : connections) {
      try {
        c.close();
      } catch (SQLException e) {
        // closing after the work is done or abandoned; nothing to report
      }
    }
    connections.clear();
  }
}

package dev.indexlab.bench;

import com.zaxxer.hikari.HikariDataSource;
import dev.indexlab.db.ConnectionSpec;
import dev.indexlab.db.FaultPoint;
import dev.indexlab.db.Pools;
import dev.indexlab.workload.Invocation;
import dev.indexlab.workload.ParameterSampler;
import dev.indexlab.workload.Route;
import dev.indexlab.workload.RouteCatalog;
import dev.indexlab.workload.RouteParser;
import dev.indexlab.workload.RouteRunner;
import dev.indexlab.workload.StatementObserver;
import dev.indexlab.workload.Workload;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.ThreadParams;

/**
 * The JMH benchmark: one invocation is one run of a route (its statements in one transaction,
 * rolled back unless {@code commit}). It is an adapter: the work is {@link RouteRunner#run}, the
 * parameters come from {@link ParameterSampler}, and {@link BenchRunner} chooses the route and the
 * settings through the {@code @Param}s. None of them is secret: the connection, password included,
 * is read from an encrypted {@link ConnectionFile} whose key is gone with the file.
 *
 * <p>Per trial (fork) it opens a pool of one connection per JMH thread and draws the parameter pool
 * with {@code seed}; each thread then cycles through the pool from its own starting point.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class RouteBenchmark {
  /** The route's id (its file name without {@code .sql}). */
  @Param("")
  public String route;

  /** A route file to read instead of the workload's (a candidate's query rewrite), or empty. */
  @Param("")
  public String routeFile;

  /** The workload directory holding the route file. */
  @Param("")
  public String workload;

  /** The path of the {@link ConnectionFile}. */
  @Param("")
  public String connectionFile;

  /** The {@link ConnectionFile}'s key, which is worthless once the file is deleted. */
  @Param("")
  public String connectionKey;

  /** Seed of the parameter pool. */
  @Param("1")
  public long seed;

  /** Parameter sets in the pool. */
  @Param("1000")
  public int parameterSets;

  /** Commit each invocation instead of rolling it back. */
  @Param("false")
  public boolean commit;

  private HikariDataSource pool;
  private RouteRunner runner;
  private List<Map<String, Object>> parameters;

  /** Opens the pool and draws the parameter pool. */
  @Setup(Level.Trial)
  public void open(BenchmarkParams params) throws SQLException {
    Workload w = Workload.open(Path.of(workload));
    Route r =
        routeFile.isEmpty()
            ? RouteCatalog.load(w)
                .find(route)
                .orElseThrow(
                    () -> new IllegalStateException("no route " + route + " in " + workload))
            : RouteParser.parse(Path.of(routeFile));
    ConnectionSpec spec = ConnectionFile.read(Path.of(connectionFile), connectionKey);
    pool = Pools.open(spec, params.getThreads(), "bench-" + route);
    try (Connection c = pool.getConnection()) {
      parameters = ParameterSampler.pool(c, r, seed, parameterSets);
    }
    runner = new RouteRunner(r);
    FaultPoint.reached("jmh-fork");
  }

  @TearDown(Level.Trial)
  public void close() {
    if (pool != null) {
      pool.close();
    }
  }

  /** One JMH thread: a connection held for the whole trial and a cursor into the pool. */
  @State(Scope.Thread)
  public static class Client {
    Connection connection;
    int next;

    @Setup(Level.Trial)
    public void connect(RouteBenchmark bench, ThreadParams thread) throws SQLException {
      connection = bench.pool.getConnection();
      next = thread.getThreadIndex() * bench.parameters.size() / thread.getThreadCount();
    }

    @TearDown(Level.Trial)
    public void disconnect() throws SQLException {
      if (connection != null) {
        connection.close();
      }
    }
  }

  /** Runs the route once with the thread's next parameter set. */
  @Benchmark
  public Invocation invoke(Client client) throws SQLException {
    Map<String, Object> params = parameters.get(client.next);
    client.next = client.next + 1 == parameters.size() ? 0 : client.next + 1;
    return runner.run(client.connection, params, commit, StatementObserver.NONE);
  }
}

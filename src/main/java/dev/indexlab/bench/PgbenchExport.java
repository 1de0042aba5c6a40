package dev.indexlab.bench;

import dev.indexlab.IndexlabException;
import dev.indexlab.Json;
import dev.indexlab.Setting;
import dev.indexlab.workload.Isolation;
import dev.indexlab.workload.ParameterSampler;
import dev.indexlab.workload.Route;
import dev.indexlab.workload.RouteStatement;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Writes a route as a pgbench script with the same parameter pool {@link RouteBenchmark} measures,
 * so that pgbench and {@code indexlab bench} can be compared on the same statements and values.
 *
 * <p>The script draws {@code i = random(0, n-1)} per transaction and sets the route's parameters to
 * the i-th parameter set through a balanced tree of {@code \if} meta-commands (about log2(n) cheap
 * comparisons, so pgbench's client cost stays negligible). It then runs the route as {@link
 * dev.indexlab.workload.RouteRunner} does: {@code BEGIN} at the route's isolation level, the
 * statements ({@code @returns} columns captured with {@code \gset}), and {@code ROLLBACK} (or
 * {@code COMMIT}), with the same round trips as pgjdbc: it sends {@code BEGIN} together with the
 * first statement, so the script pipelines those two ({@code \startpipeline}, which needs {@code -M
 * extended} or {@code prepared}) unless the first statement has a {@code \gset}, which pgbench does
 * not allow in a pipeline. pgbench's {@code \set} takes numbers only, so routes whose parameters
 * are text cannot be exported. The values go beside the script as JSON.
 */
public final class PgbenchExport {

  private PgbenchExport() {}

  /** The files written for one route. */
  public record Written(Path script, Path parameters) {}

  /**
   * Writes {@code dir/<route>.pgbench.sql} and {@code dir/<route>.parameters.json}. A usage error
   * when a parameter value is not a number. {@code flags} names the command line's flag for a
   * setting, for the script's header (a file, which no {@code cli} writer renders).
   */
  public static Written write(
      Connection c,
      Route route,
      long seed,
      int parameterSets,
      boolean commit,
      Path dir,
      Function<Setting, String> flags)
      throws SQLException, IOException {
    List<Map<String, Object>> pool = ParameterSampler.pool(c, route, seed, parameterSets);
    String script = script(route, pool, commit, flags);
    Files.createDirectories(dir);
    Path sql = dir.resolve(route.id() + ".pgbench.sql");
    Path json = dir.resolve(route.id() + ".parameters.json");
    Files.writeString(sql, script, StandardCharsets.UTF_8);
    Json.pretty().writeValue(json.toFile(), pool.stream().map(TreeMap::new).toList());
    return new Written(sql, json);
  }

  /** The pgbench script for {@code route} over {@code pool}. */
  static String script(
      Route route,
      List<Map<String, Object>> pool,
      boolean commit,
      Function<Setting, String> flags) {
    StringBuilder b = new StringBuilder();
    b.append("-- ").append(route.id()).append(": ").append(route.name()).append('\n');
    b.append("-- written by indexlab bench ").append(flags.apply(Setting.EXPORT_PGBENCH));
    b.append(" from ").append(route.file());
    b.append("\n-- ").append(pool.size()).append(" parameter sets, one drawn per transaction\n");
    b.append("\\set i random(0, ").append(pool.size() - 1).append(")\n");
    tree(b, route, pool, 0, pool.size());
    String begin =
        route.isolation() == Isolation.READ_COMMITTED
            ? "BEGIN;\n"
            : "BEGIN ISOLATION LEVEL " + route.isolation().sql().toUpperCase(Locale.ROOT) + ";\n";
    List<RouteStatement> statements = route.statements();
    boolean pipeline = statements.get(0).returns().isEmpty();
    b.append(pipeline ? "\\startpipeline\n" + begin : begin);
    for (int k = 0; k < statements.size(); k++) {
      RouteStatement s = statements.get(k);
      b.append(s.sql().strip());
      b.append(s.returns().isEmpty() ? ";\n" : " \\gset\n");
      if (k == 0 && pipeline) {
        b.append("\\endpipeline\n");
      }
    }
    b.append(commit ? "COMMIT;\n" : "ROLLBACK;\n");
    return b.toString();
  }

  /** {@code \if} tree over pool[from, to): the leaf sets the parameters of one set. */
  private static void tree(
      StringBuilder b, Route route, List<Map<String, Object>> pool, int from, int to) {
    if (to - from == 1) {
      for (Map.Entry<String, Object> e : new TreeMap<>(pool.get(from)).entrySet()) {
        b.append("\\set ").append(e.getKey()).append(' ');
        b.append(number(route, e.getKey(), e.getValue())).append('\n');
      }
      return;
    }
    int mid = (from + to) >>> 1;
    b.append("\\if :i < ").append(mid).append('\n');
    tree(b, route, pool, from, mid);
    b.append("\\else\n");
    tree(b, route, pool, mid, to);
    b.append("\\endif\n");
  }

  private static String number(Route route, String name, Object value) {
    if (value instanceof Long
        || value instanceof Integer
        || value instanceof Short
        || value instanceof BigInteger) {
      return value.toString();
    }
    if (value instanceof BigDecimal d && d.scale() <= 0) {
      return d.toBigInteger().toString();
    }
    throw IndexlabException.usage(
        route.file()
            + ": parameter :"
            + name
            + " is "
            + (value == null ? "null" : value.getClass().getSimpleName())
            + "; pgbench's \\set takes integers only, so route "
            + route.id()
            + " cannot be exported");
  }
}

package dev.indexlab.gate;

import dev.indexlab.explain.Plan;
import dev.indexlab.explain.PlanJsonParser;
import dev.indexlab.stats.SampleSummary;
import dev.indexlab.stats.SampleThinning;
import dev.indexlab.stats.SyntheticSamples;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Builds gate snapshots from captured plan fixtures (src/test/resources/plans) and numbers. */
final class GateFixtures {
  /** The cascade of deleting a user into song_history, as StatementDraw titles it. */
  static final String CASCADE =
      "cascade song_history_user_id_fkey: DELETE FROM ONLY \"public\".\"song_history\" WHERE"
          + " \"user_id\" = ?::bigint";

  private GateFixtures() {}

  static String json(String name) {
    String resource = "/plans/" + name + ".json";
    try (InputStream in = GateFixtures.class.getResourceAsStream(resource)) {
      return new String(
          Objects.requireNonNull(in, resource).readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Plan plan(String name) {
    return PlanJsonParser.parse(json(name));
  }

  static PlanSection statement(Plan plan) {
    return new PlanSection(PlanSection.STATEMENT, PlanShapes.nodes(plan));
  }

  static PlanSection cascade(Plan plan) {
    return new PlanSection(CASCADE, PlanShapes.nodes(plan));
  }

  /** One explained draw with {@code buffers} shared hits and the given plans. */
  static StatementDraw draw(long buffers, PlanSection... sections) {
    return new StatementDraw(1.0, buffers, 0, 0, List.of(sections), null);
  }

  /** Statement 2 "delete the user" with the given draws. */
  static StatementSnapshot deleteUser(StatementDraw... draws) {
    return new StatementSnapshot(
        1, "delete the user", "DELETE FROM users WHERE id = :user_id;", List.of(draws));
  }

  /** The user delete with its cascade into song_history planned as {@code cascadePlan}. */
  static StatementSnapshot deleteUserWith(String cascadePlan, long buffers) {
    return deleteUser(
        draw(buffers, statement(plan("writeup-delete-user")), cascade(plan(cascadePlan))));
  }

  /** A lognormal latency sample (median {@code medianMs}, log-sd {@code sigma}), seeded. */
  static double[] lognormal(int n, double medianMs, double sigma, long seed) {
    return SyntheticSamples.lognormal(n, medianMs, sigma, seed);
  }

  /** A measured route with its samples and statements. */
  static RouteSnapshot route(
      String id, double[] samples, Map<String, Long> rows, StatementSnapshot... statements) {
    return new RouteSnapshot(
        id,
        "POST /" + id,
        id + ".sql",
        SampleSummary.of(samples),
        SampleThinning.thin(samples, SampleThinning.DEFAULT_CAP),
        new double[] {SampleSummary.of(samples).p50()},
        Arrays.asList(statements),
        rows,
        2.0,
        null);
  }

  /** A measured route without statements whose JMH runs had the given medians (rounds). */
  static RouteSnapshot rounds(String id, double[] samples, double... runMedians) {
    return new RouteSnapshot(
        id,
        "POST /" + id,
        id + ".sql",
        SampleSummary.of(samples),
        SampleThinning.thin(samples, SampleThinning.DEFAULT_CAP),
        runMedians,
        List.of(),
        Map.of(),
        2.0,
        null);
  }

  /** A route that could not be measured. */
  static RouteSnapshot failed(String id, String error) {
    return new RouteSnapshot(
        id, "POST /" + id, id + ".sql", null, null, null, null, null, 0.5, error);
  }

  static BaselineMeta meta(Double scale, long seed) {
    return new BaselineMeta(
        "0.1.0",
        "SongStackify",
        "digest",
        Map.of("users_delete.sql", "aa", "schema/V1__songstackify_schema.sql", "bb"),
        "queries",
        scale,
        seed,
        GateSettings.baselineDefaults().metaProfile(),
        1,
        3,
        1000,
        "17.6",
        "2025-01-01T00:00:00Z");
  }

  static Baseline baseline(RouteSnapshot... routes) {
    return new Baseline(Baseline.FORMAT, meta(1.0, 42), new ArrayList<>(List.of(routes)));
  }
}

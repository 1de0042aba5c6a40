package dev.indexlab.gate;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Compares what two measurements were taken on. A different workload, scale or seed makes the
 * comparison meaningless (other data, other parameters): {@link #mismatches} lists those, and the
 * gate refuses unless {@code --allow-mismatch}. Everything else that differs is worth saying but
 * expected (the change under test edits files): {@link #notes}.
 */
public final class MetaCheck {
  private MetaCheck() {}

  /** What differs between the baseline and this run's workload name, scale and seed. */
  public static List<String> mismatches(
      BaselineMeta baseline, String workload, Double scale, long seed) {
    List<String> out = new ArrayList<>();
    if (!Objects.equals(baseline.workload(), workload)) {
      out.add("workload: baseline " + baseline.workload() + ", now " + workload);
    }
    if (!sameScale(baseline.scale(), scale)) {
      out.add("scale: baseline " + scale(baseline.scale()) + ", now " + scale(scale));
    }
    if (baseline.seed() != seed) {
      out.add("seed: baseline " + baseline.seed() + ", now " + seed);
    }
    return out;
  }

  /** Remarks on what else differs: files, server version, profile, draws. */
  public static List<String> notes(BaselineMeta before, BaselineMeta after) {
    List<String> out = new ArrayList<>();
    List<String> changed = WorkloadDigest.changes(before.files(), after.files());
    if (!changed.isEmpty()) {
      out.add("changed since the baseline: " + String.join(", ", changed));
    }
    if (!Objects.equals(before.postgresVersion(), after.postgresVersion())) {
      out.add(
          "PostgreSQL "
              + before.postgresVersion()
              + " in the baseline, "
              + after.postgresVersion()
              + " now");
    }
    if (!Objects.equals(before.profile(), after.profile())) {
      out.add(
          "JMH profile "
              + describe(before.profile())
              + " in the baseline, "
              + describe(after.profile())
              + " now");
    }
    if (before.explainDraws() != after.explainDraws()) {
      out.add(
          "EXPLAIN draws: "
              + before.explainDraws()
              + " in the baseline, "
              + after.explainDraws()
              + " now; plan sets may differ for that reason alone");
    }
    return out;
  }

  /** A profile in a few words, e.g. {@code gate (1 fork, 1×500 ms warm-up, 3×500 ms)}. */
  public static String describe(BaselineMeta.Profile p) {
    if (p == null) {
      return "(none)";
    }
    return p.name()
        + " ("
        + p.forks()
        + (p.forks() == 1 ? " fork, " : " forks, ")
        + p.warmupIterations()
        + "×"
        + p.warmupMillis()
        + " ms warm-up, "
        + p.measurementIterations()
        + "×"
        + p.measurementMillis()
        + " ms)";
  }

  /** A scale as written on the command line ({@code 1}, {@code 0.01}), or {@code unknown}. */
  public static String scale(Double scale) {
    return scale == null
        ? "unknown (data not seeded by indexlab)"
        : BigDecimal.valueOf(scale).stripTrailingZeros().toPlainString();
  }

  private static boolean sameScale(Double a, Double b) {
    return a == null ? b == null : b != null && Double.compare(a, b) == 0;
  }
}

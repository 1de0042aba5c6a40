package dev.indexlab.advise;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.indexlab.Json;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which relations each sampled route statement's plans scan, for the partitioned tables: a finding
 * on one partition becomes an index on the partitioned parent unless the statement reads that
 * partition alone (it names the partition, or the planner pruned the parent to that one partition).
 * The plans are plain EXPLAINs (nothing runs) of every sampled parameter set of a statement, in a
 * transaction that is rolled back; a statement whose plans differ by parameter set (pruned to
 * another partition for another value) counts every partition any of them scanned.
 *
 * <pre>{@code
 * PartitionReads reads = PartitionReads.explain(c, catalog, sample);
 * reads.scanned("payment_lookup", 0);   // Optional[[payment_p2022_07]]
 * }</pre>
 */
final class PartitionReads {
  private static final ObjectMapper JSON = Json.mapper();

  private final Map<String, Set<String>> scanned;

  private PartitionReads(Map<String, Set<String>> scanned) {
    this.scanned = Map.copyOf(scanned);
  }

  /** Nothing known: every finding on a partition is taken to read through its parent. */
  public static PartitionReads none() {
    return new PartitionReads(Map.of());
  }

  /**
   * Explains the sampled statements when the catalog has partitioned tables (otherwise nothing is
   * explained); {@code c} is the caller's, its autocommit setting is restored.
   */
  public static PartitionReads explain(Connection c, Catalog catalog, WorkloadSample sample)
      throws SQLException {
    if (catalog.tables().stream().noneMatch(CatalogTable::partitioned)) {
      return none();
    }
    Map<String, Set<String>> scanned = new HashMap<>();
    boolean autoCommit = c.getAutoCommit();
    c.setAutoCommit(false);
    try {
      for (WhatIfStatement s : sample.statements()) {
        if (s.route() == null || s.statement() == null) {
          continue;
        }
        Set<String> relations = scanned.computeIfAbsent(key(s.route(), s.statement()), k -> set());
        Savepoint sp = c.setSavepoint();
        try {
          collect(JSON.readTree(s.planJson(c)), relations);
          c.releaseSavepoint(sp);
        } catch (SQLException | IOException e) {
          // a statement that cannot be explained alone (it needs an earlier one's rows): unknown
          c.rollback(sp);
          scanned.remove(key(s.route(), s.statement()));
        }
      }
    } finally {
      c.rollback();
      c.setAutoCommit(autoCommit);
    }
    return new PartitionReads(scanned);
  }

  /** For tests: the given scans, keyed {@code route#statement} (0-based statement). */
  static PartitionReads of(Map<String, Set<String>> scanned) {
    return new PartitionReads(scanned);
  }

  /** The relation names the statement's plans scan, when it was explained. */
  public Optional<Set<String>> scanned(String route, Integer statement) {
    if (route == null || statement == null) {
      return Optional.empty();
    }
    return Optional.ofNullable(scanned.get(key(route, statement)));
  }

  /**
   * True when route statement {@code (route, statement)} reads {@code partition} and no other
   * partition of {@code root}: an index on that partition alone serves it.
   */
  boolean readsAlone(
      Catalog catalog, CatalogTable root, CatalogTable partition, String route, Integer statement) {
    Optional<Set<String>> names = scanned(route, statement);
    if (names.isEmpty()) {
      return false;
    }
    Set<String> leaves = new LinkedHashSet<>();
    catalog.leavesOf(root).forEach(t -> leaves.add(t.name()));
    Set<String> read = new LinkedHashSet<>(names.get());
    read.retainAll(leaves);
    return read.equals(Set.of(partition.name()));
  }

  private static String key(String route, int statement) {
    return route + "#" + statement;
  }

  private static Set<String> set() {
    return new LinkedHashSet<>();
  }

  /** Every scanned relation's name in the plan (scan nodes name the partition they read). */
  private static void collect(JsonNode node, Set<String> out) {
    if (node.isArray()) {
      node.forEach(n -> collect(n, out));
      return;
    }
    JsonNode plan = node.has("Plan") ? node.get("Plan") : node;
    String type = plan.path("Node Type").asText("");
    JsonNode relation = plan.get("Relation Name");
    if (relation != null && type.endsWith("Scan")) {
      out.add(relation.asText());
    }
    for (JsonNode child : plan.path("Plans")) {
      collect(child, out);
    }
  }
}

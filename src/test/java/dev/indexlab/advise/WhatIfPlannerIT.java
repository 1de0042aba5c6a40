package dev.indexlab.advise;

import static org.assertj.core.api.Assertions.assertThat;

import dev.indexlab.check.CandidateKind;
import dev.indexlab.db.ConnectionSpec;
import dev.indexlab.schema.TableChecksums;
import dev.indexlab.workload.Route;
import dev.indexlab.workload.RouteParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WhatIfPlannerIT {
  static ConnectionSpec db;
  @TempDir static Path dir;

  @BeforeAll
  static void createData() throws Exception {
    db = SalesSchema.create("advise_whatif", true);
  }

  private static WorkloadSample sample(Connection c) throws Exception {
    Path file = dir.resolve("orders_recent.sql");
    Files.writeString(
        file,
        String.join(
            "\n",
            "-- @route GET /customers/{id}/orders",
            "-- @param customer sample: SELECT \"customerId\" FROM \"Sales\".\"Customer\"",
            "-- @statement recent orders",
            "SELECT id, note FROM \"Sales\".\"OrderLine\" WHERE \"customerId\" = :customer",
            "ORDER BY created_at DESC LIMIT 5;",
            ""));
    Route route = RouteParser.parse(file);
    return WorkloadSample.run(c, List.of(route), 3, 4);
  }

  private static Candidate candidate(Advice advice, String name) {
    return advice.candidates().stream()
        .filter(c -> c.name().equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError(name + " not in " + advice.candidates()));
  }

  @Test
  void plannerUsesTheForeignKeyIndexForTheCascadeAndIgnoresAUselessOne() throws Exception {
    try (Connection c = db.open()) {
      Catalog catalog = CatalogReader.read(c);
      Advice advice = Advising.advise(catalog);
      WorkloadSample sample = sample(c);
      assertThat(sample.failures()).isEmpty();
      assertThat(sample.statements()).hasSize(4);
      AffectedStatements affected = new AffectedStatements(catalog, sample, 2);
      WhatIfPlanner planner = new WhatIfPlanner(c);
      Snapshot before = Snapshot.of(c);

      Candidate fk = candidate(advice, "idx_orderline_customerid");
      List<WhatIfStatement> statements = affected.forCandidate(c, fk);
      assertThat(statements.get(0).sql())
          .isEqualTo("DELETE FROM ONLY \"Sales\".\"OrderLine\" WHERE \"customerId\" = ?");
      assertThat(statements).hasSize(3); // the cascade, and the route's statement twice
      WhatIfResult used = planner.evaluate(fk, statements);
      assertThat(used.verdict()).isEqualTo(WhatIfVerdict.PLANNER_USES);
      assertThat(used.createdIndexes()).containsExactly("orderline_customerid_idx");
      StatementWhatIf cascade = used.statements().get(0);
      assertThat(cascade.usesAfter()).isTrue();
      assertThat(cascade.costAfter()).isLessThan(cascade.costBefore() / 10);
      assertThat(used.summary()).startsWith("planner uses orderline_customerid_idx in 3 of 3");

      Candidate useless =
          new Candidate(
              "idx_orderline_note",
              CandidateKind.CREATE_INDEX,
              List.of(
                  new IndexSpec(
                      "Sales",
                      "OrderLine",
                      "orderline_note_idx",
                      "btree",
                      List.of(IndexKey.asc("note")))),
              List.of("CREATE INDEX orderline_note_idx ON \"Sales\".\"OrderLine\" (note)"),
              List.of(),
              "never filtered on",
              List.of());
      WhatIfResult ignored = planner.evaluate(useless, affected.forCandidate(c, useless));
      assertThat(ignored.verdict()).isEqualTo(WhatIfVerdict.PLANNER_IGNORES);
      assertThat(ignored.verdict().measure()).isFalse();
      assertThat(ignored.statements()).isNotEmpty().noneMatch(StatementWhatIf::usesAfter);
      assertThat(ignored.costAfter()).isEqualTo(ignored.costBefore());

      assertThat(Snapshot.of(c)).isEqualTo(before);
    }
  }

  @Test
  void trigramCandidateAndDropAndFailureLeaveNothingBehind() throws Exception {
    try (Connection c = db.open()) {
      Catalog catalog = CatalogReader.read(c);
      PlanFinding like =
          PlanFindings.leadingWildcard(
              "Sales", "OrderLine", List.of("note"), "search", 0, "Seq Scan", Map.of());
      Advice advice = Advising.advise(catalog, List.of(like), Optional.empty());
      Snapshot before = Snapshot.of(c);
      WhatIfPlanner planner = new WhatIfPlanner(c);

      Candidate trgm = candidate(advice, "trgm_orderline_note");
      assertThat(trgm.statements().get(0)).isEqualTo("CREATE EXTENSION IF NOT EXISTS pg_trgm");
      WhatIfStatement search =
          new WhatIfStatement(
              "search",
              "search",
              0,
              "SELECT id FROM \"Sales\".\"OrderLine\" WHERE note LIKE ?",
              List.of("%abc1f%"));
      WhatIfResult t = planner.evaluate(trgm, List.of(search));
      assertThat(t.verdict()).isEqualTo(WhatIfVerdict.PLANNER_USES);
      assertThat(t.createdIndexes()).containsExactly("orderline_note_trgm_idx");

      Candidate drop = candidate(advice, "drop_shipment_bay_idx");
      WhatIfStatement byBay =
          new WhatIfStatement(
              "by bay",
              "r",
              0,
              "SELECT count(*) FROM \"Sales\".\"Shipment\" WHERE bay = ?",
              List.of(3));
      WhatIfResult d = planner.evaluate(drop, List.of(byBay));
      assertThat(d.droppedIndexes()).containsExactly("shipment_bay_idx");
      // the wider index takes over at a slightly higher estimated cost
      assertThat(d.verdict()).isEqualTo(WhatIfVerdict.DROP_KEEPS_PLANS);
      assertThat(d.statements().get(0).usedBefore()).isTrue();

      Candidate broken =
          new Candidate(
              "idx_orderline_missing",
              CandidateKind.CREATE_INDEX,
              List.of(),
              List.of(
                  "CREATE INDEX orderline_missing_idx ON \"Sales\".\"OrderLine\" (no_such_column)"),
              List.of(),
              "a missing column",
              List.of());
      WhatIfResult f = planner.evaluate(broken, List.of(search));
      assertThat(f.verdict()).isEqualTo(WhatIfVerdict.FAILED);
      assertThat(f.summary()).contains("no_such_column").contains("42703");

      assertThat(Snapshot.of(c)).isEqualTo(before);
      assertThat(c.getAutoCommit()).isTrue();
    }
  }

  /** Indexes, installed extensions and table contents, to prove the what-if left nothing. */
  record Snapshot(List<String> indexes, List<String> extensions, Map<String, ?> checksums) {
    static Snapshot of(Connection c) throws Exception {
      List<String> indexes = new ArrayList<>();
      for (CatalogIndex i : CatalogReader.read(c).indexes()) {
        indexes.add(i.key() + " " + i.definition() + " valid=" + i.valid());
      }
      List<String> extensions = new ArrayList<>();
      try (Statement st = c.createStatement();
          ResultSet rs = st.executeQuery("SELECT extname FROM pg_extension ORDER BY 1")) {
        while (rs.next()) {
          extensions.add(rs.getString(1));
        }
      }
      return new Snapshot(indexes, extensions, TableChecksums.compute(c));
    }
  }
}

package dev.indexlab.advise;

import static org.assertj.core.api.Assertions.assertThat;

import dev.indexlab.bench.WrittenTables;
import dev.indexlab.db.ConnectionSpec;
import dev.indexlab.explain.RouteCapture;
import dev.indexlab.results.RunResults;
import dev.indexlab.testing.TestDatabases;
import dev.indexlab.workload.Route;
import dev.indexlab.workload.RouteParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What indexlab reads of a partitioned schema on PostgreSQL itself
 * (src/test/resources/workloads/partitioned-payments): the catalog's partitions, attached indexes
 * and inheritance, the tables a delete through the parent writes, and the drill-downs of the
 * foreign keys into and out of the partitioned table, whose triggers PostgreSQL puts on the
 * partitions.
 */
class PartitionedCatalogIT {
  static final Path WORKLOAD = Path.of("src/test/resources/workloads/partitioned-payments");

  private static ConnectionSpec db;

  @TempDir Path dir;

  @BeforeAll
  static void database() throws Exception {
    db = TestDatabases.empty("partitioned_catalog");
    try (Connection c = db.open();
        Statement st = c.createStatement()) {
      st.execute(Files.readString(WORKLOAD.resolve("schema/V1__payments.sql")));
      st.execute(Files.readString(WORKLOAD.resolve("data/rows.sql")));
      st.execute("ANALYZE");
    }
  }

  @Test
  void theCatalogKnowsPartitionsAttachedIndexesAndInheritance() throws Exception {
    Catalog catalog;
    try (Connection c = db.open()) {
      catalog = CatalogReader.read(c);
    }
    CatalogTable payment = catalog.table("public", "payment").orElseThrow();
    assertThat(payment.partitioned()).isTrue();
    assertThat(payment.leafPartitions()).isEqualTo(4);
    assertThat(payment.rowEstimate()).isEqualTo(8_000);
    assertThat(payment.totalBytes()).isPositive();
    assertThat(catalog.partitionsOf(payment))
        .extracting(CatalogTable::name)
        .containsExactly(
            "payment_2024_01", "payment_2024_02", "payment_2024_03", "payment_2024_04");
    CatalogTable march = catalog.table("public", "payment_2024_03").orElseThrow();
    assertThat(march.partitionOf()).isEqualTo("public.payment");
    assertThat(catalog.partitionRoot(march)).isEqualTo(payment);

    CatalogIndex parentIndex = catalog.index("public", "payment_paid_on_idx").orElseThrow();
    assertThat(parentIndex.partitioned()).isTrue();
    assertThat(parentIndex.leafPartitions()).isEqualTo(4);
    assertThat(parentIndex.sizeBytes())
        .isEqualTo(
            catalog.attachedTo(parentIndex).stream().mapToLong(CatalogIndex::sizeBytes).sum());
    assertThat(catalog.index("public", "payment_2024_02_paid_on_idx").orElseThrow().parentIndex())
        .isEqualTo("public.payment_paid_on_idx");
    assertThat(catalog.index("public", "payment_2024_02_paid_on_copy").orElseThrow().parentIndex())
        .isNull();

    CatalogTable archived = catalog.table("public", "payment_archive_2023").orElseThrow();
    assertThat(archived.inheritsFrom()).isEqualTo("public.payment_archive");
    assertThat(archived.isPartition()).isFalse();
    assertThat(Advising.advise(catalog).notes())
        .anySatisfy(
            n -> {
              assertThat(n.rule()).isEqualTo(Rule.TABLE_INHERITANCE);
              assertThat(n.message()).startsWith("inherits from public.payment_archive");
            });
    // the declared foreign keys only, not PostgreSQL's clones on the partitions
    assertThat(catalog.foreignKeys())
        .extracting(ForeignKey::name)
        .containsExactlyInAnyOrder("payment_customer_id_fkey", "refund_payment_id_paid_on_fkey");
  }

  @Test
  void aDeleteThroughTheParentWritesEveryPartitionAndItsCascade() throws Exception {
    Route delete = RouteParser.parse(WORKLOAD.resolve("payment_delete.sql"));
    try (Connection c = db.open()) {
      assertThat(WrittenTables.of(c, delete))
          .containsExactly("\"public\".\"payment\"", "\"public\".\"refund\"");
      assertThat(WrittenTables.reached(c, delete))
          .contains(
              "\"public\".\"payment\"",
              "\"public\".\"refund\"",
              "\"public\".\"payment_2024_01\"",
              "\"public\".\"payment_2024_04\"");
      assertThat(WrittenTables.deletedFrom(c, delete))
          .containsExactlyInAnyOrder(
              "public.payment",
              "public.refund",
              "public.payment_2024_01",
              "public.payment_2024_02",
              "public.payment_2024_03",
              "public.payment_2024_04");
    }
  }

  @Test
  void foreignKeysIntoAndOutOfThePartitionedTableAreDrilledInto() throws Exception {
    Route delete = RouteParser.parse(WORKLOAD.resolve("payment_delete.sql"));
    Path insertFile = dir.resolve("payment_add.sql");
    Files.writeString(
        insertFile,
        String.join(
            "\n",
            "-- @route POST /payments",
            "-- @param customer_id sample: SELECT id FROM customer",
            "-- @statement add a payment",
            "INSERT INTO payment (id, customer_id, amount, paid_on, note)",
            "VALUES (100000, :customer_id, 1, DATE '2024-02-10', 'n');",
            ""));
    Route insert = RouteParser.parse(insertFile);
    RouteCapture capture = new RouteCapture(1, 42);
    try (Connection c = db.open()) {
      RouteCapture.Result deleted = capture.capture(c, delete, dir.resolve("plans"), null);
      assertThat(deleted.error()).isNull();
      // the cascade into refund fires from the partition the row is in, under a cloned key
      assertThat(deleted.statements().get(0).drillDowns())
          .singleElement()
          .satisfies(
              d -> {
                assertThat(d.constraint()).startsWith("refund_payment_id_paid_on_fkey");
                assertThat(d.referencingTable()).isEqualTo("public.refund");
                assertThat(d.sql()).startsWith("DELETE FROM ONLY \"public\".\"refund\"");
                assertThat(d.executionMs()).isFinite();
              });

      RouteCapture.Result inserted = capture.capture(c, insert, dir.resolve("plans"), null);
      assertThat(inserted.error()).isNull();
      List<RunResults.Trigger> triggers = inserted.statements().get(0).triggers();
      // the insert's check runs from the trigger PostgreSQL put on the partition it went to
      assertThat(triggers).anySatisfy(t -> assertThat(t.relation()).isEqualTo("payment_2024_02"));
    }
  }

  @Test
  void theWhatIfOfAParentIndexSeesThePartitionsIndexesInThePlans() throws Exception {
    Route lookup = RouteParser.parse(WORKLOAD.resolve("payment_lookup.sql"));
    try (Connection c = db.open()) {
      WorkloadSample sample = WorkloadSample.run(c, List.of(lookup), 42, 3);
      Catalog catalog = CatalogReader.read(c);
      Candidate parent =
          Advising.advise(catalog, List.of(), Optional.empty()).candidates().stream()
              .filter(x -> x.name().equals("idx_payment_customer_id"))
              .findFirst()
              .orElseThrow();
      List<WhatIfStatement> statements =
          new AffectedStatements(catalog, sample, 2).forCandidate(c, parent);
      WhatIfResult r = new WhatIfPlanner(c).evaluate(parent, statements);
      assertThat(r.verdict()).isEqualTo(WhatIfVerdict.PLANNER_USES);
      assertThat(r.summary()).contains("payment_2024_01_customer_id_idx");
    }
  }
}

package dev.indexlab.advise;

import static org.assertj.core.api.Assertions.assertThat;

import dev.indexlab.check.CandidateKind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The advisor's rules on a partitioned table, from a hand-built catalog: payment partitioned by
 * month into three partitions, each with its part of the parent's index on paid_on, one with its
 * own copy of it.
 */
class PartitionRulesTest {
  static final List<String> COLUMNS = List.of("id", "customer_id", "paid_on", "note");

  static CatalogTable table(String name, boolean partitioned, int leaves, String parent) {
    Map<String, String> quoted = new LinkedHashMap<>();
    COLUMNS.forEach(c -> quoted.put(c, c));
    return new CatalogTable(
        "public",
        name,
        "public." + name,
        partitioned ? 6_000 : 2_000,
        0,
        100_000,
        COLUMNS,
        quoted,
        partitioned,
        leaves,
        parent,
        null);
  }

  static CatalogIndex index(
      String table, String name, boolean partitioned, String parentIndex, long scans) {
    return new CatalogIndex(
        "public",
        table,
        name,
        "public." + name,
        "btree",
        false,
        false,
        true,
        List.of(new IndexColumn("paid_on", false, false, "date_ops", true)),
        null,
        8192,
        scans,
        "CREATE INDEX " + name,
        null,
        partitioned,
        partitioned ? 3 : 0,
        parentIndex);
  }

  static final CatalogTable PAYMENT = table("payment", true, 3, null);
  static final List<CatalogTable> TABLES =
      List.of(
          PAYMENT,
          table("payment_2024_01", false, 0, "public.payment"),
          table("payment_2024_02", false, 0, "public.payment"),
          table("payment_2024_03", false, 0, "public.payment"));

  static Catalog catalog(List<ForeignKey> keys, long... childScans) {
    List<CatalogIndex> indexes = new ArrayList<>();
    indexes.add(index("payment", "payment_paid_on_idx", true, null, 0));
    for (int m = 1; m <= 3; m++) {
      String part = "payment_2024_0" + m;
      long scans = childScans.length >= m ? childScans[m - 1] : 0;
      indexes.add(index(part, part + "_paid_on_idx", false, "public.payment_paid_on_idx", scans));
    }
    indexes.add(index("payment_2024_02", "payment_2024_02_paid_on_copy", false, null, 0));
    return new Catalog(TABLES, indexes, keys, Map.of());
  }

  static PlanFinding seqScanOn(String partition, String route, String column) {
    return PlanFindings.seqScan(
        null,
        partition,
        List.of(column),
        List.of(),
        route,
        0,
        "/0/Plan/Plans/0/Plans/" + partition.charAt(partition.length() - 1),
        null,
        Map.of("rowsRemoved", 1_990.0, "rowsReturned", 10.0));
  }

  @Test
  void findingsOnEveryPartitionOfALookupThroughTheParentBecomeOneParentIndex() {
    List<PlanFinding> findings =
        List.of(
            seqScanOn("payment_2024_01", "lookup", "customer_id"),
            seqScanOn("payment_2024_02", "lookup", "customer_id"),
            seqScanOn("payment_2024_03", "lookup", "customer_id"));
    Advice a = Advising.advise(catalog(List.of()), findings, Optional.empty());
    List<Candidate> creates =
        a.candidates().stream().filter(c -> c.kind() == CandidateKind.CREATE_INDEX).toList();
    assertThat(creates).hasSize(1);
    Candidate c = creates.get(0);
    assertThat(c.statements())
        .containsExactly("CREATE INDEX payment_customer_id_idx ON public.payment (customer_id)");
    assertThat(c.reasons()).hasSize(3);
    assertThat(c.reasons().get(0).comment())
        .startsWith("Seq Scan on payment_2024_01 (a partition of payment) in route lookup");
    assertThat(c.description()).endsWith("(partitioned: one index on each of its 3 partitions)");
  }

  @Test
  void aStatementThatReadsOnePartitionAloneGetsThePartitionsOwnIndex() {
    PartitionReads keyed =
        PartitionReads.of(
            Map.of(
                "march#0", Set.of("payment_2024_03"),
                "lookup#0", Set.of("payment_2024_01", "payment_2024_02", "payment_2024_03")));
    Advice a =
        Advisor.advise(
            catalog(List.of()),
            List.of(seqScanOn("payment_2024_03", "march", "note")),
            Optional.empty(),
            keyed);
    assertThat(a.candidates())
        .filteredOn(c -> c.kind() == CandidateKind.CREATE_INDEX)
        .singleElement()
        .satisfies(
            c ->
                assertThat(c.statements())
                    .containsExactly(
                        "CREATE INDEX payment_2024_03_note_idx ON public.payment_2024_03 (note)"));
    // pruned to the same partition, but read through the parent by another route: the parent
    Advice b =
        Advisor.advise(
            catalog(List.of()),
            List.of(seqScanOn("payment_2024_03", "lookup", "note")),
            Optional.empty(),
            keyed);
    assertThat(b.candidates())
        .filteredOn(c -> c.kind() == CandidateKind.CREATE_INDEX)
        .singleElement()
        .satisfies(c -> assertThat(c.indexes().get(0).table()).isEqualTo("payment"));
    assertThat(keyed.scanned("march", 0)).contains(Set.of("payment_2024_03"));
  }

  @Test
  void onlyThePartitionsOwnDuplicateIsProposedForDropping() {
    Advice a = Advising.advise(catalog(List.of()));
    assertThat(a.candidates())
        .extracting(Candidate::name)
        .containsExactly("drop_payment_2024_02_paid_on_copy");
    Candidate drop = a.candidates().get(0);
    assertThat(drop.statements()).containsExactly("DROP INDEX public.payment_2024_02_paid_on_copy");
    assertThat(drop.description()).endsWith("(a partition of payment)");
    assertThat(drop.reasons().get(0).comment())
        .contains(
            "payment_2024_02_paid_on_idx is this partition's part of public.payment_paid_on_idx");
  }

  @Test
  void anIndexOnTheParentIsUnusedOnlyWhenNoPartitionScannedItsPart() {
    IndexUsage none = new IndexUsage(Map.of(), "3 routes x 20 invocations");
    Catalog unused = catalog(List.of());
    assertThat(DropRules.unused(unused, none, new ArrayList<>()))
        .extracting(p -> p.dropTarget().name())
        .containsExactlyInAnyOrder("payment_paid_on_idx", "payment_2024_02_paid_on_copy");
    IndexUsage onePartition =
        new IndexUsage(Map.of("public.payment_2024_03_paid_on_idx", 4L), "3 routes");
    assertThat(DropRules.unused(unused, onePartition, new ArrayList<>()))
        .extracting(p -> p.dropTarget().name())
        .containsExactly("payment_2024_02_paid_on_copy");
  }

  @Test
  void aForeignKeyOnTheParentIsProposedOnTheParentNotPerPartition() {
    ForeignKey fk =
        new ForeignKey(
            "payment_customer_id_fkey",
            "public",
            "payment",
            List.of("customer_id"),
            "public",
            "customer",
            List.of("id"),
            ForeignKey.Action.NO_ACTION,
            ForeignKey.Action.NO_ACTION);
    Advice a = Advising.advise(catalog(List.of(fk)));
    Candidate c =
        a.candidates().stream()
            .filter(x -> x.kind() == CandidateKind.CREATE_INDEX)
            .findFirst()
            .orElseThrow();
    assertThat(c.indexes()).extracting(IndexSpec::table).containsExactly("payment");
    assertThat(c.reasons().get(0).comment())
        .contains("every delete of a customer row")
        .contains("payment is partitioned: the index on it is built on each of its 3 partitions");
  }

  @Test
  void theArticleFollowsTheTableName() {
    assertThat(ForeignKeyRule.article("employees")).isEqualTo("an");
    assertThat(ForeignKeyRule.article("users")).isEqualTo("a");
    assertThat(ForeignKeyRule.article("updates")).isEqualTo("an");
    assertThat(ForeignKeyRule.article("orders")).isEqualTo("an");
    assertThat(ForeignKeyRule.article("customer")).isEqualTo("a");
  }

  @Test
  void theProductionMigrationBuildsEachPartitionConcurrentlyAndAttachesIt() {
    Candidate c =
        new Candidate(
            "idx_payment_customer_id",
            CandidateKind.CREATE_INDEX,
            List.of(
                new IndexSpec(
                    "public",
                    "payment",
                    "payment_customer_id_idx",
                    "btree",
                    List.of(IndexKey.asc("customer_id")))),
            List.of("CREATE INDEX payment_customer_id_idx ON public.payment (customer_id)"),
            List.of(),
            "Index on payment (customer_id)",
            List.of());
    List<String> sql =
        ProductionMigration.statements(c, Optional.of(catalog(List.of()))).orElseThrow();
    assertThat(sql)
        .containsExactly(
            "SET lock_timeout = '5s'",
            "CREATE INDEX IF NOT EXISTS payment_customer_id_idx ON ONLY public.payment"
                + " (customer_id)",
            "CREATE INDEX CONCURRENTLY IF NOT EXISTS payment_2024_01_customer_id_idx"
                + " ON public.payment_2024_01 (customer_id)",
            "ALTER INDEX public.payment_customer_id_idx"
                + " ATTACH PARTITION public.payment_2024_01_customer_id_idx",
            "CREATE INDEX CONCURRENTLY IF NOT EXISTS payment_2024_02_customer_id_idx"
                + " ON public.payment_2024_02 (customer_id)",
            "ALTER INDEX public.payment_customer_id_idx"
                + " ATTACH PARTITION public.payment_2024_02_customer_id_idx",
            "CREATE INDEX CONCURRENTLY IF NOT EXISTS payment_2024_03_customer_id_idx"
                + " ON public.payment_2024_03 (customer_id)",
            "ALTER INDEX public.payment_customer_id_idx"
                + " ATTACH PARTITION public.payment_2024_03_customer_id_idx",
            "RESET lock_timeout");
    // without the catalog, the plain CONCURRENTLY form (which PostgreSQL refuses on a parent)
    assertThat(ProductionMigration.statements(c).orElseThrow())
        .contains(
            "CREATE INDEX CONCURRENTLY IF NOT EXISTS payment_customer_id_idx ON public.payment"
                + " (customer_id)");
    // dropping the parent's index cannot be done CONCURRENTLY
    Candidate drop =
        new Candidate(
            "drop_payment_paid_on_idx",
            CandidateKind.DROP_INDEX,
            List.of(),
            List.of("DROP INDEX public.payment_paid_on_idx"),
            List.of(),
            "",
            List.of());
    assertThat(ProductionMigration.statements(drop, Optional.of(catalog(List.of()))).orElseThrow())
        .contains("DROP INDEX IF EXISTS public.payment_paid_on_idx");
  }
}

package dev.indexlab.advise;

import static org.assertj.core.api.Assertions.assertThat;

import dev.indexlab.check.CandidateKind;
import dev.indexlab.db.ConnectionSpec;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AdvisorIT {
  @Test
  void readsTheCatalogOfAQuotedNonPublicSchema() throws Exception {
    ConnectionSpec db = SalesSchema.create("advise_catalog", false);
    try (Connection c = db.open()) {
      Catalog catalog = CatalogReader.read(c);
      CatalogTable orders = catalog.table("Sales", "OrderLine").orElseThrow();
      assertThat(orders.qualifiedName()).isEqualTo("\"Sales\".\"OrderLine\"");
      assertThat(orders.quoted("customerId")).contains("\"customerId\"");
      assertThat(orders.quoted("country_iso")).contains("country_iso");
      assertThat(orders.reltuples()).isEqualTo(-1);

      CatalogIndex wide = catalog.index("Sales", "shipment_bay_site_idx").orElseThrow();
      assertThat(wide.keyColumns())
          .extracting(IndexColumn::name)
          .containsExactly("bay", "site", "shipped_at");
      assertThat(wide.method()).isEqualTo("btree");
      assertThat(wide.constraint()).isEmpty();
      assertThat(wide.definition()).contains("USING btree (bay, site, shipped_at)");

      CatalogIndex unique = catalog.index("Sales", "customer_code_key").orElseThrow();
      assertThat(unique.unique()).isTrue();
      assertThat(unique.constraint()).contains("customer_code_key");
      CatalogIndex pk = catalog.index("Sales", "Warehouse_pkey").orElseThrow();
      assertThat(pk.primary()).isTrue();
      assertThat(pk.keyColumns()).extracting(IndexColumn::name).containsExactly("site", "bay");

      ForeignKey composite =
          catalog.foreignKeys().stream()
              .filter(fk -> fk.name().equals("orderline_bay_fkey"))
              .findFirst()
              .orElseThrow();
      assertThat(composite.schema()).isEqualTo("Sales");
      assertThat(composite.table()).isEqualTo("OrderLine");
      assertThat(composite.columns()).containsExactly("site", "bay");
      assertThat(composite.refTable()).isEqualTo("Warehouse");
      assertThat(composite.refColumns()).containsExactly("site", "bay");
      assertThat(composite.onDelete()).isEqualTo(ForeignKey.Action.NO_ACTION);
      ForeignKey text =
          catalog.foreignKeys().stream()
              .filter(fk -> fk.columns().equals(List.of("country_iso")))
              .findFirst()
              .orElseThrow();
      assertThat(text.onDelete()).isEqualTo(ForeignKey.Action.SET_NULL);
      assertThat(text.refColumns()).containsExactly("iso");
      assertThat(catalog.extensionAvailable("pg_trgm")).isTrue();
    }
  }

  @Test
  void proposesExactlyTheForeignKeysNoIndexLeadsWith() throws Exception {
    ConnectionSpec db = SalesSchema.create("advise_fk", true);
    Advice advice;
    try (Connection c = db.open()) {
      advice = Advising.advise(CatalogReader.read(c));
    }
    List<Candidate> fk =
        advice.candidates().stream()
            .filter(c -> c.rules().contains(Rule.UNINDEXED_FOREIGN_KEY))
            .toList();
    assertThat(fk)
        .extracting(c -> c.indexes().get(0).describe())
        .containsExactly(
            // writing actions first (CASCADE, SET NULL), then by size of the referencing table
            "OrderLine (customerId)",
            "OrderLine (country_iso)",
            "OrderLine (site, bay)",
            "Shipment (customerId)");
    Candidate cascade = fk.get(0);
    assertThat(cascade.name()).isEqualTo("idx_orderline_customerid");
    assertThat(cascade.kind()).isEqualTo(CandidateKind.CREATE_INDEX);
    assertThat(cascade.statements())
        .containsExactly(
            "CREATE INDEX orderline_customerid_idx ON \"Sales\".\"OrderLine\" (\"customerId\")");
    Reason why = cascade.reasons().get(0);
    assertThat(why.subject()).isEqualTo("OrderLine_customerId_fkey");
    assertThat(why.numbers()).containsEntry("referencingRows", 60000.0);
    assertThat(why.comment()).contains("ON DELETE CASCADE").contains("60,000 rows of OrderLine");
    assertThat(fk.get(2).statements().get(0)).endsWith("(site, bay)");
    assertThat(advice.notes())
        .anySatisfy(
            n -> {
              assertThat(n.subject()).isEqualTo("shipment_bay_fkey");
              assertThat(n.message()).contains("served by index shipment_bay_site_idx");
            });
  }

  @Test
  void dropsARedundantPrefixButNeverAnIndexThatEnforcesSomething() throws Exception {
    ConnectionSpec db = SalesSchema.create("advise_drop", false);
    Advice advice;
    try (Connection c = db.open()) {
      advice = Advising.advise(CatalogReader.read(c));
    }
    List<Candidate> drops =
        advice.candidates().stream().filter(c -> c.kind() == CandidateKind.DROP_INDEX).toList();
    assertThat(drops).extracting(Candidate::name).containsExactly("drop_shipment_bay_idx");
    assertThat(drops.get(0).statements()).containsExactly("DROP INDEX \"Sales\".shipment_bay_idx");
    assertThat(drops.get(0).reasons().get(0).comment()).contains("prefix of shipment_bay_site_idx");
    assertThat(advice.notes())
        .anySatisfy(
            n -> {
              assertThat(n.rule()).isEqualTo(Rule.REDUNDANT_INDEX);
              assertThat(n.subject()).isEqualTo("customer_code_key");
              assertThat(n.message()).contains("backs constraint customer_code_key");
            })
        .anySatisfy(
            n -> {
              assertThat(n.subject()).isEqualTo("shipment_tracking_key");
              assertThat(n.message()).contains("unique index");
            });
  }

  @Test
  void unusedIndexesComeFromMeasuredScansAndKeepConstraints() throws Exception {
    ConnectionSpec db = SalesSchema.create("advise_unused", true);
    try (Connection c = db.open()) {
      Map<String, Long> before = IndexUsage.snapshot(c);
      try (Statement st = c.createStatement()) {
        st.execute("SET enable_seqscan = off");
        st.executeQuery(
                "SELECT count(*) FROM \"Sales\".\"OrderLine\""
                    + " WHERE created_at > '2024-01-02' AND country_iso = 'DE'")
            .close();
        st.execute("RESET enable_seqscan");
      }
      IndexUsage usage = IndexUsage.between(before, IndexUsage.snapshot(c), "one query");
      Catalog catalog = CatalogReader.read(c);
      assertThat(usage.scans(catalog.index("Sales", "orderline_created_country_idx").orElseThrow()))
          .isPositive();
      Advice advice = Advising.advise(catalog, List.of(), Optional.of(usage));
      List<String> dropped =
          advice.candidates().stream()
              .filter(cand -> cand.kind() == CandidateKind.DROP_INDEX)
              .map(cand -> cand.indexes().get(0).name())
              .toList();
      assertThat(dropped)
          .contains("shipment_bay_idx", "shipment_tracking_shipped_idx")
          .doesNotContain(
              "orderline_created_country_idx",
              "customer_code_key",
              "shipment_tracking_key",
              "OrderLine_pkey",
              // unused, but the only index serving shipment_bay_fkey
              "shipment_bay_site_idx");
      Candidate bay =
          advice.candidates().stream()
              .filter(cand -> cand.name().equals("drop_shipment_bay_idx"))
              .findFirst()
              .orElseThrow();
      assertThat(bay.rules()).containsExactly(Rule.REDUNDANT_INDEX, Rule.UNUSED_INDEX);
    }
  }
}

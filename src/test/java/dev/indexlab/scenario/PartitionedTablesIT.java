package dev.indexlab.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import dev.indexlab.Setting;
import dev.indexlab.advise.CandidateFolder;
import dev.indexlab.advise.CandidateReader;
import dev.indexlab.advise.CandidateWriter;
import dev.indexlab.advise.IndexSpec;
import dev.indexlab.advise.ProductionMigrationCheck;
import dev.indexlab.db.ConnectionSpec;
import dev.indexlab.db.DatabaseAdmin;
import dev.indexlab.db.DatabaseTarget;
import dev.indexlab.report.ReportWriter;
import dev.indexlab.results.RunResults;
import dev.indexlab.seed.Progress;
import dev.indexlab.seed.SeedOptions;
import dev.indexlab.seed.SeededDatabase;
import dev.indexlab.testing.FastRuns;
import dev.indexlab.testing.TestDatabases;
import dev.indexlab.workload.Workload;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole pipeline on a partitioned schema (src/test/resources/workloads/partitioned-payments:
 * payment range-partitioned by month, a foreign key from refund into it, a duplicate index on one
 * partition, routes that read and delete through the parent and one that reads a partition by
 * name): the lookup through the parent gets one index on the parent, measured and accepted; the
 * duplicate's drop is measured against the delete through the parent as a route that writes its
 * table; the parent index's production migration applies under Flyway on a copy.
 */
class PartitionedTablesIT {
  static final Path WORKLOAD = Path.of("src/test/resources/workloads/partitioned-payments");

  @TempDir Path dir;

  @BeforeAll
  static void jmh() {
    FastRuns.allowConcurrentJmh();
  }

  @Test
  void aLookupThroughTheParentGetsOneParentIndexAndTheDuplicateDropCountsTheParentsDelete()
      throws Exception {
    ConnectionSpec db = TestDatabases.empty("e2e_part");
    Workload w = Workload.open(WORKLOAD);
    SeedOptions seed = SeedOptions.defaults();
    Path results = dir.resolve("results");
    StringWriter log = new StringWriter();
    RunResults r;
    try (DatabaseTarget target = FastRuns.target(db)) {
      SeededDatabase.seed(target, w, seed.withForce(true), Progress.quiet());
      RunPipeline.Settings settings = FastRuns.settings(seed, results, true, List.of());
      r = new RunPipeline(target, w, settings, new PrintWriter(log, true), Progress.quiet()).run();
    }
    String why = log.toString();
    Map<String, RunResults.CandidateResult> byId =
        r.candidates().stream()
            .collect(Collectors.toMap(RunResults.CandidateResult::id, Function.identity()));
    List<CandidateFolder> folders = CandidateReader.read(results.resolve("candidates"));

    // one candidate indexes customer_id, on the parent: none per partition
    List<IndexSpec> byCustomer =
        folders.stream()
            .flatMap(f -> f.candidate().indexes().stream())
            .filter(i -> i.keys().size() == 1 && i.keys().get(0).column().equals("customer_id"))
            .toList();
    assertThat(byCustomer).as(why).extracting(IndexSpec::table).containsExactly("payment");
    RunResults.CandidateResult parent = byId.get("idx_payment_customer_id");
    assertThat(parent).as(why).isNotNull();
    assertThat(String.join("\n", parent.reasons()))
        .contains("payment_customer_id_fkey")
        .contains("(a partition of payment)");
    assertThat(parent.affectedRoutes()).contains("payment_lookup");
    assertThat(parent.decision().accepted()).as(parent.decision().reason() + "\n" + why).isTrue();
    assertThat(parent.build().partitioned())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.index()).isEqualTo("public.payment_customer_id_idx");
              assertThat(p.table()).isEqualTo("public.payment");
              assertThat(p.partitions()).isEqualTo(4);
              assertThat(p.bytes()).isPositive();
            });

    // the partition read by name gets an index of its own
    assertThat(
            folders.stream()
                .flatMap(f -> f.candidate().indexes().stream())
                .filter(i -> i.keys().get(0).column().equals("note"))
                .map(IndexSpec::table))
        .containsExactly("payment_2024_03");

    // the partition's own duplicate: its drop is measured against the delete through the parent
    RunResults.CandidateResult drop = byId.get("drop_payment_2024_02_paid_on_copy");
    assertThat(drop).as(why).isNotNull();
    assertThat(drop.affectedRoutes()).contains("payment_delete");
    assertThat(drop.deltas())
        .filteredOn(d -> d.route().equals("payment_delete"))
        .singleElement()
        .satisfies(d -> assertThat(d.writesIndexedTable()).isTrue());
    // no drop is proposed for the partitions' parts of the parent's index
    assertThat(byId.keySet()).noneMatch(id -> id.matches("drop_payment_2024_0\\d_paid_on_idx"));

    Path reports = dir.resolve("reports");
    new ReportWriter(r, results, Setting::toString).writeTo(reports);
    assertThat(Files.readString(reports.resolve(drop.id() + ".md")))
        .doesNotContain("No measured route writes a table this candidate indexes")
        .contains("Of the 1 route that writes the indexed table");
    assertThat(Files.readString(reports.resolve(parent.id() + ".md")))
        .contains("spans 4 partitions");

    // the production migration: ON ONLY the parent, CONCURRENTLY per partition, attached
    CandidateFolder folder =
        folders.stream()
            .filter(f -> f.candidate().name().equals("idx_payment_customer_id"))
            .findFirst()
            .orElseThrow();
    String script = Files.readString(folder.productionMigrations().get(0));
    assertThat(script)
        .contains("CREATE INDEX IF NOT EXISTS payment_customer_id_idx ON ONLY public.payment")
        .contains(
            "CREATE INDEX CONCURRENTLY IF NOT EXISTS payment_2024_01_customer_id_idx"
                + " ON public.payment_2024_01 (customer_id);")
        .contains(
            "ALTER INDEX public.payment_customer_id_idx"
                + " ATTACH PARTITION public.payment_2024_04_customer_id_idx;");
    ConnectionSpec copy = db.withDatabase(db.database() + "_prod");
    new DatabaseAdmin(db).createFromTemplate(copy.database(), db.database());
    try {
      ProductionMigrationCheck.Result applied =
          ProductionMigrationCheck.apply(
              copy, folder.directory().resolve(CandidateWriter.PRODUCTION_DIR), folder.candidate());
      assertThat(applied.problem()).isNull();
      assertThat(applied.validIndexes()).containsExactly("payment_customer_id_idx");
      try (Connection c = copy.open();
          Statement st = c.createStatement();
          ResultSet rs =
              st.executeQuery(
                  "SELECT count(*) FROM pg_partition_tree('payment_customer_id_idx')"
                      + " WHERE isleaf")) {
        rs.next();
        assertThat(rs.getInt(1)).isEqualTo(4);
      }
    } finally {
      new DatabaseAdmin(db).dropIfExists(copy.database());
    }
  }
}

package dev.indexlab.seed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.indexlab.IndexlabException;
import dev.indexlab.db.DatabaseAdmin;
import dev.indexlab.db.EmbeddedTarget;
import dev.indexlab.testing.TestDatabases;
import dev.indexlab.workload.Workload;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Workloads without a generator go through the same seeding as SongStackify: a dump file with COPY
 * blocks and no data/ folder, a Flyway schema/ folder with CSV and SQL data files, and the bookshop
 * example (a pg_dump file plus CSV data), each seeded once and then reused.
 */
class WorkloadSeedingIT {
  static final Path WORKLOADS = Path.of("src/test/resources/workloads");

  @TempDir Path dir;

  private static EmbeddedTarget server() {
    return TestDatabases.server();
  }

  private static long count(SeedResult r, String table) throws Exception {
    try (Connection c = r.connection().open();
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT count(*) FROM " + table)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  @Test
  void dumpFileOnlyIsSeededFromItsCopyBlocksThenReused() throws Exception {
    Workload w = Workload.open(WORKLOADS.resolve("shop-dump-only"));
    assertThat(DataLoaders.forWorkload(w)).isInstanceOf(FileDataLoader.class);
    SeedResult seeded =
        SeededDatabase.run(
            server(), w, SeedOptions.defaults(), Progress.quiet(), true, "seed_dump");
    assertThat(seeded.reused()).isFalse();
    assertThat(seeded.info().orElseThrow().generator()).isEqualTo(FileDataLoader.NAME);
    assertThat(seeded.load().orElseThrow().rows()).containsEntry("Inventory.items", 4L);
    assertThat(count(seeded, "\"Inventory\".\"StockMoves\"")).isPositive();

    SeedResult again =
        SeededDatabase.run(
            server(), w, SeedOptions.defaults(), Progress.quiet(), false, "seed_dump");
    assertThat(again.reused()).isTrue();
    assertThat(again.note()).startsWith("reusing the rows already in database seed_dump");
    assertThat(count(again, "\"Inventory\".items")).isEqualTo(4);
  }

  @Test
  void flywayFolderIsMigratedOnceAndItsDataFilesLoaded() throws Exception {
    Workload w = Workload.open(WORKLOADS.resolve("shop-migrations"));
    SeedResult seeded =
        SeededDatabase.run(
            server(), w, SeedOptions.defaults(), Progress.quiet(), false, "seed_migrations");
    assertThat(seeded.reused()).isFalse();
    assertThat(count(seeded, "shop.\"Reviews\"")).as("3 from CSV, 4 from SQL").isEqualTo(7);
    assertThat(count(seeded, "shop.countries")).isEqualTo(3);
    assertThat(count(seeded, SeededDatabase.HISTORY_TABLE + " WHERE success"))
        .as("V1 and V2, applied once")
        .isEqualTo(2);
  }

  @Test
  void theBookshopExampleIsSeededFromItsDumpAndCsvFiles() throws Exception {
    Workload w = Workload.open(Path.of("examples/bookshop"));
    SeedResult seeded =
        SeededDatabase.run(
            server(), w, SeedOptions.defaults(), Progress.quiet(), false, "seed_bookshop");
    assertThat(count(seeded, "shop.countries")).as("from the dump's COPY block").isEqualTo(16);
    assertThat(count(seeded, "shop.\"Reviews\"")).as("from data/shop.Reviews.csv").isEqualTo(8000);
    assertThat(count(seeded, "shop.order_items")).isEqualTo(14984);
  }

  @Test
  void filesCannotBeScaledAndNothingIsCreatedForBadOptionsOrAnUnknownGenerator() throws Exception {
    Workload w = Workload.open(WORKLOADS.resolve("shop-dump-only"));
    DatabaseAdmin admin = new DatabaseAdmin(server().connection());
    assertThatThrownBy(
            () ->
                SeededDatabase.run(
                    server(),
                    w,
                    SeedOptions.defaults().withScale(0.5),
                    Progress.quiet(),
                    true,
                    "seed_scaled"))
        .isInstanceOf(IndexlabException.class)
        .hasMessageContaining("cannot be scaled");
    assertThat(admin.exists("seed_scaled")).isFalse();

    Path odd = Files.createDirectories(dir.resolve("odd"));
    Files.writeString(odd.resolve("schema.sql"), "CREATE TABLE t (id int);\n");
    Files.writeString(odd.resolve(Workload.PROPERTIES_FILE), "generator=nope\n");
    assertThatThrownBy(() -> DataLoaders.forWorkload(Workload.open(odd)))
        .isInstanceOf(IndexlabException.class)
        .hasMessageContaining("unknown generator 'nope' (known: songstackify)");
  }
}

package dev.indexlab.seed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.indexlab.IndexlabException;
import dev.indexlab.db.ConnectionSpec;
import dev.indexlab.schema.SchemaLoader;
import dev.indexlab.testing.TestDatabases;
import dev.indexlab.workload.Workload;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class FileDataLoaderIT {
  @Test
  void loadsSchemaAndFilesOnceAndRefusesToScaleOrReplace() throws Exception {
    FileDataLoader loader = new FileDataLoader(Workload.open(Path.of("examples/bookshop")));
    assertThat(loader.tables())
        .containsExactly(
            "shop.\"Reviews\"",
            "shop.authors",
            "shop.books",
            "shop.countries",
            "shop.customers",
            "shop.genres",
            "shop.order_items",
            "shop.orders");
    assertThat(loader.expectedRows(SeedOptions.defaults()))
        .containsEntry("shop.Reviews", 8000L)
        .containsEntry("books", 3000L);
    assertThatThrownBy(() -> loader.expectedRows(SeedOptions.defaults().withScale(2)))
        .isInstanceOf(IndexlabException.class)
        .hasMessageContaining("cannot be scaled");

    ConnectionSpec db = TestDatabases.empty("byo_files");
    LoadReport report = loader.load(db, SeedOptions.defaults(), Progress.quiet());
    assertThat(report.rows())
        .containsEntry("shop.countries", 16L)
        .containsEntry("shop.Reviews", 8000L)
        .containsEntry("shop.customers", 2000L);
    assertThat(report.totalRows()).isEqualTo(16 + 8 + 300 + 3000 + 2000 + 5975 + 14984 + 8000);
    assertThatThrownBy(() -> loader.load(db, SeedOptions.defaults(), Progress.quiet()))
        .isInstanceOf(IndexlabException.class)
        .hasMessageContaining("already holds rows");
  }

  @Test
  void findsTheTablesOfAMigrationsFolderAndLoadsIntoAMigratedDatabase() throws Exception {
    Workload w = Workload.open(Path.of("src/test/resources/workloads/shop-migrations"));
    FileDataLoader loader = new FileDataLoader(w);
    assertThat(loader.tables())
        .containsExactly(
            "shop.countries",
            "shop.authors",
            "shop.books",
            "shop.orders",
            "shop.order_items",
            "shop.\"Reviews\"");
    ConnectionSpec db = TestDatabases.empty("byo_files_migrated");
    SchemaLoader.load(db, w);
    LoadReport report = loader.load(db, SeedOptions.defaults(), Progress.quiet());
    assertThat(report.rows()).containsEntry("shop.Reviews", 7L).containsEntry("shop.countries", 3L);
  }
}

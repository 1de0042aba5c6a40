package dev.indexlab.seed;

import static org.assertj.core.api.Assertions.assertThat;

import dev.indexlab.workload.Workload;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class DataLoadersTest {
  @Test
  void theBundledWorkloadsGeneratorIsFoundThroughItsServiceFile() {
    assertThat(DataLoaders.names()).isEqualTo("songstackify");

    DataLoader loader = DataLoaders.forWorkload(Workload.open(Path.of("queries")));

    assertThat(loader.name()).isEqualTo("songstackify");
    assertThat(loader.getClass().getPackageName()).isEqualTo("dev.indexlab.songstackify");
    assertThat(loader.tables()).hasSize(10).startsWith("platforms").endsWith("user_moods");
    assertThat(loader.expectedRows(new SeedOptions(0.1, 42, false)).get("song_history"))
        .isEqualTo(91_904L);
  }
}

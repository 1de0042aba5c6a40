package dev.indexlab.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PostmasterTest {
  @TempDir Path dataDirectory;

  @Test
  void noPidFileMeansNoServer() {
    assertThat(Postmaster.of(dataDirectory)).isEmpty();
  }

  @Test
  void aHalfWrittenPidFileMeansNoServer() throws IOException {
    Files.writeString(dataDirectory.resolve("postmaster.pid"), "");
    assertThat(Postmaster.of(dataDirectory)).isEmpty();
    Files.writeString(dataDirectory.resolve("postmaster.pid"), "12ab\n");
    assertThat(Postmaster.of(dataDirectory)).isEmpty();
  }

  @Test
  void aStalePidNowUsedByAnotherProgramIsNotTakenForTheServer() throws IOException {
    long java = ProcessHandle.current().pid();
    Files.writeString(dataDirectory.resolve("postmaster.pid"), java + "\n" + dataDirectory + "\n");
    assertThat(Postmaster.of(dataDirectory)).isEmpty();
  }
}

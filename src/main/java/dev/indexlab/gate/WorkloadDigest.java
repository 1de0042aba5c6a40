package dev.indexlab.gate;

import dev.indexlab.IndexlabException;
import dev.indexlab.workload.Workload;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Fingerprints what a workload measures: its route files, its schema (the {@code schema/}
 * migrations or {@code schema.sql}) and {@code workload.properties}. Each file gets a SHA-256 of
 * its bytes; the digest is a SHA-256 over the sorted {@code path=hash} lines, so it changes when
 * any of these files is added, removed or edited, and not when candidates or data files change.
 *
 * @param digest the workload's digest, hex
 * @param files each file's SHA-256, hex, by path relative to the workload directory ('/' separated)
 */
record WorkloadDigest(String digest, Map<String, String> files) {

  public WorkloadDigest {
    files = new TreeMap<>(files);
  }

  /** The digest of {@code workload}'s files. */
  public static WorkloadDigest of(Workload workload) {
    Path dir = workload.directory();
    List<Path> paths = new ArrayList<>(workload.routeFiles());
    workload.dump().ifPresent(paths::add);
    Path properties = dir.resolve(Workload.PROPERTIES_FILE);
    if (Files.isRegularFile(properties)) {
      paths.add(properties);
    }
    if (workload.migrations().isPresent()) {
      try (Stream<Path> walk = Files.walk(workload.migrations().get())) {
        walk.filter(Files::isRegularFile).forEach(paths::add);
      } catch (IOException e) {
        throw IndexlabException.usage(
            workload.migrations().get() + ": cannot list migrations: " + e.getMessage());
      }
    }
    Map<String, String> files = new TreeMap<>();
    for (Path p : paths) {
      String relative =
          dir.relativize(p.toAbsolutePath().normalize()).toString().replace('\\', '/');
      try {
        files.put(relative, sha256(Files.readAllBytes(p)));
      } catch (IOException e) {
        throw IndexlabException.usage(p + ": cannot read: " + e.getMessage());
      }
    }
    return new WorkloadDigest(combined(files), files);
  }

  /** The digest of a set of file hashes, as {@link #of} computes it. */
  static String combined(Map<String, String> files) {
    StringBuilder lines = new StringBuilder();
    new TreeMap<>(files).forEach((k, v) -> lines.append(k).append('=').append(v).append('\n'));
    return sha256(lines.toString().getBytes(StandardCharsets.UTF_8));
  }

  /**
   * What changed from {@code before} to {@code after}, one entry per file, e.g. {@code
   * schema/V2__indexes.sql (added)}, sorted by path.
   */
  public static List<String> changes(Map<String, String> before, Map<String, String> after) {
    Map<String, String> all = new TreeMap<>();
    before.forEach(
        (k, v) ->
            all.put(
                k, !after.containsKey(k) ? "removed" : after.get(k).equals(v) ? null : "edited"));
    after.keySet().stream().filter(k -> !before.containsKey(k)).forEach(k -> all.put(k, "added"));
    List<String> out = new ArrayList<>();
    all.forEach(
        (k, v) -> {
          if (v != null) {
            out.add(k + " (" + v + ")");
          }
        });
    return out;
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available", e);
    }
  }
}

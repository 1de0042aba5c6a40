package dev.indexlab;

/**
 * The indexlab version that reports and result files record: the jar manifest's
 * Implementation-Version, or {@code 0.1.0-dev} when run from classes.
 */
public final class IndexlabVersion {
  private IndexlabVersion() {}

  /** The version of the running indexlab. */
  public static String current() {
    String v = IndexlabVersion.class.getPackage().getImplementationVersion();
    return v == null ? "0.1.0-dev" : v;
  }
}

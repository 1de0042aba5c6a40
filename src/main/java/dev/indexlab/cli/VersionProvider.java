package dev.indexlab.cli;

import picocli.CommandLine.IVersionProvider;

/** Reads the version from the jar manifest ({@code dev} when run from classes). */
public final class VersionProvider implements IVersionProvider {
  @Override
  public String[] getVersion() {
    return new String[] {"indexlab " + version()};
  }

  /** The indexlab version, for reports and result files. */
  public static String version() {
    String v = Main.class.getPackage().getImplementationVersion();
    return v == null ? "0.1.0-dev" : v;
  }
}

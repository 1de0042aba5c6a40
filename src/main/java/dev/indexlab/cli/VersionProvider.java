package dev.indexlab.cli;

import dev.indexlab.IndexlabVersion;
import picocli.CommandLine.IVersionProvider;

/** picocli's {@code --version}: the version {@link IndexlabVersion} reads from the jar. */
final class VersionProvider implements IVersionProvider {
  @Override
  public String[] getVersion() {
    return new String[] {"indexlab " + IndexlabVersion.current()};
  }
}

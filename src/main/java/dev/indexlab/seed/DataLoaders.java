package dev.indexlab.seed;

import dev.indexlab.IndexlabException;
import dev.indexlab.workload.Workload;
import java.util.List;

/**
 * Finds a workload's {@link DataLoader}: the generator its {@code generator} property names, or the
 * files loader when it names none.
 */
final class DataLoaders {
  private static final List<DataLoader> KNOWN = List.of(new SongStackifyLoader());

  private DataLoaders() {}

  /**
   * The workload's loader: the generator it names, or a {@link FileDataLoader} (schema rows and
   * {@code data/} files) when it names none; a usage error for an unknown generator.
   */
  public static DataLoader forWorkload(Workload workload) {
    if (workload.generator().isEmpty()) {
      return new FileDataLoader(workload);
    }
    String generator = workload.generator().get();
    return KNOWN.stream()
        .filter(l -> l.name().equals(generator))
        .findFirst()
        .orElseThrow(
            () ->
                IndexlabException.usage(
                    "--workload "
                        + workload.directory()
                        + ": unknown generator '"
                        + generator
                        + "' (known: "
                        + names()
                        + ")"));
  }

  /** The generator names indexlab knows. */
  public static String names() {
    return String.join(", ", KNOWN.stream().map(DataLoader::name).toList());
  }
}

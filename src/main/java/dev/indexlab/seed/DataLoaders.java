package dev.indexlab.seed;

import dev.indexlab.IndexlabException;
import dev.indexlab.Setting;
import dev.indexlab.workload.Workload;
import java.util.List;
import java.util.ServiceLoader;

/**
 * Finds a workload's {@link DataLoader}: the generator its {@code generator} property names, or the
 * files loader when it names none. Generators are found through {@link ServiceLoader}, so that this
 * package names none of them (the bundled SongStackify generator sits above it).
 */
final class DataLoaders {
  // Hazard: a generator is known only through its line in
  // META-INF/services/dev.indexlab.seed.DataLoader. A jar that drops or overwrites that file (a
  // shade without ServicesResourceTransformer) turns every generator into "unknown generator".
  private static final List<DataLoader> KNOWN =
      ServiceLoader.load(DataLoader.class, DataLoader.class.getClassLoader()).stream()
          .map(ServiceLoader.Provider::get)
          .toList();

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
                    Setting.WORKLOAD
                        + " "
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

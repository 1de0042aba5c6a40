package dev.indexlab.seed;

import dev.indexlab.IndexlabException;
import dev.indexlab.workload.Workload;
import java.util.List;

/** Finds the {@link DataLoader} that a workload's {@code generator} property names. */
public final class DataLoaders {
  private static final List<DataLoader> KNOWN = List.of(new SongStackifyLoader());

  private DataLoaders() {}

  /** The workload's loader; a usage error when it names none or an unknown one. */
  public static DataLoader forWorkload(Workload workload) {
    String generator =
        workload
            .generator()
            .orElseThrow(
                () ->
                    IndexlabException.usage(
                        "--workload "
                            + workload.directory()
                            + ": "
                            + Workload.PROPERTIES_FILE
                            + " names no generator (known: "
                            + names()
                            + ")"));
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

package dev.indexlab.workload;

import java.util.List;

/**
 * Where the values of one or more route parameters come from: a sampling query over the seeded data
 * ({@code sample}), a file of recorded value sets ({@code file}) or a generator ({@code int},
 * {@code text}, {@code oneof}, {@code const}, {@code format}). {@code line} is the 1-based line of
 * the {@code @param} directive.
 */
public record ParameterSource(List<String> names, String kind, String spec, int line) {
  public ParameterSource {
    names = List.copyOf(names);
  }

  /** True for rows to draw from: a sampling query or a file of recorded value sets. */
  public boolean hasRows() {
    return kind.equals("sample") || kind.equals("file");
  }

  /** True for a sampling query over the data. */
  public boolean isSample() {
    return kind.equals("sample");
  }
}

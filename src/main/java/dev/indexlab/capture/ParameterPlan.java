package dev.indexlab.capture;

import java.util.List;
import java.util.Map;

/**
 * How a captured statement's placeholders become route parameters: the name of each {@code $n}, the
 * {@code @param} lines (without the leading {@code -- @param }), and, for each placeholder in
 * order, the type name the server inferred for it ({@code pg_type.typname}).
 */
record ParameterPlan(Map<Integer, String> names, List<String> params, Map<Integer, String> types) {
  ParameterPlan {
    names = Map.copyOf(names);
    params = List.copyOf(params);
    types = Map.copyOf(types);
  }

  /** How many {@code @param} lines ask the user to fill them in ({@code todo:}). */
  long todos() {
    return params.stream().filter(p -> p.contains(" todo: ")).count();
  }
}

package dev.indexlab.workload;

import java.util.List;
import java.util.Map;

/**
 * What one run of a route did: per statement, the number of rows it returned or changed, its first
 * row, and (when the runner was asked to keep them) every row.
 */
public record Invocation(List<Outcome> outcomes, Map<String, Object> finalScope) {

  /** One statement's result. {@code rows} is null unless rows were kept. */
  public record Outcome(
      int index,
      boolean query,
      long count,
      Map<String, Object> firstRow,
      List<List<Object>> rows) {}
}

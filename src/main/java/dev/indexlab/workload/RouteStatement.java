package dev.indexlab.workload;

import java.util.List;

/**
 * One statement of a route. {@code sql} is the text as written (with {@code :name} parameters);
 * {@code jdbcSql} has them replaced by {@code ?} in the order of {@code parameterNames}. {@code
 * returns} names the columns of the first row that later statements may use. {@code index} is
 * 0-based, {@code line} 1-based in the route file.
 */
public record RouteStatement(
    int index,
    String label,
    int line,
    String sql,
    String jdbcSql,
    List<String> parameterNames,
    List<String> returns) {
  public RouteStatement {
    parameterNames = List.copyOf(parameterNames);
    returns = List.copyOf(returns);
  }

  /** A one-line form for messages: {@code #2 "delete the user" (line 14)}. */
  public String describe() {
    return "statement " + (index + 1) + " \"" + label + "\" (line " + line + ")";
  }
}

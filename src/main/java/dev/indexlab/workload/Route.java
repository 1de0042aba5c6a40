package dev.indexlab.workload;

import java.nio.file.Path;
import java.util.List;

/**
 * A route of the application: its statements in the order the application runs them, where its
 * parameters come from, its isolation level and its relative frequency ({@code weight}, calls per
 * minute in production). {@code id} is the file name without {@code .sql}.
 */
public record Route(
    String id,
    String name,
    String description,
    Path file,
    Isolation isolation,
    double weight,
    List<ParameterSource> parameters,
    List<RouteStatement> statements) {
  public Route {
    parameters = List.copyOf(parameters);
    statements = List.copyOf(statements);
  }

  /** The same route with other statements (a rewrite keeps id, name and parameters). */
  public Route withStatements(Path rewriteFile, List<RouteStatement> replacement) {
    return new Route(
        id, name, description, rewriteFile, isolation, weight, parameters, replacement);
  }
}

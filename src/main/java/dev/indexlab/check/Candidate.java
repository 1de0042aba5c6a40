package dev.indexlab.check;

import dev.indexlab.workload.Route;
import java.nio.file.Path;
import java.util.List;

/**
 * A candidate folder as {@code check} read it: its migrations in the order Flyway applies them and
 * the rewritten routes it carries ({@code rewrite/<route id>.sql}).
 */
record Candidate(String name, Path directory, List<Path> migrations, List<Route> rewrites) {
  Candidate {
    migrations = List.copyOf(migrations);
    rewrites = List.copyOf(rewrites);
  }
}

package dev.indexlab.advise;

import dev.indexlab.check.CandidateKind;
import java.util.List;
import java.util.Optional;

/**
 * A change worth measuring: indexes to create or drop, or route rewrites. {@code name} is the
 * candidate's name ({@code idx_song_history_user_id}, {@code drop_orders_code_idx}); {@code
 * statements} are the SQL statements of its test migration (plain {@code CREATE INDEX}, run in a
 * transaction on a copy), without trailing semicolons. {@code indexes} describe what it creates or
 * drops (empty for a pure rewrite or a hand-written migration the reader could not parse). {@code
 * rewrites} are replacement route files, one per rewritten route (empty for index candidates).
 */
public record Candidate(
    String name,
    CandidateKind kind,
    List<IndexSpec> indexes,
    List<String> statements,
    List<Reason> reasons,
    String description,
    List<RouteRewrite> rewrites) {
  /** The start of a CREATE INDEX statement, named or not. */
  private static final String CREATE_INDEX = "create\\s+(unique\\s+)?index";

  public Candidate {
    indexes = List.copyOf(indexes);
    statements = List.copyOf(statements);
    reasons = List.copyOf(reasons);
    rewrites = List.copyOf(rewrites);
  }

  /** This candidate with {@code other} as its indexes (for one, as the server made them). */
  public Candidate withIndexes(List<IndexSpec> other) {
    return new Candidate(name, kind, other, statements, reasons, description, rewrites);
  }

  /**
   * True when every statement creates an index or an extension (and refreshes statistics): a
   * hand-written candidate that does more with its index, such as CLUSTER on it, is a different
   * experiment from the bare index.
   */
  public boolean onlyBuildsIndexes() {
    return everyStatementIs(CREATE_INDEX + "|create\\s+extension|analyze");
  }

  /**
   * True when every statement creates or drops an index, creates an extension, refreshes statistics
   * or reorders a table with CLUSTER: changes that comparing the indexes and the table files of two
   * databases shows. Anything else (a table setting, a trigger, a constraint) may change a route
   * without showing there.
   */
  public boolean changesOnlyIndexesAndOrder() {
    return everyStatementIs(CREATE_INDEX + "|create\\s+extension|analyze|cluster|drop\\s+index");
  }

  /** True when every statement starts with one of {@code commands} (a regex alternation). */
  private boolean everyStatementIs(String commands) {
    return statements.stream().allMatch(s -> s.matches("(?is)\\s*(" + commands + ")\\b.*"));
  }

  /** The table of the first index, {@code schema.table}, if the candidate touches one. */
  public Optional<String> tableKey() {
    return indexes.isEmpty() ? Optional.empty() : Optional.of(indexes.get(0).tableKey());
  }

  /** The rules behind this candidate, in the order of its reasons, without repeats. */
  public List<Rule> rules() {
    return reasons.stream().map(Reason::rule).distinct().toList();
  }
}

package dev.indexlab.scenario;

import dev.indexlab.db.ConnectionSpec;

/**
 * Where each scenario of a run (baseline, a candidate, "optimized") gets a database that holds the
 * seeded data and nothing of the other scenarios: a copy of the template ({@link TemplateCopies}),
 * or, when the server does not let indexlab copy it, the one database itself with each scenario
 * reverted afterwards ({@link InPlaceScenarios}). Closing it is {@link #dropAll()}, so a run's
 * {@code try} leaves nothing behind on its failure paths either.
 */
public interface ScenarioDatabases extends AutoCloseable {

  /** The database for {@code scenario}, as the seeded template has it. */
  ConnectionSpec copy(String scenario);

  /** Done with {@code scenario}: its database is dropped or reverted. */
  void drop(String scenario);

  /** Drops or reverts whatever is still there. */
  void dropAll();

  /**
   * Whether two scenarios can exist at once (the baseline and the optimized scenario, measured side
   * by side): true for copies, false for the one database reverted in place.
   */
  default boolean holdsTwoAtOnce() {
    return true;
  }

  @Override
  default void close() {
    dropAll();
  }
}

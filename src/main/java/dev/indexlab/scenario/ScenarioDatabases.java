package dev.indexlab.scenario;

import dev.indexlab.db.ConnectionSpec;

/**
 * Where each scenario of a run (baseline, a candidate, "optimized") gets a database that holds the
 * seeded data and nothing of the other scenarios: a copy of the template ({@link TemplateCopies}),
 * or, when the server does not let indexlab copy it, the one database itself with each scenario
 * reverted afterwards ({@link InPlaceScenarios}). Closing it is {@link #dropAll()}, so a run's
 * {@code try} leaves nothing behind on its failure paths either.
 */
interface ScenarioDatabases extends AutoCloseable {

  /** The database for {@code scenario}, as the seeded template has it. */
  ConnectionSpec copy(String scenario);

  /**
   * The database for {@code scenario} as {@code source}'s database is now (a copy of a copy), for a
   * measurement on top of a scenario without applying that scenario's migrations again. Only where
   * {@link #holdsTwoAtOnce()}.
   */
  default ConnectionSpec copyOf(String scenario, String source) {
    throw new UnsupportedOperationException(
        "scenario " + scenario + ": one database cannot hold two scenarios at once");
  }

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

package dev.indexlab.seed;

import dev.indexlab.db.ConnectionSpec;
import java.util.Optional;

/**
 * The outcome of {@link SeededDatabase}: where the data is, and whether it was loaded now or found
 * in place.
 *
 * @param connection the seeded database
 * @param info what indexlab seeded there (empty for a user's data that indexlab did not seed)
 * @param load the load that just ran (empty when existing rows were reused)
 * @param note one line saying what happened, for the command to print
 */
public record SeedResult(
    ConnectionSpec connection, Optional<SeedInfo> info, Optional<LoadReport> load, String note) {

  /** True when existing rows were reused instead of loaded. */
  public boolean reused() {
    return load.isEmpty();
  }
}

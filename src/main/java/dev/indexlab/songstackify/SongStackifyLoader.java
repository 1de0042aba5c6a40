package dev.indexlab.songstackify;

import dev.indexlab.db.ConnectionSpec;
import dev.indexlab.seed.BulkLoad;
import dev.indexlab.seed.DataLoader;
import dev.indexlab.seed.LoadReport;
import dev.indexlab.seed.Progress;
import dev.indexlab.seed.SeedOptions;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

/**
 * The {@code songstackify} generator: synthetic SongStackify data with the shape described in
 * {@code songstackify-workload.md} and exactly {@link SeedPlan}'s row counts, generated from the
 * seed while it streams into the tables.
 */
public final class SongStackifyLoader implements DataLoader {
  static final String NAME = "songstackify";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public List<String> tables() {
    return List.copyOf(SeedPlan.forScale(1).counts().keySet());
  }

  @Override
  public Map<String, Long> expectedRows(SeedOptions options) {
    return SeedPlan.forScale(options.scale()).counts();
  }

  @Override
  public LoadReport load(ConnectionSpec spec, SeedOptions options, Progress progress)
      throws SQLException {
    SongStackifyShape shape =
        SongStackifyShape.build(SeedPlan.forScale(options.scale()), options.seed());
    return new BulkLoad(spec, progress).run(shape.tables());
  }
}

package dev.indexlab.advise;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;

/**
 * A candidate as stored on disk: its folder ({@code candidates/<NNN>_<name>/}), its number (-1 when
 * the folder name has none), the test migrations ({@code V*.sql} at the top of the folder, in
 * Flyway version order), the production migrations ({@code production/V*.sql}, each with its {@code
 * .sql.conf}), and the what-if verdict recorded when it was written (empty for a hand-written
 * candidate).
 *
 * <p>Apply a candidate with {@link #stageMigrations(Path)}: Flyway scans folders recursively and
 * would otherwise also pick up the production script and the rewrite route file.
 */
public record CandidateFolder(
    Path directory,
    int number,
    Candidate candidate,
    List<Path> migrations,
    List<Path> productionMigrations,
    Optional<WhatIfVerdict> whatIfVerdict,
    Optional<String> whatIfSummary) {
  public CandidateFolder {
    migrations = List.copyOf(migrations);
    productionMigrations = List.copyOf(productionMigrations);
  }

  /** This folder with {@code indexes} as its candidate's indexes. */
  public CandidateFolder withIndexes(List<IndexSpec> indexes) {
    return new CandidateFolder(
        directory,
        number,
        candidate.withIndexes(indexes),
        migrations,
        productionMigrations,
        whatIfVerdict,
        whatIfSummary);
  }

  /**
   * Copies the test migrations (and any {@code .sql.conf} beside them) into {@code target}, a
   * folder Flyway can then apply on its own; returns {@code target}.
   */
  public Path stageMigrations(Path target) throws IOException {
    Files.createDirectories(target);
    for (Path m : migrations) {
      Files.copy(m, target.resolve(m.getFileName()), StandardCopyOption.REPLACE_EXISTING);
      Path conf = m.resolveSibling(m.getFileName() + ProductionMigration.CONF_SUFFIX);
      if (Files.isRegularFile(conf)) {
        Files.copy(conf, target.resolve(conf.getFileName()), StandardCopyOption.REPLACE_EXISTING);
      }
    }
    return target;
  }
}

package dev.indexlab.check;

import dev.indexlab.schema.FlywayNames;
import dev.indexlab.schema.LoadProblems;
import dev.indexlab.workload.Workload;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * {@code check}'s view of a workload's candidates: read through {@link CandidateFolderReader},
 * expecting versions above the schema's own migrations and rewrites of the workload's routes.
 */
final class CandidateFiles {
  private CandidateFiles() {}

  /** The candidates of {@code workload}; problems (file: message) go to {@code problems}. */
  static List<CandidateFolderReader.Folder> read(
      Workload workload, Set<String> routeIds, LoadProblems problems) {
    CandidateFolderReader.Result read =
        CandidateFolderReader.read(
            workload.candidates(),
            new CandidateFolderReader.Expected(schemaMaxVersion(workload), Optional.of(routeIds)));
    for (CandidateProblem p : read.problems()) {
      if (p.kind() == CandidateProblem.Kind.IGNORED) {
        problems.note(p.text());
      } else {
        problems.problem(p.text());
      }
    }
    return read.folders();
  }

  private static Optional<BigInteger[]> schemaMaxVersion(Workload workload) {
    if (workload.migrations().isEmpty()) {
      return Optional.empty();
    }
    try (Stream<Path> files = Files.walk(workload.migrations().get())) {
      return files
          .map(p -> p.getFileName().toString())
          .filter(FlywayNames::isVersioned)
          .map(FlywayNames::version)
          .max(FlywayNames::compareVersions);
    } catch (IOException e) {
      return Optional.empty();
    }
  }
}

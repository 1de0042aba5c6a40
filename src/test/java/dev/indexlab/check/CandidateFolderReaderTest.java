package dev.indexlab.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.indexlab.check.CandidateProblem.Kind;
import dev.indexlab.workload.Route;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CandidateFolderReaderTest {
  @TempDir Path dir;

  private Path write(String relative, String... lines) throws Exception {
    Path file = dir.resolve(relative);
    Files.createDirectories(file.getParent());
    Files.writeString(file, String.join("\n", lines) + "\n");
    return file;
  }

  @Test
  void migrationsComeInFlywayOrderAndProductionAndRewritesApart() throws Exception {
    write("001_two/V1000_10__later.sql", "CREATE INDEX ON t (b);");
    write("001_two/V1000_2__earlier.sql", "CREATE INDEX ON t (a);");
    write("001_two/R__view.sql", "CREATE OR REPLACE VIEW v AS SELECT 1;");
    write("001_two/production/V1000_2__earlier.sql", "CREATE INDEX CONCURRENTLY ON t (a);");
    write("001_two/rewrite/r1.sql", "-- @route GET /r1", "SELECT 1;");
    write("001_two/candidate.properties", "description=two");

    CandidateFolderReader.Result read =
        CandidateFolderReader.read(dir, CandidateFolderReader.Expected.NONE);

    assertThat(read.problems()).isEmpty();
    CandidateFolderReader.Folder f = read.folders().get(0);
    assertThat(f.name()).isEqualTo("001_two");
    assertThat(f.migrations())
        .extracting(p -> p.getFileName().toString())
        .containsExactly("V1000_2__earlier.sql", "V1000_10__later.sql", "R__view.sql");
    assertThat(f.versionedMigrations()).hasSize(2);
    assertThat(f.productionMigrations()).extracting(Path::getFileName).hasSize(1);
    assertThat(f.rewriteFiles()).containsExactly(dir.resolve("001_two/rewrite/r1.sql"));
    assertThat(f.rewrites()).extracting(Route::id).containsExactly("r1");
  }

  @Test
  void theKindThePropertiesDeclareIsReadAndABadOneIsAProblemOfTheFile() throws Exception {
    write("001_api/rewrite/r1.sql", "-- @route GET /r1", "SELECT 1;");
    write("001_api/candidate.properties", "api.changes = TRUE");
    write("002_drop/V1__drop.sql", "DROP INDEX i;");
    write("002_drop/candidate.properties", "kind=DROP_INDEX");
    write("003_plain/V2__a.sql", "CREATE INDEX ON t (a);");
    Path badKind = write("004_kind/candidate.properties", "kind=INDEX");
    write("004_kind/V3__a.sql", "CREATE INDEX ON t (a);");
    Path badMark = write("005_mark/candidate.properties", "api.changes=yes");
    write("005_mark/V4__a.sql", "CREATE INDEX ON t (a);");
    Path noRewrite = write("006_norewrite/candidate.properties", "api.changes=true");
    write("006_norewrite/V5__a.sql", "CREATE INDEX ON t (a);");
    Path contradicts = write("007_both/candidate.properties", "api.changes=true", "kind=REWRITE");
    write("007_both/rewrite/r1.sql", "-- @route GET /r1", "SELECT 1;");
    Path malformed = write("008_escape/candidate.properties", "description=\\u00zz");
    write("008_escape/V6__a.sql", "CREATE INDEX ON t (a);");

    CandidateFolderReader.Result read =
        CandidateFolderReader.read(dir, CandidateFolderReader.Expected.NONE);

    assertThat(read.folders())
        .extracting(CandidateFolderReader.Folder::declaredKind)
        .containsExactly(
            Optional.of(CandidateKind.API_REWRITE),
            Optional.of(CandidateKind.DROP_INDEX),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty());
    assertThat(read.folders().get(1).properties().getProperty("kind")).isEqualTo("DROP_INDEX");
    assertThat(read.problems())
        .extracting(CandidateProblem::kind, CandidateProblem::file, CandidateProblem::message)
        .containsExactly(
            tuple(
                Kind.INVALID,
                badKind,
                "kind=INDEX is not one of [CREATE_INDEX, DROP_INDEX, EXTENSION_INDEX, REWRITE,"
                    + " API_REWRITE]"),
            tuple(Kind.INVALID, badMark, "api.changes must be true or false, not \"yes\""),
            tuple(
                Kind.INVALID,
                noRewrite,
                "api.changes=true needs the new route in rewrite/<route id>.sql"),
            tuple(Kind.INVALID, contradicts, "api.changes=true contradicts kind=REWRITE"),
            tuple(Kind.INVALID, malformed, "Malformed \\uxxxx encoding."));
  }

  @Test
  void problemsAreTypedWithFileAndLineAndReadAsTheLinesCheckPrints() throws Exception {
    Path stray = write("V1__stray.sql", "SELECT 1;");
    Path badName = write("002_bad/v1001__lowercase.sql", "SELECT 1;");
    Path low = write("003_low/V5__a.sql", "SELECT 1;");
    Path same = write("003_low/V5__b.sql", "SELECT 1;");
    Path unknown = write("004_rewrite/rewrite/nope.sql", "-- @route GET /n", "SELECT 1;");
    Path broken =
        write("005_broken/rewrite/r1.sql", "-- @route GET /r1", "-- @isolation often", "SELECT 1;");
    Files.createDirectories(dir.resolve("006_empty/notes"));
    Path notes = dir.resolve("006_empty/notes");

    CandidateFolderReader.Result read =
        CandidateFolderReader.read(
            dir,
            new CandidateFolderReader.Expected(
                Optional.of(new BigInteger[] {BigInteger.valueOf(7)}), Optional.of(Set.of("r1"))));

    assertThat(read.folders()).hasSize(5);
    List<CandidateProblem> p = read.problems();
    assertThat(p)
        .extracting(CandidateProblem::kind, CandidateProblem::file, CandidateProblem::line)
        .containsExactly(
            tuple(Kind.INVALID, badName, 0L),
            tuple(Kind.INVALID, low, 0L),
            tuple(Kind.INVALID, same, 0L),
            tuple(Kind.INVALID, same, 0L),
            tuple(Kind.INVALID, unknown, 1L),
            tuple(Kind.INVALID, dir.resolve("004_rewrite"), 0L),
            tuple(Kind.INVALID, broken, 2L),
            tuple(Kind.INVALID, broken.getParent().getParent(), 0L),
            tuple(Kind.IGNORED, notes, 0L),
            tuple(Kind.INVALID, notes.getParent(), 0L),
            tuple(Kind.INVALID, stray, 0L));
    assertThat(p.get(4).text())
        .isEqualTo(unknown + ":1: rewrite of an unknown route nope (routes: r1)");
    assertThat(p.get(6).text()).startsWith(broken + ":2: @isolation 'often'");
    assertThat(p.get(2).text()).isEqualTo(same + ": version 5 is also used by V5__a.sql");
    assertThat(p.get(3).text())
        .isEqualTo(
            same
                + ": version 5 is not above the schema's latest migration; number candidates"
                + " after it (for example V1000__...)");
    assertThat(p.get(10).text())
        .isEqualTo(stray + ": a candidate is a folder: move this file to candidates/NAME/");
  }

  @Test
  void withoutExpectationsAnyRouteIdAndAnyVersionIsAccepted() throws Exception {
    write("001_x/V1__low.sql", "SELECT 1;");
    write("001_x/rewrite/whatever.sql", "-- @route GET /w", "SELECT 1;");

    CandidateFolderReader.Result read =
        CandidateFolderReader.read(dir, CandidateFolderReader.Expected.NONE);

    assertThat(read.problems()).isEmpty();
    assertThat(read.folders().get(0).rewrites()).extracting(Route::id).containsExactly("whatever");
  }

  @Test
  void aMissingFolderHasNoCandidatesAndNoProblems() {
    CandidateFolderReader.Result read =
        CandidateFolderReader.read(dir.resolve("none"), CandidateFolderReader.Expected.NONE);
    assertThat(read.folders()).isEmpty();
    assertThat(read.problems()).isEmpty();
  }
}

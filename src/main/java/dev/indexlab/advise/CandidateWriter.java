package dev.indexlab.advise;

import dev.indexlab.check.CandidateKind;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Writes candidates as Flyway-style folders (layout and version scheme: docs/candidates.md):
 *
 * <pre>
 * candidates/001_idx_song_history_user_id/
 *   V1001__idx_song_history_user_id.sql         test migration: plain CREATE INDEX, header says why
 *   candidate.properties                        name, kind, indexes, reasons, what-if verdict
 *   production/V1001__idx_song_history_user_id.sql        SET lock_timeout; CREATE INDEX CONCURRENTLY
 *   production/V1001__idx_song_history_user_id.sql.conf   executeInTransaction=false
 * </pre>
 *
 * Candidate {@code NNN} gets migration version {@code base + NNN}, so candidates applied together
 * (the accepted set) never collide and all come after the workload's schema: {@code base} is 1000,
 * or the next multiple of 1000 above the highest schema version. Folders already in the candidates
 * directory are kept: a candidate whose name, or whose exact indexes (same kind, tables, methods
 * and keys; rewrites aside), are already there is not written again, and new ones are numbered
 * after the highest existing folder number and migration version, so no two candidates share a
 * version.
 */
public final class CandidateWriter {
  /** The subfolder holding the production migration. */
  public static final String PRODUCTION_DIR = "production";

  /** The version base when the schema's versions stay below 1000. */
  public static final int DEFAULT_VERSION_BASE = 1000;

  private static final Pattern VERSION = Pattern.compile("^V(\\d+)(?:[._]\\d+)*__.*\\.sql$");
  private static final int WIDTH = 100;

  private final Path directory;
  private final int versionBase;
  private final Optional<Catalog> catalog;

  public CandidateWriter(Path directory, int versionBase) {
    this(directory, versionBase, Optional.empty());
  }

  /**
   * With the catalog the candidates were advised from: an index on a partitioned table then gets
   * the production migration that builds it partition by partition ({@link ProductionMigration}).
   */
  public CandidateWriter(Path directory, int versionBase, Optional<Catalog> catalog) {
    this.directory = directory;
    this.versionBase = versionBase;
    this.catalog = catalog;
  }

  /**
   * What a write did: the folders written, and the candidates skipped because they already exist
   * (by name, or as {@code name (same indexes as FOLDER)}).
   */
  public record Result(List<CandidateFolder> written, List<String> kept) {}

  /** 1000, or the next multiple of 1000 above the highest version in {@code schemaFolder}. */
  public static int versionBase(Optional<Path> schemaFolder) throws IOException {
    if (schemaFolder.isEmpty() || !Files.isDirectory(schemaFolder.get())) {
      return DEFAULT_VERSION_BASE;
    }
    long max = 0;
    try (Stream<Path> files = Files.walk(schemaFolder.get())) {
      for (Path f : files.toList()) {
        Matcher m = VERSION.matcher(f.getFileName().toString());
        if (m.matches()) {
          max = Math.max(max, Long.parseLong(m.group(1)));
        }
      }
    }
    return max < DEFAULT_VERSION_BASE ? DEFAULT_VERSION_BASE : (int) ((max / 1000 + 1) * 1000);
  }

  /** Writes the candidates not already present; {@code whatIf} is keyed by candidate name. */
  public Result write(List<Candidate> candidates, Map<String, WhatIfResult> whatIf)
      throws IOException {
    List<CandidateFolder> existing = CandidateReader.read(directory);
    Set<String> names =
        existing.stream().map(f -> f.candidate().name()).collect(Collectors.toSet());
    int next = Math.max(0, existing.stream().mapToInt(CandidateFolder::number).max().orElse(0));
    for (CandidateFolder f : existing) {
      for (Path m : f.migrations()) {
        Matcher v = VERSION.matcher(m.getFileName().toString());
        if (v.matches()) {
          next = (int) Math.max(next, Long.parseLong(v.group(1)) - versionBase);
        }
      }
    }
    next++;
    Map<String, String> sameIndexes = new HashMap<>();
    for (CandidateFolder f : existing) {
      if (f.candidate().kind() != CandidateKind.REWRITE && !f.candidate().indexes().isEmpty()) {
        sameIndexes.put(indexIdentity(f.candidate()), f.directory().getFileName().toString());
      }
    }
    List<CandidateFolder> written = new ArrayList<>();
    List<String> kept = new ArrayList<>();
    for (Candidate c : candidates) {
      if (names.contains(c.name())) {
        kept.add(c.name());
        continue;
      }
      String twin = sameIndexes.get(indexIdentity(c));
      if (twin != null) {
        kept.add(c.name() + " (same indexes as " + twin + ")");
        continue;
      }
      written.add(write(c, next++, Optional.ofNullable(whatIf.get(c.name()))));
      names.add(c.name());
    }
    return new Result(written, kept);
  }

  /** Kind plus each index's table, method and keys: equal for the same change however named. */
  private static String indexIdentity(Candidate c) {
    return c.kind()
        + " "
        + c.indexes().stream()
            .map(
                i ->
                    i.tableKey()
                        + " "
                        + i.method()
                        + " "
                        + i.keys().stream()
                            .map(IndexKey::describe)
                            .collect(Collectors.joining(",")))
            .sorted()
            .collect(Collectors.joining(" + "));
  }

  private CandidateFolder write(Candidate c, int number, Optional<WhatIfResult> whatIf)
      throws IOException {
    String folderName = String.format("%03d_%s", number, c.name());
    Path folder = directory.resolve(folderName);
    Files.createDirectories(folder);
    String fileName = "V" + (versionBase + number) + "__" + c.name() + ".sql";
    Path migration = folder.resolve(fileName);
    StringBuilder sql = new StringBuilder();
    header(sql, c, number, whatIf, fileName);
    c.statements().forEach(s -> sql.append(s).append(";\n"));
    Files.writeString(migration, sql.toString(), StandardCharsets.UTF_8);
    Files.write(
        folder.resolve(CandidateProperties.FILE),
        CandidateProperties.lines(c, whatIf),
        StandardCharsets.UTF_8);
    List<Path> production = new ArrayList<>();
    Optional<List<String>> prod = ProductionMigration.statements(c, catalog);
    if (prod.isPresent()) {
      Path dir = Files.createDirectories(folder.resolve(PRODUCTION_DIR));
      Path script = dir.resolve(fileName);
      StringBuilder p = new StringBuilder();
      productionHeader(p, c);
      if (prod.get().stream().anyMatch(x -> x.contains(" ATTACH PARTITION "))) {
        wrap(
            p,
            "The index is on a partitioned table: CREATE INDEX CONCURRENTLY cannot build it there,"
                + " so it is created ON ONLY the parent (INVALID until complete), built"
                + " CONCURRENTLY on each partition and attached to the parent's index partition by"
                + " partition; the parent's index turns valid when the last partition's is"
                + " attached. A partition created later gets its index from the parent's.",
            "");
      }
      prod.get().forEach(s -> p.append(s).append(";\n"));
      Files.writeString(script, p.toString(), StandardCharsets.UTF_8);
      Files.writeString(
          dir.resolve(fileName + ProductionMigration.CONF_SUFFIX),
          ProductionMigration.CONF_TEXT,
          StandardCharsets.UTF_8);
      production.add(script);
    }
    return new CandidateFolder(
        folder,
        number,
        c,
        List.of(migration),
        production,
        whatIf.map(WhatIfResult::verdict),
        whatIf.map(WhatIfResult::summary));
  }

  private static void header(
      StringBuilder b, Candidate c, int number, Optional<WhatIfResult> whatIf, String fileName) {
    line(b, String.format("Candidate %03d %s: %s", number, c.name(), c.description()));
    line(
        b,
        "Written by indexlab advise. Test migration, applied to a copy of the seeded database;"
            + " the migration to ship is "
            + PRODUCTION_DIR
            + "/"
            + fileName
            + ".");
    b.append("--\n-- Why:\n");
    for (Reason r : c.reasons()) {
      wrap(b, "* " + r.where(), "");
      wrap(b, "  " + r.comment(), "  ");
      if (!r.numbers().isEmpty()) {
        wrap(b, "  numbers: " + r.numbersText(), "  ");
      }
    }
    whatIf.ifPresent(
        w -> {
          b.append("--\n");
          wrap(b, "What-if (EXPLAIN without ANALYZE, rolled back): " + w.verdict(), "");
          wrap(b, "  " + w.summary(), "  ");
          Map<String, Integer> lines = new LinkedHashMap<>();
          for (StatementWhatIf s : w.statements()) {
            String detail =
                s.explained()
                    ? WhatIfResult.costChange(s.costBefore(), s.costAfter())
                        + (s.usesAfter() ? ", uses the new index" : "")
                        + (s.usedBefore() ? ", used the dropped index" : "")
                    : "not explained: " + s.error();
            lines.merge(s.statement().describe() + ": " + detail, 1, Integer::sum);
          }
          lines.forEach(
              (text, n) ->
                  wrap(b, "  - " + text + (n > 1 ? " (" + n + " parameter sets)" : ""), "    "));
        });
    b.append("--\n");
  }

  private static void productionHeader(StringBuilder b, Candidate c) {
    line(b, "Production migration for candidate " + c.name() + ": " + c.description());
    wrap(
        b,
        "Runs outside a transaction (see the .sql.conf beside it: executeInTransaction=false);"
            + " Flyway needs postgresql.transactional.lock=false, or CONCURRENTLY waits for"
            + " Flyway's own lock transaction. lock_timeout makes it fail rather than queue"
            + " writers behind a long transaction. If a run fails, an INVALID index may remain"
            + " (pg_index.indisvalid = false) and IF NOT EXISTS would keep it: drop it with DROP"
            + " INDEX CONCURRENTLY before running again.",
        "");
  }

  private static void line(StringBuilder b, String text) {
    wrap(b, text, "");
  }

  /** Writes {@code text} as {@code --} comment lines of at most 100 characters. */
  static void wrap(StringBuilder b, String text, String indent) {
    String clean = text.replaceAll("\\s*\\R\\s*", " ");
    int lead = 0;
    while (lead < clean.length() && clean.charAt(lead) == ' ') {
      lead++;
    }
    StringBuilder cur = new StringBuilder("-- ").append(clean, 0, lead);
    boolean empty = true;
    for (String word : clean.substring(lead).split(" +")) {
      if (word.isEmpty()) {
        continue;
      }
      if (!empty && cur.length() + 1 + word.length() > WIDTH) {
        b.append(cur).append('\n');
        cur = new StringBuilder("-- ").append(indent);
        empty = true;
      }
      if (!empty) {
        cur.append(' ');
      }
      cur.append(word);
      empty = false;
    }
    b.append(cur.toString().stripTrailing()).append('\n');
  }
}

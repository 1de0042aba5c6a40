package dev.indexlab.seed;

import dev.indexlab.IndexlabException;
import dev.indexlab.Setting;
import dev.indexlab.db.ConnectionSpec;
import dev.indexlab.schema.LoadProblems;
import dev.indexlab.schema.SchemaLoader;
import dev.indexlab.schema.TableName;
import dev.indexlab.schema.UserTables;
import dev.indexlab.schema.WorkloadDataLoader;
import dev.indexlab.workload.Workload;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The {@link DataLoader} of a workload without a generator: its rows come from its files, the
 * schema's COPY blocks and INSERTs ({@link SchemaLoader}) and {@code data/} ({@link
 * WorkloadDataLoader}). When none of the workload's tables exists yet, {@link #load} loads the
 * schema first, so it works whether or not the caller migrated. Files cannot be scaled or reseeded:
 * a scale other than 1 is a usage error, and so is loading into tables that already hold rows (drop
 * the database instead).
 */
final class FileDataLoader implements DataLoader {
  /** The loader's name in reports (workload.properties names no generator). */
  public static final String NAME = "files";

  private static final Pattern CREATE_TABLE =
      Pattern.compile(
          "(?i)^\\s*CREATE\\s+(?:UNLOGGED\\s+)?TABLE\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?"
              + "((?:\"(?:[^\"]|\"\")+\"|[\\w$]+)(?:\\.(?:\"(?:[^\"]|\"\")+\"|[\\w$]+))?)");

  private final Workload workload;

  public FileDataLoader(Workload workload) {
    this.workload = workload;
  }

  @Override
  public String name() {
    return NAME;
  }

  /**
   * The tables the schema creates, as its {@code CREATE TABLE} statements name them (for example
   * {@code shop."Reviews"}), which {@code to_regclass} resolves.
   */
  @Override
  public List<String> tables() {
    Set<String> names = new LinkedHashSet<>();
    for (Path file : schemaFiles()) {
      try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
        String line;
        while ((line = r.readLine()) != null) {
          Matcher m = CREATE_TABLE.matcher(line);
          if (m.find()) {
            names.add(m.group(1));
          }
        }
      } catch (IOException e) {
        throw IndexlabException.usage(LoadProblems.shown(file) + ": cannot read: " + e);
      }
    }
    return List.copyOf(names);
  }

  /** Data lines per CSV file (by file name without {@code .csv}); a usage error unless scale 1. */
  @Override
  public Map<String, Long> expectedRows(SeedOptions options) {
    if (options.scale() != 1.0) {
      throw IndexlabException.usage(
          Setting.SCALE
              + " "
              + options.scale()
              + ": workload "
              + workload.name()
              + " loads its rows from files, which cannot be scaled; use scale 1");
    }
    Map<String, Long> rows = new LinkedHashMap<>();
    if (workload.data().isEmpty()) {
      return rows;
    }
    try (Stream<Path> files = Files.list(workload.data().get())) {
      for (Path csv : files.filter(p -> isCsv(p)).sorted().toList()) {
        try (Stream<String> lines = Files.lines(csv, StandardCharsets.UTF_8)) {
          rows.put(csv.getFileName().toString().replaceFirst("(?i)\\.csv$", ""), lines.count() - 1);
        }
      }
    } catch (IOException e) {
      throw IndexlabException.usage(LoadProblems.shown(workload.data().get()) + ": " + e);
    }
    return rows;
  }

  @Override
  public LoadReport load(ConnectionSpec spec, SeedOptions options, Progress progress)
      throws SQLException {
    expectedRows(options);
    long start = System.nanoTime();
    Map<String, Long> phases = new LinkedHashMap<>();
    if (existing(spec).isEmpty()) {
      progress.step("loading the schema from " + LoadProblems.shown(schemaSource()));
      SchemaLoader.load(spec, workload);
      phases.put("schema", System.nanoTime() - start);
    }
    long dataStart = System.nanoTime();
    progress.step("loading data files");
    WorkloadDataLoader.load(spec, workload);
    phases.put("data, sequences and analyze", System.nanoTime() - dataStart);
    Map<String, Long> rows = new LinkedHashMap<>();
    try (Connection c = spec.open()) {
      for (TableName t : UserTables.read(c).names()) {
        try (Statement st = c.createStatement();
            ResultSet rs = st.executeQuery("SELECT count(*) FROM " + t.quoted())) {
          rs.next();
          rows.put(t.toString(), rs.getLong(1));
        }
      }
    }
    return new LoadReport(rows, Map.of(), phases, System.nanoTime() - start);
  }

  /**
   * The workload's tables that exist in {@code spec}; a usage error when a table a CSV file fills
   * already holds rows (the schema's own rows, from a migration, are expected).
   */
  private List<String> existing(ConnectionSpec spec) throws SQLException {
    List<String> found = new ArrayList<>();
    try (Connection c = spec.open();
        PreparedStatement ps = SqlResource.withTables(c, "table-state.sql", tables())) {
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          if (rs.getString(2) != null) {
            found.add(rs.getString(2));
          }
        }
      }
      if (!found.isEmpty()) {
        refuseLoadedCsvTables(c, spec);
      }
    }
    return found;
  }

  private void refuseLoadedCsvTables(Connection c, ConnectionSpec spec) throws SQLException {
    UserTables tables = UserTables.read(c);
    for (String stem : expectedRows(SeedOptions.defaults()).keySet()) {
      TableName t = tables.resolve(stem).table();
      if (t == null) {
        continue;
      }
      try (Statement st = c.createStatement();
          ResultSet rs = st.executeQuery("SELECT EXISTS (SELECT 1 FROM " + t.quoted() + ")")) {
        rs.next();
        if (rs.getBoolean(1)) {
          throw IndexlabException.usage(
              "database "
                  + spec.database()
                  + ": "
                  + t
                  + " already holds rows; rows loaded from files cannot be replaced in place,"
                  + " drop the database first");
        }
      }
    }
  }

  private Path schemaSource() {
    return workload.migrations().or(workload::dump).orElseThrow();
  }

  private List<Path> schemaFiles() {
    if (workload.dump().isPresent()) {
      return List.of(workload.dump().get());
    }
    try (Stream<Path> files = Files.walk(workload.migrations().orElseThrow())) {
      return files
          .filter(Files::isRegularFile)
          .filter(p -> p.getFileName().toString().endsWith(".sql"))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw IndexlabException.usage(LoadProblems.shown(schemaSource()) + ": " + e);
    }
  }

  private static boolean isCsv(Path p) {
    return Files.isRegularFile(p)
        && p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv");
  }
}

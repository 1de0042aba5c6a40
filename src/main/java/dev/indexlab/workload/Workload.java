package dev.indexlab.workload;

import dev.indexlab.IndexlabException;
import dev.indexlab.Setting;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * A workload directory: the application's schema, its data (or a generator), its routes and its
 * candidate migrations. Layout (README "Your own workload"):
 *
 * <pre>
 * workload.properties   name, generator (optional; "songstackify" for the bundled one)
 * schema/               Flyway migrations (V1__*.sql ...)   -- or --
 * schema.sql            one plain SQL file, e.g. pg_dump --format=plain output
 * data/                 optional: TABLE.csv (loaded with COPY, header row) and *.sql files
 * *.sql                 route files, one per route
 * candidates/NAME/      candidate migrations (and an optional route rewrite)
 * </pre>
 *
 * A workload with neither {@code schema/} nor {@code schema.sql} (what {@code indexlab capture}
 * writes without {@code --schema}) has no way to build its database: it is measured on the database
 * it was captured from, as it is ({@link #hasSchema()}).
 */
public record Workload(
    Path directory,
    String name,
    Optional<Path> migrations,
    Optional<Path> dump,
    Optional<Path> data,
    Path candidates,
    Optional<String> generator,
    Properties properties) {

  /** The name of the workload's metadata file. */
  public static final String PROPERTIES_FILE = "workload.properties";

  /** Reads the layout of {@code directory}; a usage error when it is not a workload. */
  public static Workload open(Path directory) {
    Path dir = directory.toAbsolutePath().normalize();
    if (!Files.isDirectory(dir)) {
      throw IndexlabException.usage(Setting.WORKLOAD + " " + directory + ": no such directory");
    }
    Properties props = new Properties();
    Path propsFile = dir.resolve(PROPERTIES_FILE);
    if (Files.isRegularFile(propsFile)) {
      try (Reader r = Files.newBufferedReader(propsFile, StandardCharsets.UTF_8)) {
        props.load(r);
      } catch (IOException | IllegalArgumentException e) {
        throw IndexlabException.usage(propsFile + ": " + e.getMessage());
      }
    }
    Path schemaDir = dir.resolve("schema");
    Path schemaFile = dir.resolve("schema.sql");
    Optional<Path> migrations =
        Files.isDirectory(schemaDir) ? Optional.of(schemaDir) : Optional.empty();
    Optional<Path> dump =
        Files.isRegularFile(schemaFile) ? Optional.of(schemaFile) : Optional.empty();
    if (migrations.isPresent() && dump.isPresent()) {
      throw IndexlabException.usage(
          Setting.WORKLOAD + " " + directory + ": has both schema/ and schema.sql; keep one");
    }
    Path dataDir = dir.resolve("data");
    String name = props.getProperty("name", dir.getFileName().toString());
    String generator = props.getProperty("generator");
    return new Workload(
        dir,
        name,
        migrations,
        dump,
        Files.isDirectory(dataDir) ? Optional.of(dataDir) : Optional.empty(),
        dir.resolve("candidates"),
        Optional.ofNullable(generator).filter(g -> !g.isBlank()),
        props);
  }

  /**
   * False when the directory holds neither {@code schema/} nor {@code schema.sql}: the workload
   * runs only against an existing database that already has its tables and rows.
   */
  public boolean hasSchema() {
    return migrations.isPresent() || dump.isPresent();
  }

  /** The usage error for a command that must build the workload's database and cannot. */
  public IndexlabException noSchema() {
    return IndexlabException.usage(
        Setting.WORKLOAD
            + " "
            + directory
            + ": no schema/ folder of migrations and no schema.sql; a workload without a schema"
            + " runs only against the database it was captured from ("
            + Setting.DB
            + " jdbc:postgresql://...)");
  }

  /**
   * The route files at the top of the directory, sorted by name, without those a {@code -- @skip}
   * line sets aside ({@link #skippedRouteFiles()}).
   */
  public List<Path> routeFiles() {
    return allRouteFiles().stream().filter(p -> RouteParser.skipReason(p).isEmpty()).toList();
  }

  /** Route files set aside by a {@code -- @skip REASON} line: file name to reason. */
  public Map<Path, String> skippedRouteFiles() {
    Map<Path, String> out = new LinkedHashMap<>();
    for (Path p : allRouteFiles()) {
      RouteParser.skipReason(p).ifPresent(r -> out.put(p, r));
    }
    return out;
  }

  private List<Path> allRouteFiles() {
    try (Stream<Path> files = Files.list(directory)) {
      List<Path> routes = new ArrayList<>();
      files
          .filter(p -> Files.isRegularFile(p))
          .filter(p -> p.getFileName().toString().endsWith(".sql"))
          .filter(p -> !p.getFileName().toString().equals("schema.sql"))
          .sorted()
          .forEach(routes::add);
      return routes;
    } catch (IOException e) {
      throw IndexlabException.usage(directory + ": cannot list route files: " + e.getMessage());
    }
  }
}

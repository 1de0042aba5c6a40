package dev.indexlab.scenario;

import dev.indexlab.Json;
import dev.indexlab.db.ConnectionSpec;
import dev.indexlab.db.Leftovers;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What an in-place run must give back, kept on disk while it runs, so that a run killed with {@code
 * kill -9} can still be reverted by the next indexlab: the server and database (no user, no
 * password), the index definitions, the extensions and the schemas that held the candidates'
 * history table before. The file ({@code indexlab-inplace-pidN-*.json} in the temp folder, owner
 * only) carries the run's process id; {@link InPlaceScenarios#recover} reads the files of runs that
 * are gone.
 */
record InPlaceRecord(
    String server,
    Map<String, String> indexes,
    Map<String, String> extensions,
    List<String> historySchemas) {
  private static final Pattern FILE =
      Pattern.compile("^indexlab-inplace-" + Leftovers.PID_MARK + "(\\d+)-.*\\.json$");

  /** {@code db}'s server and database, the way two runs on it name it alike. */
  static String server(ConnectionSpec db) {
    String url = db.jdbcUrl();
    int query = url.indexOf('?');
    return query < 0 ? url : url.substring(0, query);
  }

  static InPlaceRecord of(ConnectionSpec db, DatabaseSnapshot s) {
    return new InPlaceRecord(server(db), s.indexes(), s.extensions(), s.historySchemas());
  }

  /** Writes the record to a new owner-only file of this process. */
  Path write() throws IOException {
    Path file =
        Files.createTempFile(
            Leftovers.ownedPrefix("inplace"),
            ".json",
            java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
                java.nio.file.attribute.PosixFilePermissions.fromString("rw-------")));
    Json.mapper().writeValue(file.toFile(), this);
    return file;
  }

  /** A record file found in the temp folder, with its owner's process id. */
  record Found(Path file, long pid, InPlaceRecord record) {}

  /** The records in {@code tempDir} of runs on {@code db}'s database, whoever owns them. */
  static List<Found> find(Path tempDir, ConnectionSpec db) throws IOException {
    List<Found> out = new ArrayList<>();
    try (DirectoryStream<Path> files = Files.newDirectoryStream(tempDir, "indexlab-inplace-*")) {
      for (Path f : files) {
        Matcher m = FILE.matcher(f.getFileName().toString());
        if (!m.matches()) {
          continue;
        }
        InPlaceRecord r = Json.strictReader(InPlaceRecord.class).readValue(f.toFile());
        if (r.server().equals(server(db))) {
          out.add(new Found(f, Long.parseLong(m.group(1)), r));
        }
      }
    }
    return out;
  }
}

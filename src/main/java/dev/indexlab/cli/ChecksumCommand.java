package dev.indexlab.cli;

import dev.indexlab.IndexlabException;
import dev.indexlab.db.ConnectionSpec;
import dev.indexlab.db.DatabaseTarget;
import dev.indexlab.schema.TableChecksums;
import dev.indexlab.seed.SeedResult;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code indexlab checksum}: an order-independent digest per table, to show that the same seed
 * gives the same data. On a server indexlab owns it seeds first; on a JDBC URL it only reads.
 */
@Command(
    name = "checksum",
    mixinStandardHelpOptions = true,
    description = {
      "Prints an order-independent digest of every table (rows and a sum of row hashes) and one"
          + " digest over all of them.",
      "With the embedded server (default) the data is seeded first with --scale and --seed; with"
          + " a JDBC URL the database is only read."
    })
final class ChecksumCommand implements Callable<Integer> {
  @Mixin TargetOptions target;
  @Mixin WorkloadOptions workload;
  @Mixin SeedingOptions seeding;
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    try (DatabaseTarget t = target.open()) {
      ConnectionSpec db;
      if (t.ownsServer()) {
        SeedResult result = seeding.open(t, workload.open());
        out.println(result.note());
        db = result.connection();
      } else {
        db = t.connection();
      }
      Map<String, TableChecksums.Digest> digests;
      try (Connection c = db.open()) {
        digests = TableChecksums.compute(c);
      } catch (SQLException e) {
        throw IndexlabException.failed("cannot read " + db.maskedUrl() + ": " + e.getMessage(), e);
      }
      print(out, digests);
      out.flush();
    }
    return 0;
  }

  static void print(PrintWriter out, Map<String, TableChecksums.Digest> digests) {
    MessageDigest all = sha256();
    out.printf(Locale.ROOT, "%-34s %12s  %s%n", "table", "rows", "sum of row hashes");
    for (Map.Entry<String, TableChecksums.Digest> e : digests.entrySet()) {
      String line =
          String.format(
              Locale.ROOT, "%-34s %,12d  %s", e.getKey(), e.getValue().rows(), e.getValue().sum());
      out.println(line);
      all.update((line + "\n").getBytes(StandardCharsets.UTF_8));
    }
    out.println("all tables: " + HexFormat.of().formatHex(all.digest()).substring(0, 32));
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK has no SHA-256", e);
    }
  }
}

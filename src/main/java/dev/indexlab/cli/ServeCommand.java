package dev.indexlab.cli;

import dev.indexlab.db.ConnectionSpec;
import dev.indexlab.db.DatabaseTarget;
import dev.indexlab.seed.SeedResult;
import dev.indexlab.workload.Workload;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code indexlab serve} (hidden): starts the target, seeds it, prints how to connect and keeps the
 * server up until standard input closes or the process gets a signal, then stops it and deletes its
 * data. Scripts use it to point other clients (pgbench) at the same server {@code bench} uses. It
 * prints {@code key=value} lines ({@code jdbc_url}, {@code host}, {@code port}, {@code database},
 * {@code user}; never a password), then {@code ready}.
 */
@Command(
    name = "serve",
    hidden = true,
    mixinStandardHelpOptions = true,
    description = {
      "Starts and seeds the database, prints how to connect (key=value lines, then 'ready'),"
          + " and keeps it up until standard input closes or a signal arrives."
    })
final class ServeCommand implements Callable<Integer> {
  private static final Pattern URL = Pattern.compile("^jdbc:postgresql://([^:/?]+)(?::(\\d+))?/");

  @Spec CommandSpec spec;
  @Mixin TargetOptions target;
  @Mixin WorkloadOptions workload;
  @Mixin SeedingOptions seeding;

  /** Where the end is awaited; standard input unless a test says otherwise. */
  InputStream stdin = System.in;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    Workload w = workload.open();
    try (DatabaseTarget t = target.open()) {
      SeedResult seeded = seeding.open(t, w);
      spec.commandLine().getErr().println("serve: " + seeded.note());
      ConnectionSpec db = seeded.connection();
      out.println("jdbc_url=" + db.maskedUrl());
      Matcher m = URL.matcher(db.jdbcUrl());
      if (m.find()) {
        out.println("host=" + m.group(1));
        out.println("port=" + (m.group(2) == null ? "5432" : m.group(2)));
      }
      out.println("database=" + db.database());
      out.println("user=" + db.user());
      out.println("ready");
      out.flush();
      byte[] buffer = new byte[256];
      while (stdin.read(buffer) != -1) {
        // wait for end of input; what is read is ignored
      }
      return 0;
    }
  }
}

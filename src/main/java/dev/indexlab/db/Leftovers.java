package dev.indexlab.db;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds and removes what an indexlab process that is gone (killed with {@code kill -9}, or by a
 * power cut) left behind, and nothing else. Everything indexlab leaves carries its owner's process
 * id: the embedded server's data folder ({@code indexlab-pg-pidN-*} in the temp folder), the JMH
 * forks' connection file ({@code indexlab-connection-pidN-*}), a candidate's staged migrations
 * ({@code indexlab-staged-pidN-*}), and a scenario copy database (its comment, {@link
 * #copyComment}, names the process and the host). A thing whose owner still runs is never touched,
 * whoever owns it; a process id that was reused by another program counts as alive (the thing then
 * stays, which is safe).
 */
public final class Leftovers {
  /** The prefix of every temp name that carries its owner: {@code PREFIX + pid + "-"}. */
  public static final String PID_MARK = "pid";

  private static final Pattern OWNED =
      Pattern.compile("^indexlab-(pg|connection|staged)-" + PID_MARK + "(\\d+)-.*$");
  private static final Pattern COPY =
      Pattern.compile("^indexlab scenario copy; process (\\d+) on (.+)$");
  private static final Duration POSTMASTER_GRACE = Duration.ofSeconds(10);

  private Leftovers() {}

  /** The temp-name prefix of a thing this process owns, such as {@code indexlab-pg-pid42-}. */
  public static String ownedPrefix(String kind) {
    return "indexlab-" + kind + "-" + PID_MARK + ProcessHandle.current().pid() + "-";
  }

  /** The comment a scenario copy carries: this process and this host. */
  public static String copyComment() {
    return "indexlab scenario copy; process " + ProcessHandle.current().pid() + " on " + host();
  }

  /**
   * Stops the postmasters and deletes the data folders, connection files and staged migrations in
   * {@code tempDir} whose owning indexlab is gone; returns one phrase per thing removed.
   */
  public static List<String> sweepTemp(Path tempDir) {
    List<String> done = new ArrayList<>();
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(tempDir, "indexlab-*")) {
      for (Path p : entries) {
        Matcher m = OWNED.matcher(p.getFileName().toString());
        if (!m.matches() || isAlive(Long.parseLong(m.group(2)))) {
          continue;
        }
        if (m.group(1).equals("pg")) {
          Optional<Postmaster> postmaster = Postmaster.of(p);
          postmaster.ifPresent(pm -> pm.terminate(POSTMASTER_GRACE));
          EmbeddedTarget.deleteTree(p);
          done.add(
              (postmaster.isPresent() ? "stopped the embedded server of and deleted " : "deleted ")
                  + p);
        } else {
          EmbeddedTarget.deleteTree(p);
          done.add("deleted " + p);
        }
      }
    } catch (IOException | RuntimeException e) {
      done.add("could not finish sweeping " + tempDir + ": " + e.getMessage());
    }
    return done;
  }

  /** What a killed indexlab of this host left on {@code db}'s server: its copy databases. */
  public static List<String> sweep(ConnectionSpec db) {
    return sweepCopies(db);
  }

  /** {@link #sweepTemp} of the JVM's temp folder. */
  public static List<String> sweepTemp() {
    return sweepTemp(Path.of(System.getProperty("java.io.tmpdir")));
  }

  /**
   * Drops the scenario copies on {@code db}'s server that an indexlab process of this host made and
   * that is gone; copies of other hosts are left alone (their owner cannot be checked from here).
   */
  public static List<String> sweepCopies(ConnectionSpec db) {
    List<String> done = new ArrayList<>();
    List<String> dead = new ArrayList<>();
    try (Connection c = db.open();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT datname, shobj_description(oid, 'pg_database') FROM pg_database"
                    + " WHERE starts_with(shobj_description(oid, 'pg_database'),"
                    + " 'indexlab scenario copy; ') ORDER BY 1");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        Matcher m = COPY.matcher(rs.getString(2));
        if (m.matches() && m.group(2).equals(host()) && !isAlive(Long.parseLong(m.group(1)))) {
          dead.add(rs.getString(1));
        }
      }
    } catch (SQLException e) {
      return List.of("could not look for copy databases left behind: " + e.getMessage());
    }
    DatabaseAdmin admin = new DatabaseAdmin(db);
    for (String name : dead) {
      try {
        admin.dropIfExists(name);
        done.add("dropped copy database " + name);
      } catch (SQLException e) {
        done.add("could not drop copy database " + name + ": " + e.getMessage());
      }
    }
    return done;
  }

  /** True when {@code pid} runs (any program: a reused id keeps things, which is safe). */
  public static boolean isAlive(long pid) {
    return pid == ProcessHandle.current().pid()
        || ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
  }

  static String host() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (IOException e) {
      return "localhost";
    }
  }
}

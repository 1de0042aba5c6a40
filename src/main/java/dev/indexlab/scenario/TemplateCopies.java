package dev.indexlab.scenario;

import dev.indexlab.IndexlabException;
import dev.indexlab.db.ConnectionSpec;
import dev.indexlab.db.DatabaseAdmin;
import dev.indexlab.db.ExitCleanup;
import dev.indexlab.db.FaultPoint;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Makes one isolated database per scenario as a copy of the seeded template ({@code CREATE DATABASE
 * ... TEMPLATE}), so no scenario can leak into another and the template is never altered; a second
 * look's database is a copy of the accepted set's copy ({@link #copyOf}), which holds that set and
 * nothing else. The copies are dropped by {@link #dropAll()}, or by {@link ExitCleanup} when a
 * signal stops indexlab; each carries a comment naming the indexlab process that made it ({@link
 * DatabaseAdmin#markAsCopy}), so that one left by a killed process can be found and dropped. Needs
 * a role that may create databases; without one, {@code indexlab run --in-place} uses {@link
 * InPlaceScenarios} instead.
 */
public final class TemplateCopies implements ScenarioDatabases {
  /** PostgreSQL's longest identifier (63 bytes; counted in characters here). */
  private static final int MAX_NAME = 63;

  private final ConnectionSpec template;
  private final DatabaseAdmin admin;
  private final List<String> created = new ArrayList<>();
  private final Map<String, ExitCleanup.Registration> onSignal = new HashMap<>();

  /** {@code template} must have no open connections while copies are made. */
  public TemplateCopies(ConnectionSpec template) {
    this.template = template;
    this.admin = new DatabaseAdmin(template);
  }

  /**
   * The database name for a scenario: the template's name plus a sanitized suffix. A name over
   * PostgreSQL's 63 characters is cut and ends in a hash of the whole suffix instead, so that two
   * scenarios whose names share a long beginning still get two databases.
   */
  public String databaseName(String scenario) {
    String suffix = scenario.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]+", "_");
    String name = template.database() + "_" + suffix;
    if (name.length() <= MAX_NAME) {
      return name;
    }
    String hash = String.format(Locale.ROOT, "%08x", suffix.hashCode());
    return name.substring(0, MAX_NAME - hash.length() - 1) + "_" + hash;
  }

  /** A fresh copy of the template for {@code scenario} (an older copy is dropped first). */
  @Override
  public ConnectionSpec copy(String scenario) {
    return copyDatabase(scenario, template.database());
  }

  /**
   * A copy of scenario {@code source}'s copy for {@code scenario}; {@code source}'s database must
   * have no open connections.
   */
  @Override
  public ConnectionSpec copyOf(String scenario, String source) {
    if (databaseName(scenario).equals(databaseName(source))) {
      throw new IllegalArgumentException(
          "scenarios "
              + scenario
              + " and "
              + source
              + " would share database "
              + databaseName(source));
    }
    return copyDatabase(scenario, databaseName(source));
  }

  private ConnectionSpec copyDatabase(String scenario, String from) {
    String name = databaseName(scenario);
    if (name.equals(template.database())) {
      throw new IllegalArgumentException(
          "scenario " + scenario + " would be the template database " + name + " itself");
    }
    try {
      admin.dropIfExists(name);
      admin.createFromTemplate(name, from);
      admin.markAsCopy(name);
    } catch (SQLException e) {
      throw new IndexlabException(
          IndexlabException.JOB_FAILED,
          "cannot copy database " + from + " for scenario " + scenario + ": " + e.getMessage(),
          e);
    }
    created.add(name);
    forget(name);
    onSignal.put(
        name,
        ExitCleanup.register(
            () -> {
              admin.dropIfExists(name);
              return "dropped copy database " + name;
            }));
    FaultPoint.reached("copy-created");
    return template.withDatabase(name);
  }

  /** Drops one scenario's copy. */
  @Override
  public void drop(String scenario) {
    String name = databaseName(scenario);
    try {
      admin.dropIfExists(name);
      created.remove(name);
      forget(name);
    } catch (SQLException e) {
      throw new IndexlabException(
          IndexlabException.JOB_FAILED, "cannot drop database " + name + ": " + e.getMessage(), e);
    }
  }

  /** Drops every copy this instance made, best effort (it never throws). */
  @Override
  public void dropAll() {
    for (String name : List.copyOf(created)) {
      try {
        admin.dropIfExists(name);
        forget(name);
      } catch (SQLException e) {
        // best effort at the end of a run; the embedded server is removed anyway
      }
    }
    created.clear();
  }

  /** {@code name} was dropped the ordinary way: a signal no longer needs to drop it. */
  private void forget(String name) {
    ExitCleanup.Registration r = onSignal.remove(name);
    if (r != null) {
      r.close();
    }
  }
}

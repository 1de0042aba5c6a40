package dev.indexlab.scenario;

import dev.indexlab.IndexlabException;
import dev.indexlab.db.ConnectionSpec;
import dev.indexlab.db.DatabaseAdmin;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Makes one isolated database per scenario as a copy of the seeded template ({@code CREATE DATABASE
 * ... TEMPLATE}), so no scenario can leak into another and the template is never altered. The
 * copies are dropped by {@link #dropAll()}. Needs a role that may create databases; without one,
 * {@code indexlab run --in-place} uses {@link InPlaceScenarios} instead.
 */
public final class TemplateCopies implements ScenarioDatabases {
  private final ConnectionSpec template;
  private final DatabaseAdmin admin;
  private final List<String> created = new ArrayList<>();

  /** {@code template} must have no open connections while copies are made. */
  public TemplateCopies(ConnectionSpec template) {
    this.template = template;
    this.admin = new DatabaseAdmin(template);
  }

  /** The database name for a scenario: the template's name plus a sanitized suffix. */
  public String databaseName(String scenario) {
    String suffix = scenario.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]+", "_");
    String name = template.database() + "_" + suffix;
    return name.length() > 63 ? name.substring(0, 63) : name;
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
    return copyDatabase(scenario, databaseName(source));
  }

  private ConnectionSpec copyDatabase(String scenario, String from) {
    String name = databaseName(scenario);
    try {
      admin.dropIfExists(name);
      admin.createFromTemplate(name, from);
    } catch (SQLException e) {
      throw new IndexlabException(
          IndexlabException.JOB_FAILED,
          "cannot copy database " + from + " for scenario " + scenario + ": " + e.getMessage(),
          e);
    }
    created.add(name);
    return template.withDatabase(name);
  }

  /** Drops one scenario's copy. */
  @Override
  public void drop(String scenario) {
    String name = databaseName(scenario);
    try {
      admin.dropIfExists(name);
      created.remove(name);
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
      } catch (SQLException e) {
        // best effort at the end of a run; the embedded server is removed anyway
      }
    }
    created.clear();
  }
}

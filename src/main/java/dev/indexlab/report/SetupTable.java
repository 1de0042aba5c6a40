package dev.indexlab.report;

import dev.indexlab.Setting;
import dev.indexlab.db.Secrets;
import dev.indexlab.results.RunResults.Meta;
import dev.indexlab.text.MarkdownTable;
import dev.indexlab.text.MarkdownTable.Column;
import dev.indexlab.text.ReportFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The reproducibility header of the summary: when, with which versions, on which server and
 * machine, and with which workload, scale, seed, JMH profile and transaction mode the run was
 * measured. The database target is shown with its password masked.
 */
final class SetupTable {
  private SetupTable() {}

  static String render(Meta meta, Function<Setting, String> flags) {
    MarkdownTable table = new MarkdownTable(Column.left("Setting"), Column.left("Value"));
    table.row("Date", SummaryPage.text(meta.date()));
    table.row("indexlab", SummaryPage.text(meta.indexlabVersion()));
    table.row("PostgreSQL", SummaryPage.text(meta.postgresVersion()));
    table.row(
        "Server settings",
        meta.settings() == null || meta.settings().isEmpty()
            ? "not recorded"
            : "the " + meta.settings().size() + " below");
    table.row("Database target", target(meta.target()));
    table.row("Workload", SummaryPage.text(meta.workload()));
    table.row(
        "Scale and seed", "scale " + SummaryPage.plain(meta.scale()) + ", seed " + meta.seed());
    table.row(
        "JMH profile",
        SummaryPage.text(meta.profile())
            + ", "
            + SummaryPage.count(meta.threads(), "thread", "threads"));
    table.row(
        "Transactions",
        meta.commit()
            ? "committed (commit mode: writes change the data as the run goes)"
            : "rolled back after every call (rollback mode: the data never changes)");
    table.row("Scenario databases", scenarioDatabases(meta, flags));
    table.row(
        "Machine",
        SummaryPage.count(meta.cores(), "core", "cores")
            + ", "
            + (meta.memoryBytes() > 0 ? ReportFormat.bytes(meta.memoryBytes()) : "unknown")
            + " memory, "
            + SummaryPage.text(meta.os()));
    table.row("Java", SummaryPage.text(meta.javaVersion()));
    return table.render() + settings(meta.settings());
  }

  /**
   * The target, password masked; an embedded server is described, not given by its port (a
   * temporary port on the machine that ran it means nothing to a reader).
   */
  static String target(String target) {
    if (target == null || target.isBlank()) {
      return "not recorded";
    }
    if (target.startsWith("embedded")) {
      return "embedded PostgreSQL: a temporary server started for the run, its data directory"
          + " removed at exit";
    }
    return MarkdownText.code(Secrets.maskUrl(target));
  }

  private static String scenarioDatabases(Meta meta, Function<Setting, String> flags) {
    if (Meta.COPIES.equals(meta.scenarioDatabases())) {
      return "one copy of the seeded database per scenario (CREATE DATABASE ... TEMPLATE),"
          + " dropped afterwards";
    }
    if (Meta.IN_PLACE.equals(meta.scenarioDatabases())) {
      return "the database itself, each candidate applied and then reverted ("
          + flags.apply(Setting.IN_PLACE)
          + "); indexes and table checksums checked against the start after every scenario";
    }
    return "not recorded";
  }

  /** The server settings, one row each (one cell would be wider than a screen). */
  private static String settings(Map<String, String> settings) {
    if (settings == null || settings.isEmpty()) {
      return "";
    }
    MarkdownTable table = new MarkdownTable(Column.left("Server setting"), Column.left("Value"));
    new TreeMap<>(settings)
        .forEach((k, v) -> table.row(MarkdownText.code(k), MarkdownText.code(v)));
    return "\n" + table.render();
  }
}

package dev.indexlab.report;

import dev.indexlab.results.RunResults.CandidateResult;
import java.util.List;

/**
 * The candidate itself in a write-up: for a rewrite, the original and rewritten statement and the
 * equivalence check's verdict; its DDL; and, for indexes, the production migration (CREATE INDEX
 * CONCURRENTLY with a lock timeout) folded in a {@code <details>} block.
 */
final class CandidateSql {
  private final CandidateResult candidate;

  CandidateSql(CandidateResult candidate) {
    this.candidate = candidate;
  }

  /**
   * @param originalSql the statement before a rewrite, or null when the candidate rewrote nothing
   *     here
   * @param rewrittenSql the statement after the rewrite, or null
   */
  String render(String originalSql, String rewrittenSql) {
    StringBuilder out = new StringBuilder();
    if (rewrittenSql != null) {
      out.append("The rewrite replaces the statement with:\n\n")
          .append(MarkdownText.codeBlock("sql", rewrittenSql))
          .append('\n')
          .append(equivalence())
          .append("\n\n");
      out.append("<details><summary>The original statement, for comparison</summary>\n\n")
          .append(MarkdownText.codeBlock("sql", originalSql))
          .append("\n</details>\n\n");
    } else if (RunIndex.isRewrite(candidate)) {
      out.append(equivalence()).append("\n\n");
    }
    List<String> ddl = candidate.ddl() == null ? List.of() : candidate.ddl();
    if (!ddl.isEmpty()) {
      out.append(
              rewrittenSql != null
                  ? "It comes with this migration:\n\n"
                  : "indexlab's candidate migration:\n\n")
          .append(
              MarkdownText.codeBlock(
                  "sql", String.join("\n", ddl.stream().map(String::strip).toList())))
          .append('\n');
    } else if (rewrittenSql == null) {
      out.append("The candidate has no DDL recorded.\n\n");
    }
    if (candidate.productionMigration() != null && !candidate.productionMigration().isBlank()) {
      out.append(
              "<details><summary>Production migration (CREATE INDEX CONCURRENTLY, with a lock timeout)</summary>\n\n")
          .append(
              "Run outside a transaction (Flyway: `executeInTransaction=false` for this script), so"
                  + " writes to the table are not blocked while the index builds:\n\n")
          .append(MarkdownText.codeBlock("sql", candidate.productionMigration()))
          .append("\n</details>\n\n");
    }
    return out.toString();
  }

  /** The equivalence check's result as a sentence. */
  String equivalence() {
    String result = candidate.equivalence();
    if (result == null || result.isBlank()) {
      return "**Equivalence check:** no result was recorded for this rewrite.";
    }
    String sentence = result.strip();
    return "**Equivalence check:** "
        + MarkdownText.text(sentence)
        + (sentence.endsWith(".") ? "" : ".");
  }
}

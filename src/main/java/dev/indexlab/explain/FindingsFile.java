package dev.indexlab.explain;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.indexlab.IndexlabException;
import dev.indexlab.Json;
import dev.indexlab.results.Finding;
import dev.indexlab.results.FindingKind;
import dev.indexlab.text.OneLine;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * A scenario's findings file, {@code findings.json}: written beside its plans by {@code indexlab
 * explain} and by each scenario of {@code indexlab run} (with {@code findings.md} for people), and
 * read back by {@code indexlab advise --findings}. The JSON is one object per {@link Finding} with
 * every field ({@link FindingReport#json}); reading ignores fields it does not know and skips
 * findings of a kind it does not know.
 *
 * <pre>{@code
 * [{"kind": "SEQ_SCAN_REMOVES_MOST_ROWS", "routeId": "orders_by_employee", "statementIndex": 0,
 *   "nodePath": "/0/Plan", "relation": "public.orders", "schema": "public", "table": "orders",
 *   "columns": ["employee_id", "order_date"],
 *   "roles": {"equality": ["employee_id"], "range": ["order_date"], "sort": [], "pattern": []},
 *   "numbers": {"rowsRemoved": 4992}, "message": "Seq Scan on orders reads ..."}]
 * }</pre>
 *
 * <p>A file written before findings carried their column {@code roles} is refused with one line
 * saying so, rather than read with every column guessed to be an equality (the mistake the roles
 * exist to prevent): running {@code indexlab explain} again writes the current format.
 */
public final class FindingsFile {
  /** The kinds the advisor acts on: without roles, such a finding cannot be read. */
  private static final Set<FindingKind> NEED_ROLES =
      EnumSet.of(
          FindingKind.SEQ_SCAN_REMOVES_MOST_ROWS,
          FindingKind.FILTER_ORDER_LIMIT,
          FindingKind.LEADING_WILDCARD_LIKE);

  private static final ObjectMapper JSON = Json.mapper();

  private FindingsFile() {}

  /** Writes both files into {@code dir}; returns the JSON file. */
  public static Path write(Path dir, String scenario, List<Finding> findings) {
    try {
      Files.createDirectories(dir);
      Path json = dir.resolve("findings.json");
      Files.writeString(json, FindingReport.json(findings), StandardCharsets.UTF_8);
      Files.writeString(
          dir.resolve("findings.md"),
          "# Findings: " + scenario + "\n\n" + FindingReport.markdown(findings),
          StandardCharsets.UTF_8);
      return json;
    } catch (IOException e) {
      throw IndexlabException.failed("cannot write findings to " + dir + ": " + e.getMessage(), e);
    }
  }

  /** The findings in {@code file}; a usage error naming the file when it cannot be read. */
  public static List<Finding> read(Path file) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw IndexlabException.usage(file + ": cannot read the findings file: " + e.getMessage());
    }
    try {
      return parse(text);
    } catch (IllegalArgumentException | JsonProcessingException e) {
      throw IndexlabException.usage(
          file + ": not a findings file: " + OneLine.first(e.getMessage()));
    }
  }

  /**
   * The findings in {@code json}.
   *
   * @throws IllegalArgumentException when it is not an array of findings, or a finding lacks what
   *     the advisor needs (the message says which finding and why)
   */
  private static List<Finding> parse(String json) throws JsonProcessingException {
    JsonNode root = JSON.readTree(json);
    if (root == null || !root.isArray()) {
      throw new IllegalArgumentException("expected a JSON array of findings");
    }
    List<Finding> out = new ArrayList<>();
    int n = 0;
    for (JsonNode node : root) {
      n++;
      if (!node.isObject() || !node.hasNonNull("kind")) {
        throw new IllegalArgumentException("finding " + n + " is not an object with a kind");
      }
      if (!node.has("nodePath") && (node.has("equalityColumns") || node.has("likeColumns"))) {
        throw new IllegalArgumentException(
            "finding "
                + n
                + " is in the advisor's former findings format, which is no longer read; pass the"
                + " findings.json that indexlab explain or indexlab run writes beside the plans");
      }
      FindingKind kind = kindOf(node.get("kind").asText());
      if (kind == null) {
        continue;
      }
      if (NEED_ROLES.contains(kind) && !node.hasNonNull("roles")) {
        throw new IllegalArgumentException(
            "finding "
                + n
                + " ("
                + kind
                + (node.hasNonNull("relation") ? " on " + node.get("relation").asText() : "")
                + ") has no column roles: the file was written by an older indexlab; run indexlab"
                + " explain again to rewrite it");
      }
      out.add(JSON.treeToValue(node, Finding.class));
    }
    return out;
  }

  private static FindingKind kindOf(String name) {
    for (FindingKind k : FindingKind.values()) {
      if (k.name().equals(name)) {
        return k;
      }
    }
    return null;
  }
}

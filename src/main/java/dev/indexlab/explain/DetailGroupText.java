package dev.indexlab.explain;

import static dev.indexlab.explain.PlanProperties.integerOrZero;
import static dev.indexlab.explain.PlanProperties.number;
import static dev.indexlab.explain.PlanProperties.text;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The text lines EXPLAIN builds from several JSON properties at once: buffers and I/O timings, WAL,
 * sort space, heap blocks, hash tables, hash aggregation, memoize statistics and incremental sort
 * groups. Each method follows explain.c's text branch: zero counters are left out.
 */
final class DetailGroupText {
  private DetailGroupText() {}

  static void buffers(Map<String, JsonNode> p, int indent, TextLines out) {
    long[] shared = counters(p, "Shared");
    long[] local = counters(p, "Local");
    long tempRead = integerOrZero(p, "Temp Read Blocks");
    long tempWritten = integerOrZero(p, "Temp Written Blocks");
    boolean hasShared = anyPositive(shared);
    boolean hasLocal = anyPositive(local);
    boolean hasTemp = tempRead > 0 || tempWritten > 0;
    if (hasShared || hasLocal || hasTemp) {
      StringBuilder b = new StringBuilder("Buffers:");
      if (hasShared) {
        b.append(" shared").append(blockCounts(shared));
        if (hasLocal || hasTemp) {
          b.append(',');
        }
      }
      if (hasLocal) {
        b.append(" local").append(blockCounts(local));
        if (hasTemp) {
          b.append(',');
        }
      }
      if (hasTemp) {
        b.append(" temp");
        appendPositive(b, " read=", tempRead);
        appendPositive(b, " written=", tempWritten);
      }
      out.add(indent, b.toString());
    }
    String sharedTimes =
        p.containsKey("Shared I/O Read Time")
            ? times(p, "Shared I/O Read Time", "Shared I/O Write Time")
            : times(p, "I/O Read Time", "I/O Write Time");
    String localTimes = times(p, "Local I/O Read Time", "Local I/O Write Time");
    String tempTimes = times(p, "Temp I/O Read Time", "Temp I/O Write Time");
    if (!sharedTimes.isEmpty() || !localTimes.isEmpty() || !tempTimes.isEmpty()) {
      StringBuilder b = new StringBuilder("I/O Timings:");
      if (!sharedTimes.isEmpty()) {
        b.append(" shared").append(sharedTimes);
        if (!localTimes.isEmpty() || !tempTimes.isEmpty()) {
          b.append(',');
        }
      }
      if (!localTimes.isEmpty()) {
        b.append(" local").append(localTimes);
        if (!tempTimes.isEmpty()) {
          b.append(',');
        }
      }
      if (!tempTimes.isEmpty()) {
        b.append(" temp").append(tempTimes);
      }
      out.add(indent, b.toString());
    }
  }

  /** Whether any buffer counter or I/O time is positive (what decides the "Planning:" header). */
  static boolean hasPositiveBuffers(Map<String, JsonNode> p) {
    for (Map.Entry<String, JsonNode> e : p.entrySet()) {
      if (isBufferKey(e.getKey()) && e.getValue().isNumber() && e.getValue().asDouble() > 0) {
        return true;
      }
    }
    return false;
  }

  static boolean isBufferKey(String key) {
    return (key.endsWith(" Blocks")
            && (key.startsWith("Shared ") || key.startsWith("Local ") || key.startsWith("Temp ")))
        || key.endsWith("I/O Read Time")
        || key.endsWith("I/O Write Time");
  }

  static void wal(Map<String, JsonNode> p, int indent, TextLines out) {
    StringBuilder b = new StringBuilder("WAL:");
    appendPositive(b, " records=", integerOrZero(p, "WAL Records"));
    appendPositive(b, " fpi=", integerOrZero(p, "WAL FPI"));
    appendPositive(b, " bytes=", integerOrZero(p, "WAL Bytes"));
    appendPositive(b, " buffers full=", integerOrZero(p, "WAL Buffers Full"));
    if (b.length() > "WAL:".length()) {
      out.add(indent, b.toString());
    }
  }

  static void sort(Map<String, JsonNode> p, int indent, TextLines out) {
    out.add(
        indent,
        "Sort Method: "
            + text(p, "Sort Method")
            + "  "
            + text(p, "Sort Space Type")
            + ": "
            + integerOrZero(p, "Sort Space Used")
            + "kB");
  }

  static void heapBlocks(Map<String, JsonNode> p, int indent, TextLines out) {
    long exact = integerOrZero(p, "Exact Heap Blocks");
    long lossy = integerOrZero(p, "Lossy Heap Blocks");
    if (exact > 0 || lossy > 0) {
      StringBuilder b = new StringBuilder("Heap Blocks:");
      appendPositive(b, " exact=", exact);
      appendPositive(b, " lossy=", lossy);
      out.add(indent, b.toString());
    }
  }

  static void hash(Map<String, JsonNode> p, int indent, TextLines out) {
    long buckets = integerOrZero(p, "Hash Buckets");
    long origBuckets = integerOrZero(p, "Original Hash Buckets");
    long batches = integerOrZero(p, "Hash Batches");
    long origBatches = integerOrZero(p, "Original Hash Batches");
    long kb = integerOrZero(p, "Peak Memory Usage");
    if (origBuckets != buckets || origBatches != batches) {
      out.add(
          indent,
          String.format(
              Locale.ROOT,
              "Buckets: %d (originally %d)  Batches: %d (originally %d)  Memory Usage: %dkB",
              buckets,
              origBuckets,
              batches,
              origBatches,
              kb));
    } else {
      out.add(
          indent,
          String.format(
              Locale.ROOT, "Buckets: %d  Batches: %d  Memory Usage: %dkB", buckets, batches, kb));
    }
  }

  static void hashAggregate(Map<String, JsonNode> p, int indent, TextLines out) {
    StringBuilder b = new StringBuilder();
    long planned = integerOrZero(p, "Planned Partitions");
    if (planned > 0) {
      b.append("Planned Partitions: ").append(planned);
    }
    if (p.containsKey("HashAgg Batches")) {
      if (b.length() > 0) {
        b.append("  ");
      }
      long batches = integerOrZero(p, "HashAgg Batches");
      b.append("Batches: ").append(batches);
      b.append("  Memory Usage: ").append(integerOrZero(p, "Peak Memory Usage")).append("kB");
      if (batches > 1) {
        b.append("  Disk Usage: ").append(integerOrZero(p, "Disk Usage")).append("kB");
      }
    }
    if (b.length() > 0) {
      out.add(indent, b.toString());
    }
  }

  static void memoize(Map<String, JsonNode> p, int indent, TextLines out) {
    out.add(
        indent,
        String.format(
            Locale.ROOT,
            "Hits: %d  Misses: %d  Evictions: %d  Overflows: %d  Memory Usage: %dkB",
            integerOrZero(p, "Cache Hits"),
            integerOrZero(p, "Cache Misses"),
            integerOrZero(p, "Cache Evictions"),
            integerOrZero(p, "Cache Overflows"),
            integerOrZero(p, "Peak Memory Usage")));
  }

  /** One line per incremental sort group kind; {@code key} is "Full-sort Groups" or similar. */
  static void incrementalSortGroup(String key, JsonNode group, int indent, TextLines out) {
    Map<String, JsonNode> g = PlanJsonParser.fields(group);
    List<String> methods = PlanProperties.list(g, "Sort Methods Used");
    StringBuilder b = new StringBuilder();
    b.append(key).append(": ").append(integerOrZero(g, "Group Count"));
    b.append("  Sort Method").append(methods.size() > 1 ? "s: " : ": ");
    b.append(String.join(", ", methods));
    for (String type : List.of("Memory", "Disk")) {
      JsonNode space = g.get("Sort Space " + type);
      if (space != null && space.isObject()) {
        Map<String, JsonNode> s = PlanJsonParser.fields(space);
        b.append("  Average ").append(type).append(": ");
        b.append(integerOrZero(s, "Average Sort Space Used")).append("kB");
        b.append("  Peak ").append(type).append(": ");
        b.append(integerOrZero(s, "Peak Sort Space Used")).append("kB");
      }
    }
    out.add(indent, b.toString());
  }

  static void mergeTuples(Map<String, JsonNode> p, int indent, TextLines out) {
    StringBuilder b = new StringBuilder("Tuples:");
    for (String kind : List.of("Inserted", "Updated", "Deleted", "Skipped")) {
      Double v = number(p, "Tuples " + kind);
      if (v != null && v > 0) {
        b.append(' ').append(kind.toLowerCase(Locale.ROOT)).append('=').append(count(v));
      }
    }
    if (b.length() > "Tuples:".length()) {
      out.add(indent, b.toString());
    }
  }

  static void sampling(Map<String, JsonNode> p, int indent, TextLines out) {
    StringBuilder b = new StringBuilder("Sampling: ");
    b.append(text(p, "Sampling Method")).append(" (");
    b.append(String.join(", ", PlanProperties.list(p, "Sampling Parameters"))).append(')');
    String seed = text(p, "Repeatable Seed");
    if (seed != null) {
      b.append(" REPEATABLE (").append(seed).append(')');
    }
    out.add(indent, b.toString());
  }

  /**
   * The actual row count as the server printed it: PostgreSQL 18 prints it with two decimals (an
   * average over loops, "rows=0.07") in JSON and text alike, older servers as a whole number. The
   * JSON's number literal tells which ({@code 17.00} parses as a floating-point node, {@code 17} as
   * an integer), so the text follows whichever server made the plan.
   */
  static String actualRows(Map<String, JsonNode> p) {
    JsonNode v = p.get("Actual Rows");
    if (v == null || !v.isNumber()) {
      return "0";
    }
    return v.isFloatingPointNumber()
        ? String.format(Locale.ROOT, "%.2f", v.asDouble())
        : count(v.asDouble());
  }

  /** PostgreSQL 18's tuplestore line of Material, CTE Scan, WindowAgg and Recursive Union. */
  static void storage(Map<String, JsonNode> p, int indent, TextLines out) {
    out.add(
        indent,
        "Storage: "
            + text(p, "Storage")
            + "  Maximum Storage: "
            + integerOrZero(p, "Maximum Storage")
            + "kB");
  }

  /** A count as explain.c prints doubles with no decimals. */
  static String count(double v) {
    return String.format(Locale.ROOT, "%.0f", v);
  }

  private static long[] counters(Map<String, JsonNode> p, String scope) {
    return new long[] {
      integerOrZero(p, scope + " Hit Blocks"),
      integerOrZero(p, scope + " Read Blocks"),
      integerOrZero(p, scope + " Dirtied Blocks"),
      integerOrZero(p, scope + " Written Blocks")
    };
  }

  private static boolean anyPositive(long[] values) {
    for (long v : values) {
      if (v > 0) {
        return true;
      }
    }
    return false;
  }

  private static String blockCounts(long[] c) {
    StringBuilder b = new StringBuilder();
    appendPositive(b, " hit=", c[0]);
    appendPositive(b, " read=", c[1]);
    appendPositive(b, " dirtied=", c[2]);
    appendPositive(b, " written=", c[3]);
    return b.toString();
  }

  private static String times(Map<String, JsonNode> p, String readKey, String writeKey) {
    StringBuilder b = new StringBuilder();
    Double read = number(p, readKey);
    Double write = number(p, writeKey);
    if (read != null && read > 0) {
      b.append(String.format(Locale.ROOT, " read=%.3f", read));
    }
    if (write != null && write > 0) {
      b.append(String.format(Locale.ROOT, " write=%.3f", write));
    }
    return b.toString();
  }

  private static void appendPositive(StringBuilder b, String label, long value) {
    if (value > 0) {
      b.append(label).append(value);
    }
  }
}

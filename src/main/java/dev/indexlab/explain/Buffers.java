package dev.indexlab.explain;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * Buffer counters of a plan node (inclusive of its children) or of planning, in 8 kB blocks, as
 * {@code EXPLAIN (BUFFERS)} reports them. The I/O times are {@code null} unless the server ran with
 * {@code track_io_timing}.
 */
public record Buffers(
    long sharedHit,
    long sharedRead,
    long sharedDirtied,
    long sharedWritten,
    long localHit,
    long localRead,
    long localDirtied,
    long localWritten,
    long tempRead,
    long tempWritten,
    Double sharedReadMs,
    Double sharedWriteMs,
    Double localReadMs,
    Double localWriteMs,
    Double tempReadMs,
    Double tempWriteMs) {

  /** Shared blocks found in the buffer cache plus those read from the OS: the blocks touched. */
  public long sharedTotal() {
    return sharedHit + sharedRead;
  }

  /** Temp blocks read plus written: non-zero when a sort, hash or materialization spilled. */
  public long tempTotal() {
    return tempRead + tempWritten;
  }

  /** The counters of one property map, or {@code null} when it reports no buffers. */
  static Buffers from(Map<String, JsonNode> p) {
    if (!p.containsKey("Shared Hit Blocks") && !p.containsKey("Temp Read Blocks")) {
      return null;
    }
    return new Buffers(
        PlanProperties.integerOrZero(p, "Shared Hit Blocks"),
        PlanProperties.integerOrZero(p, "Shared Read Blocks"),
        PlanProperties.integerOrZero(p, "Shared Dirtied Blocks"),
        PlanProperties.integerOrZero(p, "Shared Written Blocks"),
        PlanProperties.integerOrZero(p, "Local Hit Blocks"),
        PlanProperties.integerOrZero(p, "Local Read Blocks"),
        PlanProperties.integerOrZero(p, "Local Dirtied Blocks"),
        PlanProperties.integerOrZero(p, "Local Written Blocks"),
        PlanProperties.integerOrZero(p, "Temp Read Blocks"),
        PlanProperties.integerOrZero(p, "Temp Written Blocks"),
        firstNumber(p, "Shared I/O Read Time", "I/O Read Time"),
        firstNumber(p, "Shared I/O Write Time", "I/O Write Time"),
        PlanProperties.number(p, "Local I/O Read Time"),
        PlanProperties.number(p, "Local I/O Write Time"),
        PlanProperties.number(p, "Temp I/O Read Time"),
        PlanProperties.number(p, "Temp I/O Write Time"));
  }

  private static Double firstNumber(Map<String, JsonNode> p, String key, String olderKey) {
    Double v = PlanProperties.number(p, key);
    return v != null ? v : PlanProperties.number(p, olderKey);
  }
}

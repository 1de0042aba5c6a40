package dev.indexlab.gate;

/**
 * One node of a captured plan, reduced to what the gate compares: the node type, the relation and
 * index it reads, the rows it produced and whether it spilled to disk, plus the node's line as
 * {@code EXPLAIN} prints it (the evidence shown when a rule fires).
 *
 * @param depth nesting level in the plan, 0 for the root
 * @param nodeType the JSON node type, e.g. {@code Seq Scan}, {@code Index Scan}, {@code Sort}
 * @param relation the table the node reads or writes, or null; a Bitmap Index Scan carries the
 *     table of its Bitmap Heap Scan
 * @param index the index the node reads, or null
 * @param rows rows produced over all loops (0 when not analyzed)
 * @param spill what went to disk, e.g. {@code Sort Method: external merge Disk: 2048kB}; null when
 *     the node stayed in memory
 * @param line the node's line as EXPLAIN prints it, without indentation or arrow
 */
record ShapeNode(
    int depth,
    String nodeType,
    String relation,
    String index,
    double rows,
    String spill,
    String line) {

  /** Node types that read a table through an index. */
  public boolean indexAccess() {
    return nodeType != null
        && (nodeType.equals("Index Scan")
            || nodeType.equals("Index Only Scan")
            || nodeType.equals("Bitmap Heap Scan")
            || nodeType.equals("Bitmap Index Scan"));
  }

  /** A sequential scan (parallel or not). */
  public boolean seqScan() {
    return "Seq Scan".equals(nodeType);
  }
}

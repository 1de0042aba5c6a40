package dev.indexlab.explain;

import dev.indexlab.results.FindingKind;

/**
 * The limits {@link FindingDetector} flags at. {@link #DEFAULTS} holds the values each {@link
 * FindingKind} documents.
 *
 * @param minRemovedFraction SEQ_SCAN_REMOVES_MOST_ROWS: share of rows read the filter removes
 * @param minRowsRead SEQ_SCAN_REMOVES_MOST_ROWS: rows the scan reads, over all loops
 * @param minTriggerShare TRIGGER_DOMINATES: share of execution time
 * @param estimateFactor ESTIMATE_ERROR: actual/estimated rows beyond this factor either way
 * @param minEstimateRows ESTIMATE_ERROR: the larger of actual and estimated rows, over all loops
 * @param minWholeTableRows WHOLE_TABLE_FOR_FEW_ROWS: rows the window/aggregate/CTE processes
 * @param maxFewRows WHOLE_TABLE_FOR_FEW_ROWS: rows the statement returns at most
 * @param minNestedLoops NESTED_LOOP_SEQ_SCAN: loops of the scan
 */
record FindingThresholds(
    double minRemovedFraction,
    double minRowsRead,
    double minTriggerShare,
    double estimateFactor,
    double minEstimateRows,
    double minWholeTableRows,
    double maxFewRows,
    double minNestedLoops) {

  /** 90% removed of 1,000+ read; 50% trigger share; 10x on 1,000+ rows; 10,000 for 10; 10 loops. */
  public static final FindingThresholds DEFAULTS =
      new FindingThresholds(0.9, 1_000, 0.5, 10, 1_000, 10_000, 10, 10);
}

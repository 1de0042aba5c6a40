package dev.indexlab.advise;

/**
 * One affected statement before and after the candidate: estimated total costs, whether the plan
 * used the candidate's index before (drops) and after (creates), or the error EXPLAIN gave (then
 * the costs are NaN).
 */
record StatementWhatIf(
    WhatIfStatement statement,
    double costBefore,
    double costAfter,
    boolean usedBefore,
    boolean usesAfter,
    String error) {

  /** True when both plans were read. */
  public boolean explained() {
    return error == null;
  }

  /** Relative cost change, -0.88 for 88% cheaper (NaN when not explained or free before). */
  public double change() {
    if (!explained() || costBefore <= 0) {
      return Double.NaN;
    }
    return (costAfter - costBefore) / costBefore;
  }
}

package dev.indexlab.advise;

/** What the what-if concluded about a candidate, before any measurement. */
public enum WhatIfVerdict {
  /** A new index appears in the plan of at least one affected statement: measure it. */
  PLANNER_USES,
  /** No affected plan uses the new index: rejected by the what-if, not measured. */
  PLANNER_IGNORES,
  /** Dropping the index leaves every affected plan, or raises no plan's cost by more than 25%. */
  DROP_KEEPS_PLANS,
  /** Dropping the index makes some affected plan more than 25% more expensive: rejected. */
  DROP_COSTS_MORE,
  /** No statement of the workload touches the candidate's tables: nothing to judge by. */
  NO_STATEMENTS,
  /** A route rewrite: judged by the equivalence check and the measurement, not here. */
  NOT_APPLICABLE,
  /** The candidate's SQL failed (syntax, missing column, lock timeout). */
  FAILED;

  /** True when the candidate goes on to be measured. */
  public boolean measure() {
    return this == PLANNER_USES || this == DROP_KEEPS_PLANS || this == NOT_APPLICABLE;
  }
}

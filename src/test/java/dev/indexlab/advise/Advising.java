package dev.indexlab.advise;

import java.util.List;
import java.util.Optional;

/** The advisor as tests call it: without partition reads, and from the catalog alone. */
public final class Advising {
  private Advising() {}

  /** Advises from the catalog alone: foreign keys and redundant indexes. */
  public static Advice advise(Catalog catalog) {
    return advise(catalog, List.of(), Optional.empty());
  }

  /** Advises as {@link Advisor#advise} does with no partition reads. */
  public static Advice advise(
      Catalog catalog, List<PlanFinding> findings, Optional<IndexUsage> usage) {
    return Advisor.advise(catalog, findings, usage, PartitionReads.none());
  }
}

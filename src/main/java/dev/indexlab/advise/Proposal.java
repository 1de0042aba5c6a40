package dev.indexlab.advise;

import dev.indexlab.check.CandidateKind;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A rule's raw proposal before naming: the indexes to create ({@code parts}) or the index to drop
 * ({@code dropTarget}), with the reasons. Proposals with the same {@link #identity()} from several
 * rules become one candidate carrying all their reasons.
 */
record Proposal(
    CandidateKind kind, List<Part> parts, CatalogIndex dropTarget, List<Reason> reasons) {
  Proposal {
    parts = List.copyOf(parts);
    reasons = List.copyOf(reasons);
  }

  /** One index to create on {@code table}. */
  record Part(CatalogTable table, String method, List<IndexKey> keys) {
    Part {
      keys = List.copyOf(keys);
    }

    String identity() {
      return table.key()
          + " "
          + method
          + " "
          + keys.stream().map(IndexKey::describe).collect(Collectors.joining(","));
    }
  }

  static Proposal create(CandidateKind kind, List<Part> parts, Reason reason) {
    return new Proposal(kind, parts, null, List.of(reason));
  }

  static Proposal drop(CatalogIndex index, Reason reason) {
    return new Proposal(CandidateKind.DROP_INDEX, List.of(), index, List.of(reason));
  }

  /** Same identity, same change. */
  String identity() {
    if (dropTarget != null) {
      return "drop " + dropTarget.key();
    }
    return kind + " " + parts.stream().map(Part::identity).collect(Collectors.joining(" + "));
  }

  Proposal merge(Proposal other) {
    List<Reason> all = new ArrayList<>(reasons);
    all.addAll(other.reasons);
    return new Proposal(kind, parts, dropTarget, all);
  }
}

package dev.indexlab.advise;

import java.util.List;

/** What the advisor proposes ({@code candidates}, best first) and what it chose not to. */
public record Advice(List<Candidate> candidates, List<AdviceNote> notes) {
  public Advice {
    candidates = List.copyOf(candidates);
    notes = List.copyOf(notes);
  }
}

package dev.indexlab.explain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TriggerDrillDownTest {
  @Test
  void triggersBelowTheShareAreNotDrilledAndTheDatabaseIsNotTouched() {
    // the write-up's indexed delete user: triggers take 1.1 of 1.2 ms... but with a 0.95 share
    // required and a plan where they take less, nothing happens (a null connection would fail)
    Plan plan = Fixtures.plan("writeup-delete-user");
    TriggerDrillDown strict = new TriggerDrillDown(new StatementExplainer(), 1.01, 3);
    assertThat(strict.drillDown(null, "DELETE FROM users WHERE id = ?", List.of(300L), plan))
        .isEmpty();
  }

  @Test
  void plansWithoutTriggersOrAnalyzeHaveNoDrillDown() {
    TriggerDrillDown d = new TriggerDrillDown();
    assertThat(d.drillDown(null, "SELECT 1", List.of(), Fixtures.plan("estimate-only"))).isEmpty();
    assertThat(d.drillDown(null, "SELECT 1", List.of(), Fixtures.plan("seq-scan-filter")))
        .isEmpty();
  }
}

package dev.indexlab.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PhasesTest {
  @Test
  void aPhaseEnteredTwiceAddsUpAndEnteringOneEndsTheOneBefore() throws Exception {
    Phases p = new Phases();
    p.enter("baseline");
    Thread.sleep(20);
    p.enter("candidates");
    p.enter("baseline");
    Thread.sleep(20);
    p.end();

    assertThat(p.seconds()).containsOnlyKeys("baseline", "candidates");
    assertThat(p.seconds().get("baseline")).isGreaterThanOrEqualTo(0.04);
    assertThat(p.describe()).matches("baseline \\d+ s, candidates \\d+ s");
  }
}

package dev.indexlab.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BenchProfileTest {
  @Test
  void aFastRouteKeepsTheProfilesIterationTime() {
    assertThat(BenchProfile.QUICK.iterationFor(0.2)).isEqualTo(Duration.ofMillis(500));
    assertThat(BenchProfile.QUICK.iterationFor(Double.NaN)).isEqualTo(Duration.ofMillis(500));
  }

  @Test
  void aSlowerRouteIsMeasuredLongEnoughForAHundredSamples() {
    // 100 samples of 12 ms with a quarter to spare, over 2 iterations: 750 ms each
    assertThat(BenchProfile.QUICK.iterationFor(12)).isEqualTo(Duration.ofMillis(750));
  }

  @Test
  void aSlowRouteIsStretchedAtMostFourTimes() {
    assertThat(BenchProfile.QUICK.iterationFor(150)).isEqualTo(Duration.ofSeconds(2));
    assertThat(BenchProfile.STANDARD.iterationFor(150)).isEqualTo(Duration.ofMillis(3750));
  }
}

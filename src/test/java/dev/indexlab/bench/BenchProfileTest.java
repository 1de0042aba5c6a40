package dev.indexlab.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BenchProfileTest {
  @Test
  void anUnknownRouteKeepsTheProfilesIterationTime() {
    assertThat(BenchProfile.QUICK.iterationFor(Double.NaN)).isEqualTo(Duration.ofMillis(500));
    assertThat(BenchProfile.QUICK.iterationFor(0)).isEqualTo(Duration.ofMillis(500));
  }

  @Test
  void aFastRouteIsMeasuredForAboutAThousandSamplesAndNoLessThanAQuarter() {
    // 1,000 samples of 0.2 ms over 2 iterations: 100 ms each, under the floor of 500 / 4
    assertThat(BenchProfile.QUICK.iterationFor(0.2)).isEqualTo(Duration.ofMillis(125));
    // 1,000 samples of 0.6 ms: 300 ms each
    assertThat(BenchProfile.QUICK.iterationFor(0.6)).isEqualTo(Duration.ofMillis(300));
    // 1,000 samples of 2 ms would need 1 s each: the profile's 500 ms hold 500, enough
    assertThat(BenchProfile.QUICK.iterationFor(2)).isEqualTo(Duration.ofMillis(500));
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

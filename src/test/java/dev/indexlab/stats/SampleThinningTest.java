package dev.indexlab.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class SampleThinningTest {
  @Test
  void aSmallSampleIsOnlySorted() {
    assertThat(SampleThinning.thin(new double[] {3, 1, 2}, 5)).containsExactly(1, 2, 3);
  }

  @Test
  void aLargeSampleKeepsEvenlySpacedRanks() {
    double[] values = new double[100];
    for (int i = 0; i < 100; i++) {
      values[i] = 100 - i; // 100 .. 1, unsorted
    }
    // 4 slices of 25: the middle ranks 12, 37, 62, 87 hold 13, 38, 63, 88
    assertThat(SampleThinning.thin(values, 4)).containsExactly(13, 38, 63, 88);
  }

  @Test
  void thinningIsDeterministicAndKeepsTheQuantiles() {
    double[] samples = SyntheticSamples.lognormal(50_000, 5, 0.5, 7);
    double[] a = SampleThinning.thin(samples, 5000);
    double[] b = SampleThinning.thin(samples.clone(), 5000);
    double[] sorted = samples.clone();
    Arrays.sort(sorted);

    assertThat(a).hasSize(5000).isEqualTo(b);
    for (double q : new double[] {0.05, 0.5, 0.95}) {
      assertThat(SampleSummary.quantile(a, q))
          .isCloseTo(
              SampleSummary.quantile(sorted, q), within(0.01 * SampleSummary.quantile(sorted, q)));
    }
  }
}

package dev.indexlab.songstackify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class PowerCurveTest {
  @Test
  void followsPowWithinASmallErrorAndStaysBelowOne() {
    PowerCurve curve = new PowerCurve(1.2);
    double previous = -1;
    for (int i = 0; i < 100_000; i++) {
      double u = i / 100_000.0;
      double v = curve.at(u);
      assertThat(v)
          .isCloseTo(StrictMath.pow(u, 1.2), within(1e-4))
          .isGreaterThanOrEqualTo(previous);
      previous = v;
    }
    assertThat(curve.at(Math.nextDown(1.0))).isLessThan(1.0);
    assertThat(curve.at(0)).isZero();
  }
}

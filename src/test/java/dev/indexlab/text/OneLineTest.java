package dev.indexlab.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OneLineTest {
  @Test
  void joinedPutsEveryLineOnOneWithOneSpaceAtEachBreak() {
    assertThat(OneLine.joined("  ERROR: boom \r\n   DETAIL: key (id)=(1)\n\nHINT: x  "))
        .isEqualTo("ERROR: boom DETAIL: key (id)=(1) HINT: x");
    assertThat(OneLine.joined(null)).isEmpty();
  }

  @Test
  void firstKeepsTheFirstLineAsItStands() {
    assertThat(OneLine.first(" ERROR: boom \n  Position: 15")).isEqualTo(" ERROR: boom ");
    assertThat(OneLine.first("one line")).isEqualTo("one line");
    assertThat(OneLine.first(null)).isEmpty();
  }
}

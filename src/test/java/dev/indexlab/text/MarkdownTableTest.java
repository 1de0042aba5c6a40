package dev.indexlab.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.indexlab.text.MarkdownTable.Column;
import org.junit.jupiter.api.Test;

class MarkdownTableTest {
  @Test
  void padsCellsSoTheRawTextLinesUp() {
    String md =
        new MarkdownTable(Column.left("Route"), Column.right("Mean (ms)"), Column.right("Change"))
            .row("/users/delete/{user_id} (POST)", "516.8", "-98.1%")
            .blankRow()
            .row("a|b", "1.23", "+3.2%")
            .render();
    assertThat(md)
        .isEqualTo(
            """
            | Route                          | Mean (ms) | Change |
            | ------------------------------ | --------: | -----: |
            | /users/delete/{user_id} (POST) |     516.8 | -98.1% |
            |                                |           |        |
            | a\\|b                           |      1.23 |  +3.2% |
            """);
    assertThat(md.lines().mapToInt(String::length).distinct().count()).isEqualTo(1);
  }

  @Test
  void centersAndKeepsAMinimumWidthOfThree() {
    String md = new MarkdownTable(Column.center("x"), Column.left("y")).row("abcde").render();
    assertThat(md).isEqualTo("|   x   | y   |\n| :---: | --- |\n| abcde |     |\n");
  }

  @Test
  void escapesPipesAndLineBreaks() {
    assertThat(MarkdownTable.escape("a|b\r\nc\nd")).isEqualTo("a\\|b<br>c<br>d");
    assertThat(MarkdownTable.escape(null)).isEmpty();
    String md = new MarkdownTable(Column.left("h|h")).row("`x | y`").render();
    assertThat(md)
        .isEqualTo(
            """
            | h\\|h     |
            | -------- |
            | `x \\| y` |
            """);
  }

  @Test
  void countsWidthInCodePoints() {
    String md = new MarkdownTable(Column.left("name"), Column.right("n")).row("𝄞é", "1").render();
    assertThat(md).contains("| 𝄞é   |   1 |");
  }

  @Test
  void rejectsRowsWiderThanTheTable() {
    MarkdownTable table = new MarkdownTable(Column.left("one"));
    assertThatThrownBy(() -> table.row("a", "b"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("2 cells");
  }
}

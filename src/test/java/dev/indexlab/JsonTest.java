package dev.indexlab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {
  record Point(int x, int y) {}

  @Test
  void aPropertyTheModelDoesNotKnowIsIgnoredUnlessTheReaderIsStrict() throws Exception {
    String newer = "{\"x\":1,\"y\":2,\"z\":3}";

    assertThat(Json.mapper().readValue(newer, Point.class)).isEqualTo(new Point(1, 2));
    assertThatThrownBy(() -> Json.strictReader(Point.class).readValue(newer))
        .isInstanceOf(UnrecognizedPropertyException.class)
        .hasMessageContaining("\"z\"");
    assertThat((Point) Json.strictReader(Point.class).readValue("{\"x\":1,\"y\":2}"))
        .isEqualTo(new Point(1, 2));
  }

  @Test
  void writingIsCompactUnlessPretty() throws Exception {
    assertThat(Json.mapper().writeValueAsString(new Point(1, 2))).isEqualTo("{\"x\":1,\"y\":2}");
    assertThat(Json.pretty().writeValueAsString(Map.of("x", 1)))
        .isEqualTo("{" + System.lineSeparator() + "  \"x\" : 1" + System.lineSeparator() + "}");
  }
}

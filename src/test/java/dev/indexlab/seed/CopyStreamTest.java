package dev.indexlab.seed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.indexlab.IndexlabException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CopyStreamTest {
  private static final DateTimeFormatter COPY_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS'+00'").withZone(ZoneOffset.UTC);

  @Test
  void textFormatEscapesAndEncodesEachType() throws Exception {
    FakeCopyIn copy = new FakeCopyIn();
    CopyTextWriter w = new CopyTextWriter(copy, () -> false, n -> {});
    long at = Instant.parse("2024-02-29T13:05:09.007Z").toEpochMilli();
    w.int8(42);
    w.text("a\tb\\c\nd\re é 😀");
    w.timestamp(at);
    w.nul();
    w.int8(-7);
    w.int8(Long.MIN_VALUE);
    w.text(null);
    w.endRow();
    w.finish();
    assertThat(copy.bytes.toString(StandardCharsets.UTF_8))
        .isEqualTo(
            "42\ta\\tb\\\\c\\nd\\re é 😀\t2024-02-29 13:05:09.007+00\t\\N\t-7\t"
                + Long.MIN_VALUE
                + "\t\\N\n");
    assertThat(copy.ended).isTrue();
  }

  @Test
  void textTimestampsMatchJavaTime() throws Exception {
    RowRandom rnd = new RowRandom(1, 1);
    for (int i = 0; i < 2_000; i++) {
      long millis = 946_684_800_000L + (rnd.nextLong() >>> 1) % 3_000_000_000_000L;
      FakeCopyIn copy = new FakeCopyIn();
      CopyTextWriter w = new CopyTextWriter(copy, () -> false, n -> {});
      w.timestamp(millis);
      w.endRow();
      w.finish();
      assertThat(copy.bytes.toString(StandardCharsets.US_ASCII))
          .isEqualTo(COPY_TIME.format(Instant.ofEpochMilli(millis)) + "\n");
    }
  }

  @Test
  void binaryFormatHasHeaderFieldsAndTrailer() throws Exception {
    FakeCopyIn copy = new FakeCopyIn();
    CopyBinaryWriter w = new CopyBinaryWriter(copy, () -> false, n -> {});
    long at = Instant.parse("2000-01-01T00:00:01.500Z").toEpochMilli();
    w.int8(-2);
    w.text("é");
    w.timestamp(at);
    w.nul();
    w.endRow();
    w.finish();
    ByteBuffer b = ByteBuffer.wrap(copy.bytes.toByteArray());
    byte[] signature = new byte[11];
    b.get(signature);
    assertThat(signature).isEqualTo("PGCOPY\n\377\r\n\0".getBytes(StandardCharsets.ISO_8859_1));
    assertThat(b.getInt()).isZero();
    assertThat(b.getInt()).isZero();
    assertThat(b.getShort()).isEqualTo((short) 4);
    assertThat(b.getInt()).isEqualTo(8);
    assertThat(b.getLong()).isEqualTo(-2);
    assertThat(b.getInt()).isEqualTo(2);
    assertThat(new byte[] {b.get(), b.get()}).isEqualTo("é".getBytes(StandardCharsets.UTF_8));
    assertThat(b.getInt()).isEqualTo(8);
    assertThat(b.getLong()).isEqualTo(1_500_000L);
    assertThat(b.getInt()).isEqualTo(-1);
    assertThat(b.getShort()).isEqualTo((short) -1);
    assertThat(b.hasRemaining()).isFalse();
  }

  @Test
  void largeTablesStreamInChunksAndReportProgress() throws Exception {
    FakeCopyIn copy = new FakeCopyIn();
    List<Long> reported = new ArrayList<>();
    CopyTextWriter w = new CopyTextWriter(copy, () -> false, reported::add);
    StringBuilder expected = new StringBuilder();
    for (int i = 0; i < 100_000; i++) {
      w.int8(i);
      w.text("row");
      w.endRow();
      expected.append(i).append("\trow\n");
    }
    w.finish();
    assertThat(copy.writes).isGreaterThan(1);
    assertThat(copy.bytes.toString(StandardCharsets.US_ASCII)).isEqualTo(expected.toString());
    assertThat(reported).contains(16_384L, 98_304L, 100_000L);
  }

  @Test
  void cancellationStopsAtTheNextFlush() {
    FakeCopyIn copy = new FakeCopyIn();
    CopyBinaryWriter w = new CopyBinaryWriter(copy, () -> true, n -> {});
    assertThatThrownBy(
            () -> {
              for (int i = 0; i < 1_000_000; i++) {
                w.int8(i);
                w.endRow();
              }
            })
        .isInstanceOf(IndexlabException.class)
        .hasMessageContaining("cancelled");
    w.abort();
    assertThat(copy.cancelled).isTrue();
  }
}

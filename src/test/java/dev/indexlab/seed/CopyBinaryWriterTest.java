package dev.indexlab.seed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.indexlab.IndexlabException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CopyBinaryWriterTest {
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
    CopyBinaryWriter w = new CopyBinaryWriter(copy, () -> false, reported::add);
    for (int i = 0; i < 100_000; i++) {
      w.int8(i);
      w.text("row");
      w.endRow();
    }
    w.finish();
    assertThat(copy.writes).isGreaterThan(1);
    ByteBuffer b = ByteBuffer.wrap(copy.bytes.toByteArray());
    b.position(19); // signature, flags, header extension
    for (int i = 0; i < 100_000; i++) {
      assertThat(b.getShort()).isEqualTo((short) 2);
      assertThat(b.getInt()).isEqualTo(8);
      assertThat(b.getLong()).isEqualTo(i);
      assertThat(b.getInt()).isEqualTo(3);
      b.position(b.position() + 3);
    }
    assertThat(b.getShort()).isEqualTo((short) -1);
    assertThat(b.hasRemaining()).isFalse();
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

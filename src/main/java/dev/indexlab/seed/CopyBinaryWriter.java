package dev.indexlab.seed;

import java.sql.SQLException;
import java.util.function.BooleanSupplier;
import java.util.function.LongConsumer;
import org.postgresql.copy.CopyIn;

/**
 * Encodes rows in COPY's binary format: a signature header, then per row a 16-bit field count and
 * per field a 32-bit length and the value in the type's network representation (bigint: 8 bytes;
 * timestamptz: microseconds since 2000-01-01 UTC; text: UTF-8 bytes), and a -1 trailer. The server
 * skips parsing text into numbers and timestamps, which is most of COPY's cost for narrow tables
 * such as song_history. The columns must be exactly bigint, text and timestamptz as written.
 */
final class CopyBinaryWriter extends CopyStream {
  private static final byte[] SIGNATURE = {
    'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xFF, '\r', '\n', 0
  };
  private static final long POSTGRES_EPOCH_MILLIS = 946_684_800_000L;

  private int rowStart = -1;
  private int fields;

  CopyBinaryWriter(CopyIn copy, BooleanSupplier cancelled, LongConsumer progress) {
    super(copy, cancelled, progress);
    System.arraycopy(SIGNATURE, 0, buf, 0, SIGNATURE.length);
    pos = SIGNATURE.length;
    int32(0); // flags
    int32(0); // header extension length
  }

  /** The COPY options this encoder's data needs. */
  static String copyOptions() {
    return "(FORMAT binary, FREEZE)";
  }

  @Override
  public void int8(long value) {
    field(12);
    int32(8);
    int64(value);
  }

  @Override
  public void text(String value) {
    if (value == null) {
      nul();
      return;
    }
    field(value.length() * 3 + 4);
    int lengthAt = pos;
    pos += 4;
    utf8(value);
    int length = pos - lengthAt - 4;
    buf[lengthAt] = (byte) (length >>> 24);
    buf[lengthAt + 1] = (byte) (length >>> 16);
    buf[lengthAt + 2] = (byte) (length >>> 8);
    buf[lengthAt + 3] = (byte) length;
  }

  @Override
  public void timestamp(long epochMillis) {
    field(12);
    int32(8);
    int64((epochMillis - POSTGRES_EPOCH_MILLIS) * 1000);
  }

  @Override
  public void nul() {
    field(4);
    int32(-1);
  }

  @Override
  public void endRow() throws SQLException {
    if (rowStart < 0) {
      startRow(2);
    }
    buf[rowStart] = (byte) (fields >>> 8);
    buf[rowStart + 1] = (byte) fields;
    rowStart = -1;
    rowDone();
  }

  @Override
  protected void writeTrailer() {
    ensure(2);
    buf[pos++] = (byte) 0xFF;
    buf[pos++] = (byte) 0xFF;
  }

  private void field(int room) {
    if (rowStart < 0) {
      startRow(room + 2);
    } else {
      ensure(room);
    }
    fields++;
  }

  private void startRow(int room) {
    ensure(room);
    rowStart = pos;
    pos += 2;
    fields = 0;
  }

  private void int32(int v) {
    buf[pos++] = (byte) (v >>> 24);
    buf[pos++] = (byte) (v >>> 16);
    buf[pos++] = (byte) (v >>> 8);
    buf[pos++] = (byte) v;
  }

  private void int64(long v) {
    int32((int) (v >>> 32));
    int32((int) v);
  }
}

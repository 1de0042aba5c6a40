package dev.indexlab.seed;

import dev.indexlab.IndexlabException;
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
 *
 * <p>Rows are encoded into a reused byte array that is sent through pgjdbc's {@link CopyIn} in
 * chunks of about half a megabyte, so a table of any size streams in constant memory.
 *
 * <p>The writer does not own the {@code CopyIn}: {@link #finish()} ends the copy, {@link #abort()}
 * cancels it, and the caller's connection stays open either way.
 */
final class CopyBinaryWriter implements RowSink {
  private static final byte[] SIGNATURE = {
    'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xFF, '\r', '\n', 0
  };
  private static final long POSTGRES_EPOCH_MILLIS = 946_684_800_000L;
  private static final int FLUSH_AT = 448 * 1024;
  private static final int REPORT_EVERY = 16_384;

  private final CopyIn copy;
  private final BooleanSupplier cancelled;
  private final LongConsumer progress;
  private byte[] buf = new byte[512 * 1024];
  private int pos;
  private long rows;
  private int rowStart = -1;
  private int fields;

  /**
   * @param cancelled checked at every flush; when true the writer stops with an exception
   * @param progress told the running row count every 16,384 rows
   */
  CopyBinaryWriter(CopyIn copy, BooleanSupplier cancelled, LongConsumer progress) {
    this.copy = copy;
    this.cancelled = cancelled;
    this.progress = progress;
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
    rows++;
    if (rows % REPORT_EVERY == 0) {
      progress.accept(rows);
    }
    if (pos >= FLUSH_AT) {
      flush();
    }
  }

  /** Sends what is buffered and the trailer, and ends the copy; returns the server's row count. */
  long finish() throws SQLException {
    ensure(2);
    buf[pos++] = (byte) 0xFF;
    buf[pos++] = (byte) 0xFF;
    flush();
    long copied = copy.endCopy();
    progress.accept(rows);
    return copied;
  }

  /** Cancels the copy if it is still running; never throws. */
  void abort() {
    try {
      if (copy.isActive()) {
        copy.cancelCopy();
      }
    } catch (SQLException e) {
      // the connection is being abandoned anyway; the caller reports the first failure
    }
  }

  long rows() {
    return rows;
  }

  private void flush() throws SQLException {
    if (cancelled.getAsBoolean()) {
      throw new IndexlabException(IndexlabException.JOB_FAILED, "load cancelled");
    }
    if (pos > 0) {
      copy.writeToCopy(buf, 0, pos);
      pos = 0;
    }
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

  /** Makes room for {@code room} more bytes. */
  private void ensure(int room) {
    if (pos + room > buf.length) {
      byte[] bigger = new byte[Math.max(buf.length * 2, pos + room)];
      System.arraycopy(buf, 0, bigger, 0, pos);
      buf = bigger;
    }
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

  /**
   * Encodes {@code value} as UTF-8 at {@link #pos}. The caller has ensured {@code 3 × length} bytes
   * of room.
   */
  private void utf8(String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c < 0x80) {
        buf[pos++] = (byte) c;
      } else if (c < 0x800) {
        buf[pos++] = (byte) (0xC0 | (c >> 6));
        buf[pos++] = (byte) (0x80 | (c & 0x3F));
      } else if (Character.isHighSurrogate(c)
          && i + 1 < value.length()
          && Character.isLowSurrogate(value.charAt(i + 1))) {
        int cp = Character.toCodePoint(c, value.charAt(++i));
        buf[pos++] = (byte) (0xF0 | (cp >> 18));
        buf[pos++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
        buf[pos++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
        buf[pos++] = (byte) (0x80 | (cp & 0x3F));
      } else {
        char ch = Character.isSurrogate(c) ? '\uFFFD' : c;
        buf[pos++] = (byte) (0xE0 | (ch >> 12));
        buf[pos++] = (byte) (0x80 | ((ch >> 6) & 0x3F));
        buf[pos++] = (byte) (0x80 | (ch & 0x3F));
      }
    }
  }
}

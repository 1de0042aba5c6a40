package dev.indexlab.seed;

import dev.indexlab.IndexlabException;
import java.sql.SQLException;
import java.util.function.BooleanSupplier;
import java.util.function.LongConsumer;
import org.postgresql.copy.CopyIn;

/**
 * The buffering half of a COPY encoder: rows are encoded into a reused byte array that is sent
 * through pgjdbc's {@link CopyIn} in chunks of about half a megabyte, so a table of any size
 * streams in constant memory. Subclasses encode fields into {@link #buf} at {@link #pos}.
 *
 * <p>The stream does not own the {@code CopyIn}: {@link #finish()} ends the copy, {@link #abort()}
 * cancels it, and the caller's connection stays open either way.
 */
abstract class CopyStream implements RowSink {
  private static final int FLUSH_AT = 448 * 1024;
  private static final int REPORT_EVERY = 16_384;

  private final CopyIn copy;
  private final BooleanSupplier cancelled;
  private final LongConsumer progress;
  protected byte[] buf = new byte[512 * 1024];
  protected int pos;
  private long rows;

  /**
   * @param cancelled checked at every flush; when true the stream stops with an exception
   * @param progress told the running row count every 16,384 rows
   */
  CopyStream(CopyIn copy, BooleanSupplier cancelled, LongConsumer progress) {
    this.copy = copy;
    this.cancelled = cancelled;
    this.progress = progress;
  }

  /** Called by subclasses at the end of each row, after its bytes are in the buffer. */
  protected final void rowDone() throws SQLException {
    rows++;
    if (rows % REPORT_EVERY == 0) {
      progress.accept(rows);
    }
    if (pos >= FLUSH_AT) {
      flush();
    }
  }

  /** Bytes the format needs after the last row (none by default). */
  protected void writeTrailer() {}

  /** Sends what is buffered and ends the copy; returns the row count the server reports. */
  final long finish() throws SQLException {
    writeTrailer();
    flush();
    long copied = copy.endCopy();
    progress.accept(rows);
    return copied;
  }

  /** Cancels the copy if it is still running; never throws. */
  final void abort() {
    try {
      if (copy.isActive()) {
        copy.cancelCopy();
      }
    } catch (SQLException e) {
      // the connection is being abandoned anyway; the caller reports the first failure
    }
  }

  final long rows() {
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

  /** Makes room for {@code room} more bytes. */
  protected final void ensure(int room) {
    if (pos + room > buf.length) {
      byte[] bigger = new byte[Math.max(buf.length * 2, pos + room)];
      System.arraycopy(buf, 0, bigger, 0, pos);
      buf = bigger;
    }
  }

  /**
   * Encodes {@code value} as UTF-8 at {@link #pos}. The caller has ensured {@code 3 × length} bytes
   * of room.
   */
  protected final void utf8(String value) {
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

package dev.indexlab.seed;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.function.BooleanSupplier;
import java.util.function.LongConsumer;
import org.postgresql.copy.CopyIn;

/**
 * Encodes rows in COPY's text format: tab-separated fields, {@code \N} for NULL, backslash escapes,
 * numbers and timestamps written as ASCII digits directly (no intermediate strings). The format any
 * column type accepts; {@link CopyBinaryWriter} is faster for the types it supports.
 */
final class CopyTextWriter extends CopyStream {
  private static final byte[] NULL = "\\N".getBytes(StandardCharsets.US_ASCII);

  private boolean firstField = true;
  private long cachedDay = Long.MIN_VALUE;
  private final byte[] cachedDate = new byte[11];

  CopyTextWriter(CopyIn copy, BooleanSupplier cancelled, LongConsumer progress) {
    super(copy, cancelled, progress);
  }

  /** The COPY options this encoder's data needs. */
  static String copyOptions() {
    return "(FREEZE)";
  }

  @Override
  public void int8(long value) {
    separate(21);
    if (value < 0) {
      if (value == Long.MIN_VALUE) {
        byte[] min = Long.toString(value).getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(min, 0, buf, pos, min.length);
        pos += min.length;
        return;
      }
      buf[pos++] = '-';
      value = -value;
    }
    pos = digits(value, buf, pos);
  }

  @Override
  public void text(String value) {
    if (value == null) {
      nul();
      return;
    }
    separate(value.length() * 3 + 2);
    utf8(value, true);
  }

  /** Writes {@code YYYY-MM-DD HH:MM:SS.mmm+00}. */
  @Override
  public void timestamp(long epochMillis) {
    separate(32);
    long day = Math.floorDiv(epochMillis, 86_400_000L);
    if (day != cachedDay) {
      cacheDate(day);
    }
    System.arraycopy(cachedDate, 0, buf, pos, cachedDate.length);
    pos += cachedDate.length;
    int ms = (int) Math.floorMod(epochMillis, 86_400_000L);
    two(ms / 3_600_000);
    buf[pos++] = ':';
    two(ms / 60_000 % 60);
    buf[pos++] = ':';
    two(ms / 1000 % 60);
    buf[pos++] = '.';
    int milli = ms % 1000;
    buf[pos++] = (byte) ('0' + milli / 100);
    buf[pos++] = (byte) ('0' + milli / 10 % 10);
    buf[pos++] = (byte) ('0' + milli % 10);
    buf[pos++] = '+';
    buf[pos++] = '0';
    buf[pos++] = '0';
  }

  @Override
  public void nul() {
    separate(NULL.length);
    System.arraycopy(NULL, 0, buf, pos, NULL.length);
    pos += NULL.length;
  }

  @Override
  public void endRow() throws SQLException {
    ensure(1);
    buf[pos++] = '\n';
    firstField = true;
    rowDone();
  }

  private void separate(int room) {
    ensure(room + 1);
    if (firstField) {
      firstField = false;
    } else {
      buf[pos++] = '\t';
    }
  }

  private void two(int v) {
    buf[pos++] = (byte) ('0' + v / 10);
    buf[pos++] = (byte) ('0' + v % 10);
  }

  /** Writes {@code value} (non-negative) in decimal at {@code at}; returns the new position. */
  static int digits(long value, byte[] out, int at) {
    int len = 1;
    for (long v = value; v >= 10; v /= 10) {
      len++;
    }
    int end = at + len;
    int i = end;
    do {
      out[--i] = (byte) ('0' + value % 10);
      value /= 10;
    } while (value > 0);
    return end;
  }

  /** Civil date from days since 1970-01-01 (Howard Hinnant's algorithm), as {@code YYYY-MM-DD }. */
  private void cacheDate(long day) {
    long z = day + 719_468;
    long era = Math.floorDiv(z, 146_097);
    long doe = z - era * 146_097;
    long yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long mp = (5 * doy + 2) / 153;
    int d = (int) (doy - (153 * mp + 2) / 5 + 1);
    int m = (int) (mp < 10 ? mp + 3 : mp - 9);
    long y = yoe + era * 400 + (m <= 2 ? 1 : 0);
    if (y < 1000 || y > 9999) {
      throw new IllegalArgumentException("year out of range: " + y);
    }
    int yy = (int) y;
    cachedDate[0] = (byte) ('0' + yy / 1000);
    cachedDate[1] = (byte) ('0' + yy / 100 % 10);
    cachedDate[2] = (byte) ('0' + yy / 10 % 10);
    cachedDate[3] = (byte) ('0' + yy % 10);
    cachedDate[4] = '-';
    cachedDate[5] = (byte) ('0' + m / 10);
    cachedDate[6] = (byte) ('0' + m % 10);
    cachedDate[7] = '-';
    cachedDate[8] = (byte) ('0' + d / 10);
    cachedDate[9] = (byte) ('0' + d % 10);
    cachedDate[10] = ' ';
    cachedDay = day;
  }
}

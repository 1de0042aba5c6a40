package dev.indexlab.seed;

import java.sql.SQLException;

/**
 * Where a {@link TableGenerator} writes its rows, one field at a time in the column order it
 * declared. The sink encodes and streams them; {@link #endRow()} is where buffered rows are sent,
 * so it is the one call that can fail.
 */
public interface RowSink {
  /** A bigint field. */
  void int8(long value);

  /** A text field; {@code null} writes SQL NULL. */
  void text(String value);

  /** A timestamp with time zone field, given in epoch milliseconds (UTC). */
  void timestamp(long epochMillis);

  /** A NULL field. */
  void nul();

  /** Ends the current row. */
  void endRow() throws SQLException;
}

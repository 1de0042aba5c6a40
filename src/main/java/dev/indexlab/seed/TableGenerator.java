package dev.indexlab.seed;

import java.sql.SQLException;
import java.util.List;

/**
 * One table's rows, produced on demand and in id order into a {@link RowSink}. A generator keeps no
 * rows: it computes each one from the seed and the small per-playlist and per-user arrays of the
 * data's shape, so any table can be streamed in bounded memory and on any thread.
 */
public interface TableGenerator {
  /** The table's name (unqualified; resolved through the search path). */
  String table();

  /**
   * The columns in the order {@link #write(RowSink)} writes them. Each must be bigint, text or
   * timestamptz exactly as written: the rows go to COPY in its binary format, which the server does
   * not convert.
   */
  List<String> columns();

  /** How many rows {@link #write(RowSink)} writes. */
  long rows();

  /** Writes every row. */
  void write(RowSink out) throws SQLException;
}

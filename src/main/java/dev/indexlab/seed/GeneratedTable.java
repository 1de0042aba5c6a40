package dev.indexlab.seed;

import java.sql.SQLException;
import java.util.List;

/**
 * A {@link TableGenerator} assembled from its parts: name, columns, row count and a writer. Its
 * columns are the schema's own bigint, text and timestamptz columns, so it streams in binary.
 */
public record GeneratedTable(String table, List<String> columns, long rows, Rows writer)
    implements TableGenerator {

  /** Writes a table's rows. */
  @FunctionalInterface
  public interface Rows {
    void write(RowSink out) throws SQLException;
  }

  @Override
  public void write(RowSink out) throws SQLException {
    writer.write(out);
  }
}

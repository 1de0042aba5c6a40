package dev.indexlab.capture;

import java.util.List;

/**
 * What a statement does with one placeholder {@code $n}, as {@link StatementParser} read it from
 * the parse tree: compared with (or assigned to) a column, or the count of a LIMIT or OFFSET.
 */
sealed interface ParameterUse {

  /** How a placeholder meets its column. */
  enum How {
    /** {@code =}, {@code <>}, {@code IN}: a value of the column. */
    EQUALS,
    /** {@code <}, {@code <=}, {@code >}, {@code >=}, {@code BETWEEN}: a bound, sampled likewise. */
    RANGE,
    /** {@code LIKE}: a prefix pattern. */
    LIKE,
    /** {@code ILIKE}: a word pattern. */
    ILIKE,
    /** An INSERT's value or an UPDATE's {@code SET col = $n}: a value written to the column. */
    WRITTEN
  }

  /**
   * {@code column} of one of {@code tables} (the alias resolved; several tables when the column was
   * not qualified and the statement reads more than one).
   */
  record Column(List<TableRef> tables, String column, How how) implements ParameterUse {
    public Column {
      tables = List.copyOf(tables);
    }
  }

  /** The row count of a LIMIT (or FETCH FIRST). */
  record Limit() implements ParameterUse {}

  /** The row count of an OFFSET, over {@code table} (the statement's main table; may be null). */
  record Offset(TableRef table) implements ParameterUse {}

  /** A table as the statement names it: schema (may be null) and name, quotes kept. */
  record TableRef(String schema, String name) {
    /** The name as {@code to_regclass} reads it. */
    String regclassText() {
      return schema == null ? name : schema + "." + name;
    }

    /** The name without quotes, lower-cased unless it was quoted; for route names. */
    String plainName() {
      return StatementParser.unquote(name);
    }
  }
}

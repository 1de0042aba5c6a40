package dev.indexlab.text;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Builds a GitHub-flavoured markdown table whose raw text lines up too, so the committed report
 * reads well in a diff or a terminal, not only once rendered.
 *
 * <pre>{@code
 * String md = new MarkdownTable(Column.left("Route"), Column.right("Mean (ms)"))
 *     .row("/users/delete/{user_id} (POST)", "516.8")
 *     .blankRow()
 *     .row("/song/add (POST)", "100.2")
 *     .render();
 * }</pre>
 *
 * <p>Every cell is padded to its column's width (counted in code points); right-aligned columns get
 * a {@code ---:} delimiter and left padding. Cells are escaped: {@code |} becomes {@code \|} and
 * line breaks become {@code <br>}. Output is deterministic and ends with a newline.
 */
public final class MarkdownTable {
  /** Column alignment. */
  public enum Align {
    LEFT,
    RIGHT,
    CENTER
  }

  /**
   * A column: header text and alignment.
   *
   * @param header the header cell (escaped like any cell)
   * @param align how cells are aligned, both in the raw text and when rendered
   */
  public record Column(String header, Align align) {
    public static Column left(String header) {
      return new Column(header, Align.LEFT);
    }

    /** A right-aligned column, for numbers. */
    public static Column right(String header) {
      return new Column(header, Align.RIGHT);
    }

    public static Column center(String header) {
      return new Column(header, Align.CENTER);
    }
  }

  private final List<Column> columns;
  private final List<String[]> rows = new ArrayList<>();

  public MarkdownTable(Column... columns) {
    this(Arrays.asList(columns));
  }

  public MarkdownTable(List<Column> columns) {
    if (columns.isEmpty()) {
      throw new IllegalArgumentException("a table needs at least one column");
    }
    this.columns = List.copyOf(columns);
  }

  /**
   * Adds a row; missing trailing cells are empty, {@code null} cells are empty.
   *
   * @throws IllegalArgumentException with more cells than columns
   */
  public MarkdownTable row(String... cells) {
    if (cells.length > columns.size()) {
      throw new IllegalArgumentException(
          "row has " + cells.length + " cells but the table has " + columns.size() + " columns");
    }
    String[] escaped = new String[columns.size()];
    for (int i = 0; i < escaped.length; i++) {
      escaped[i] = i < cells.length ? escape(cells[i]) : "";
    }
    rows.add(escaped);
    return this;
  }

  /** Adds a row (see {@link #row(String...)}). */
  public MarkdownTable row(List<String> cells) {
    return row(cells.toArray(new String[0]));
  }

  /** Adds an empty row, to separate groups of rows as the team's write-up does. */
  public MarkdownTable blankRow() {
    return row();
  }

  /** Number of rows added so far, blank rows included. */
  public int rowCount() {
    return rows.size();
  }

  /** The table: header line, delimiter line and one line per row, each ending with a newline. */
  public String render() {
    String[] headers = new String[columns.size()];
    int[] widths = new int[columns.size()];
    for (int i = 0; i < headers.length; i++) {
      headers[i] = escape(columns.get(i).header());
      widths[i] = Math.max(3, width(headers[i]));
    }
    for (String[] row : rows) {
      for (int i = 0; i < row.length; i++) {
        widths[i] = Math.max(widths[i], width(row[i]));
      }
    }
    StringBuilder out = new StringBuilder();
    line(out, headers, widths);
    String[] delimiters = new String[columns.size()];
    for (int i = 0; i < delimiters.length; i++) {
      delimiters[i] = delimiter(columns.get(i).align(), widths[i]);
    }
    line(out, delimiters, widths);
    for (String[] row : rows) {
      line(out, row, widths);
    }
    return out.toString();
  }

  @Override
  public String toString() {
    return render();
  }

  /** Escapes one cell: {@code |} to {@code \|}, line breaks to {@code <br>}; null to empty. */
  public static String escape(String cell) {
    if (cell == null) {
      return "";
    }
    return cell.replace("\r\n", "\n").replace('\r', '\n').replace("|", "\\|").replace("\n", "<br>");
  }

  private void line(StringBuilder out, String[] cells, int[] widths) {
    out.append('|');
    for (int i = 0; i < cells.length; i++) {
      out.append(' ').append(pad(cells[i], widths[i], columns.get(i).align())).append(" |");
    }
    out.append('\n');
  }

  private static String delimiter(Align align, int width) {
    return switch (align) {
      case LEFT -> "-".repeat(width);
      case RIGHT -> "-".repeat(width - 1) + ":";
      case CENTER -> ":" + "-".repeat(width - 2) + ":";
    };
  }

  private static String pad(String cell, int width, Align align) {
    int gap = width - width(cell);
    return switch (align) {
      case LEFT -> cell + " ".repeat(gap);
      case RIGHT -> " ".repeat(gap) + cell;
      case CENTER -> " ".repeat(gap / 2) + cell + " ".repeat(gap - gap / 2);
    };
  }

  private static int width(String cell) {
    return cell.codePointCount(0, cell.length());
  }
}

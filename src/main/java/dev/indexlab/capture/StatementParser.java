package dev.indexlab.capture;

import dev.indexlab.capture.ParameterUse.How;
import dev.indexlab.capture.ParameterUse.TableRef;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import net.sf.jsqlparser.JSQLParserException;
import net.sf.jsqlparser.expression.BinaryExpression;
import net.sf.jsqlparser.expression.CastExpression;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.JdbcParameter;
import net.sf.jsqlparser.expression.operators.relational.Between;
import net.sf.jsqlparser.expression.operators.relational.EqualsTo;
import net.sf.jsqlparser.expression.operators.relational.ExpressionList;
import net.sf.jsqlparser.expression.operators.relational.GreaterThan;
import net.sf.jsqlparser.expression.operators.relational.GreaterThanEquals;
import net.sf.jsqlparser.expression.operators.relational.InExpression;
import net.sf.jsqlparser.expression.operators.relational.LikeExpression;
import net.sf.jsqlparser.expression.operators.relational.MinorThan;
import net.sf.jsqlparser.expression.operators.relational.MinorThanEquals;
import net.sf.jsqlparser.expression.operators.relational.NotEqualsTo;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.delete.Delete;
import net.sf.jsqlparser.statement.insert.Insert;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.Select;
import net.sf.jsqlparser.statement.select.Values;
import net.sf.jsqlparser.statement.update.Update;
import net.sf.jsqlparser.statement.update.UpdateSet;
import net.sf.jsqlparser.util.TablesNamesFinder;

/**
 * Reads a captured statement with JSqlParser and finds, in its parse tree, what each placeholder
 * {@code $n} is compared with or written to: {@code col = $1}, {@code col IN ($1, $2)}, {@code col
 * BETWEEN $1 AND $2}, {@code col >= $1}, {@code col LIKE $1}, {@code col ILIKE $1} (either side of
 * the operator, casts on either side looked through, {@code alias.col} resolved to its table), an
 * INSERT's VALUES by position against its column list, an UPDATE's {@code SET col = $1}, and LIMIT
 * / OFFSET counts. Anything else leaves the placeholder out of {@link ParsedStatement#uses()}.
 */
final class StatementParser {
  private StatementParser() {}

  /** The statement's verb when it is one indexlab measures, else empty (a utility statement). */
  static Optional<String> dataVerb(String sql) {
    String first = firstWord(sql);
    return switch (first) {
      case "SELECT", "INSERT", "UPDATE", "DELETE", "WITH", "VALUES", "TABLE" -> Optional.of(first);
      default -> Optional.empty();
    };
  }

  /** Parses {@code sql}; a {@link JSQLParserException} when JSqlParser cannot read it. */
  static ParsedStatement parse(String sql) throws JSQLParserException {
    Statement st = CCJSqlParserUtil.parse(sql);
    String verb;
    if (st instanceof Select) {
      verb = "SELECT";
    } else if (st instanceof Insert) {
      verb = "INSERT";
    } else if (st instanceof Update) {
      verb = "UPDATE";
    } else if (st instanceof Delete) {
      verb = "DELETE";
    } else {
      throw new JSQLParserException(
          "not a SELECT, INSERT, UPDATE or DELETE: " + st.getClass().getSimpleName());
    }
    Walker w = new Walker();
    try {
      st.accept(w, null);
    } catch (UnsupportedOperationException e) {
      throw new JSQLParserException("JSqlParser cannot walk it: " + e.getMessage(), e);
    }
    TableRef main = w.tables.isEmpty() ? null : w.tables.get(0);
    if (st instanceof Insert i) {
      main = ref(i.getTable());
    } else if (st instanceof Update u) {
      main = ref(u.getTable());
    } else if (st instanceof Delete d) {
      main = ref(d.getTable());
    } else if (st instanceof PlainSelect ps && ps.getFromItem() instanceof Table t) {
      main = ref(t);
    }
    w.resolveOffsets(main);
    return new ParsedStatement(verb, main, w.tables, w.uses);
  }

  /** An identifier as the catalog spells it: quotes removed, else lower-cased. */
  static String unquote(String identifier) {
    if (identifier.length() >= 2 && identifier.startsWith("\"") && identifier.endsWith("\"")) {
      return identifier.substring(1, identifier.length() - 1).replace("\"\"", "\"");
    }
    return identifier.toLowerCase(Locale.ROOT);
  }

  private static TableRef ref(Table t) {
    return new TableRef(t.getSchemaName(), t.getName());
  }

  private static String firstWord(String sql) {
    int i = 0;
    int n = sql.length();
    while (i < n) {
      char c = sql.charAt(i);
      if (Character.isWhitespace(c) || c == '(') {
        i++;
      } else if (sql.startsWith("--", i)) {
        int end = sql.indexOf('\n', i);
        i = end < 0 ? n : end + 1;
      } else if (sql.startsWith("/*", i)) {
        int end = sql.indexOf("*/", i + 2);
        i = end < 0 ? n : end + 2;
      } else {
        break;
      }
    }
    int start = i;
    while (i < n && Character.isLetter(sql.charAt(i))) {
      i++;
    }
    return sql.substring(start, i).toUpperCase(Locale.ROOT);
  }

  /** Walks the whole tree (TablesNamesFinder visits every node) and notes placeholder uses. */
  private static final class Walker extends TablesNamesFinder<Void> {
    final List<TableRef> tables = new ArrayList<>();
    final Map<String, TableRef> byAlias = new HashMap<>();
    final Map<Integer, ParameterUse> uses = new LinkedHashMap<>();
    final List<Integer> offsets = new ArrayList<>();

    Walker() {
      init(true);
    }

    @Override
    public <S> Void visit(Table table, S context) {
      TableRef r = ref(table);
      if (!tables.contains(r)) {
        tables.add(r);
      }
      byAlias.putIfAbsent(unquote(table.getName()), r);
      if (table.getAlias() != null) {
        byAlias.put(unquote(table.getAlias().getName()), r);
      }
      return super.visit(table, context);
    }

    /** A column's qualifier is an alias or a table already seen in FROM: not a table to note. */
    @Override
    public <S> Void visit(Column column, S context) {
      return null;
    }

    @Override
    public void visitBinaryExpression(BinaryExpression e) {
      How how = null;
      if (e instanceof EqualsTo || e instanceof NotEqualsTo) {
        how = How.EQUALS;
      } else if (e instanceof GreaterThan
          || e instanceof GreaterThanEquals
          || e instanceof MinorThan
          || e instanceof MinorThanEquals) {
        how = How.RANGE;
      } else if (e instanceof LikeExpression like) {
        how = like.getLikeKeyWord() == LikeExpression.KeyWord.ILIKE ? How.ILIKE : How.LIKE;
      }
      if (how != null) {
        pair(e.getLeftExpression(), e.getRightExpression(), how);
        pair(e.getRightExpression(), e.getLeftExpression(), how);
      }
      super.visitBinaryExpression(e);
    }

    @Override
    public <S> Void visit(LikeExpression like, S context) {
      How how = like.getLikeKeyWord() == LikeExpression.KeyWord.ILIKE ? How.ILIKE : How.LIKE;
      pair(like.getLeftExpression(), like.getRightExpression(), how);
      return super.visit(like, context);
    }

    @Override
    public <S> Void visit(InExpression in, S context) {
      if (in.getRightExpression() instanceof ExpressionList<?> list) {
        for (Expression x : list) {
          pair(in.getLeftExpression(), x, How.EQUALS);
        }
      }
      return super.visit(in, context);
    }

    @Override
    public <S> Void visit(Between between, S context) {
      pair(between.getLeftExpression(), between.getBetweenExpressionStart(), How.RANGE);
      pair(between.getLeftExpression(), between.getBetweenExpressionEnd(), How.RANGE);
      return super.visit(between, context);
    }

    @Override
    public <S> Void visit(PlainSelect select, S context) {
      limits(select);
      return super.visit(select, context);
    }

    @Override
    public <S> Void visit(Insert insert, S context) {
      List<Column> columns = insert.getColumns() == null ? List.of() : insert.getColumns();
      Values values = insert.getValues();
      if (values == null && insert.getSelect() instanceof Values v) {
        values = v;
      }
      if (values != null && !columns.isEmpty()) {
        for (Expression row : values.getExpressions()) {
          if (row instanceof ExpressionList<?> list && values.getExpressions().size() > 1) {
            written(insert.getTable(), columns, list);
          } else {
            written(insert.getTable(), columns, values.getExpressions());
            break;
          }
        }
      }
      return super.visit(insert, context);
    }

    @Override
    public <S> Void visit(Update update, S context) {
      for (UpdateSet set : update.getUpdateSets()) {
        written(update.getTable(), set.getColumns(), set.getValues());
      }
      return super.visit(update, context);
    }

    private void written(Table table, List<Column> columns, List<?> values) {
      for (int i = 0; i < Math.min(columns.size(), values.size()); i++) {
        if (values.get(i) instanceof Expression x) {
          Integer n = parameter(x);
          if (n != null) {
            uses.putIfAbsent(
                n,
                new ParameterUse.Column(
                    List.of(ref(table)), unquote(columns.get(i).getColumnName()), How.WRITTEN));
          }
        }
      }
    }

    private void limits(Select select) {
      if (select.getLimit() != null) {
        Integer n = parameter(select.getLimit().getRowCount());
        if (n != null) {
          uses.putIfAbsent(n, new ParameterUse.Limit());
        }
        Integer off = parameter(select.getLimit().getOffset());
        if (off != null) {
          offsets.add(off);
        }
      }
      if (select.getFetch() != null) {
        Integer n = parameter(select.getFetch().getExpression());
        if (n != null) {
          uses.putIfAbsent(n, new ParameterUse.Limit());
        }
      }
      if (select.getOffset() != null) {
        Integer n = parameter(select.getOffset().getOffset());
        if (n != null) {
          offsets.add(n);
        }
      }
    }

    void resolveOffsets(TableRef main) {
      for (Integer n : offsets) {
        uses.putIfAbsent(n, new ParameterUse.Offset(main));
      }
    }

    private void pair(Expression columnSide, Expression parameterSide, How how) {
      Integer n = parameter(parameterSide);
      Expression c = uncast(columnSide);
      if (n == null || !(c instanceof Column column)) {
        return;
      }
      String name = unquote(column.getColumnName());
      Table qualifier = column.getTable();
      List<TableRef> candidates;
      if (qualifier != null && qualifier.getName() != null) {
        TableRef aliased = byAlias.get(unquote(qualifier.getName()));
        candidates =
            List.of(
                aliased != null
                    ? aliased
                    : new TableRef(qualifier.getSchemaName(), qualifier.getName()));
      } else {
        candidates = List.copyOf(tables);
      }
      uses.putIfAbsent(n, new ParameterUse.Column(candidates, name, how));
    }

    private static Integer parameter(Expression e) {
      Expression x = uncast(e);
      if (x instanceof JdbcParameter p && p.getIndex() != null) {
        return p.getIndex();
      }
      return null;
    }

    private static Expression uncast(Expression e) {
      Expression x = e;
      while (x instanceof CastExpression cast) {
        x = cast.getLeftExpression();
      }
      return x;
    }
  }
}

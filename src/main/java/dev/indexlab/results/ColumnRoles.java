package dev.indexlab.results;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * What each column of a finding does in its plan node, read from the node's conditions and sort
 * keys: compared with {@code =} (or {@code = ANY}, {@code IS NULL}), bounded by {@code <}, {@code
 * <=}, {@code >}, {@code >=}, sorted on under a LIMIT, or matched by LIKE / ILIKE. A column inside
 * an OR, under a function or compared with {@code <>} has no equality or range role (no b-tree
 * index on the bare column serves it); LIKE counts anywhere, since a trigram index per column
 * serves an OR of LIKEs.
 *
 * <p>{@link #indexOrder} is the one rule for a composite index's key order, used by the explain
 * step's messages and by the advisor's proposals alike.
 *
 * @param equality columns compared for equality, in the order the plan prints them
 * @param range columns bounded by a range and not compared for equality
 * @param sort the sort's keys, with their direction
 * @param pattern columns matched by LIKE or ILIKE
 */
public record ColumnRoles(
    List<String> equality, List<String> range, List<SortKey> sort, List<String> pattern) {

  /** No columns: a finding whose kind has no index to propose. */
  public static final ColumnRoles NONE = new ColumnRoles(null, null, null, null);

  /** One key of a sort: the column and whether it sorts descending. */
  public record SortKey(String column, boolean descending) {
    /** The key as EXPLAIN and CREATE INDEX write it: {@code created_at DESC}. */
    public String describe() {
      return descending ? column + " DESC" : column;
    }
  }

  public ColumnRoles {
    equality = equality == null ? List.of() : List.copyOf(new LinkedHashSet<>(equality));
    Set<String> eq = Set.copyOf(equality);
    range =
        range == null
            ? List.of()
            : new LinkedHashSet<>(range).stream().filter(c -> !eq.contains(c)).toList();
    sort = sort == null ? List.of() : List.copyOf(sort);
    pattern = pattern == null ? List.of() : List.copyOf(new LinkedHashSet<>(pattern));
  }

  /** True when no column has a role. */
  @JsonIgnore
  public boolean isEmpty() {
    return equality.isEmpty() && range.isEmpty() && sort.isEmpty() && pattern.isEmpty();
  }

  /** These roles and {@code more}'s, this one's columns first. */
  public ColumnRoles plus(ColumnRoles more) {
    return new ColumnRoles(
        concat(equality, more.equality),
        concat(range, more.range),
        concat(sort, more.sort),
        concat(pattern, more.pattern));
  }

  /** The same roles with {@code sort} as the sort keys. */
  public ColumnRoles withSort(List<SortKey> keys) {
    return new ColumnRoles(equality, range, keys, pattern);
  }

  /** Only the columns {@code keep} accepts, each in its role. */
  public ColumnRoles retain(Predicate<String> keep) {
    return new ColumnRoles(
        equality.stream().filter(keep).toList(),
        range.stream().filter(keep).toList(),
        sort.stream().filter(k -> keep.test(k.column())).toList(),
        pattern.stream().filter(keep).toList());
  }

  /**
   * The key order of a b-tree index serving these roles: the equality columns first; then, when the
   * rows must come out sorted (a sort under a LIMIT), the sort keys in their direction, less those
   * an equality already fixes; then the range columns that are not keys yet. A range on the leading
   * sort key is served by that key (in the sort's direction); a range on another column goes after
   * the sort keys, since before them it would break the order the LIMIT needs, and there it still
   * filters index entries without visiting the table. Without a sort: equality, then range. Pattern
   * columns take no part (no b-tree serves a leading wildcard).
   */
  public List<SortKey> indexOrder() {
    List<SortKey> keys = new ArrayList<>();
    Set<String> taken = new LinkedHashSet<>();
    for (String c : equality) {
      if (taken.add(c)) {
        keys.add(new SortKey(c, false));
      }
    }
    for (SortKey k : sort) {
      if (taken.add(k.column())) {
        keys.add(k);
      }
    }
    for (String c : range) {
      if (taken.add(c)) {
        keys.add(new SortKey(c, false));
      }
    }
    return keys;
  }

  /** {@link #indexOrder}'s columns, without directions. */
  public List<String> indexColumns() {
    return indexOrder().stream().map(SortKey::column).toList();
  }

  private static <T> List<T> concat(List<T> a, List<T> b) {
    List<T> out = new ArrayList<>(a);
    b.stream().filter(x -> !out.contains(x)).forEach(out::add);
    return out;
  }
}

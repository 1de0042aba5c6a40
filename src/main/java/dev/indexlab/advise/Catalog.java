package dev.indexlab.advise;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the advisor knows about a database's structure: its tables, indexes and foreign keys, and
 * the extensions the server can install ({@code availableExtensions}: name to installed version,
 * empty string when available but not installed). Read once by {@link CatalogReader}.
 */
public record Catalog(
    List<CatalogTable> tables,
    List<CatalogIndex> indexes,
    List<ForeignKey> foreignKeys,
    Map<String, String> availableExtensions) {
  public Catalog {
    tables = List.copyOf(tables);
    indexes = List.copyOf(indexes);
    foreignKeys = List.copyOf(foreignKeys);
    availableExtensions = Map.copyOf(availableExtensions);
  }

  /** The table {@code schema.name}. */
  public Optional<CatalogTable> table(String schema, String name) {
    return tables.stream()
        .filter(t -> t.schema().equals(schema) && t.name().equals(name))
        .findFirst();
  }

  /**
   * The table named {@code name} in {@code schema}, or when {@code schema} is null: in {@code
   * public}, else the only table of that name in any schema.
   */
  public Optional<CatalogTable> resolve(String schema, String name) {
    if (schema != null && !schema.isBlank()) {
      return table(schema, name);
    }
    Optional<CatalogTable> inPublic = table("public", name);
    if (inPublic.isPresent()) {
      return inPublic;
    }
    List<CatalogTable> matches = tables.stream().filter(t -> t.name().equals(name)).toList();
    return matches.size() == 1 ? Optional.of(matches.get(0)) : Optional.empty();
  }

  /** The indexes of {@code table}, by name. */
  public List<CatalogIndex> indexesOf(CatalogTable table) {
    return indexes.stream().filter(i -> i.tableKey().equals(table.key())).toList();
  }

  /** The index {@code schema.name}. */
  public Optional<CatalogIndex> index(String schema, String name) {
    return indexes.stream()
        .filter(i -> i.schema().equals(schema) && i.name().equals(name))
        .findFirst();
  }

  /** True when an index of this name exists in {@code schema} (index names share a namespace). */
  public boolean hasIndexNamed(String schema, String name) {
    return index(schema, name).isPresent();
  }

  /** True when the server can install (or has installed) the extension. */
  public boolean extensionAvailable(String name) {
    return availableExtensions.containsKey(name);
  }

  /** The partitions whose parent is {@code table} (direct children only), by name. */
  public List<CatalogTable> partitionsOf(CatalogTable table) {
    return tables.stream().filter(t -> table.key().equals(t.partitionOf())).toList();
  }

  /**
   * The leaf partitions under {@code table}, at any depth; a table that is not partitioned is its
   * own only leaf.
   */
  public List<CatalogTable> leavesOf(CatalogTable table) {
    if (!table.partitioned()) {
      return List.of(table);
    }
    List<CatalogTable> out = new java.util.ArrayList<>();
    for (CatalogTable p : partitionsOf(table)) {
      out.addAll(leavesOf(p));
    }
    return out;
  }

  /** The top of {@code table}'s partition tree: the table itself when it is no partition. */
  public CatalogTable partitionRoot(CatalogTable table) {
    CatalogTable t = table;
    for (int depth = 0; t.isPartition() && depth < 100; depth++) {
      String parent = t.partitionOf();
      Optional<CatalogTable> up = tables.stream().filter(x -> x.key().equals(parent)).findFirst();
      if (up.isEmpty()) {
        break;
      }
      t = up.get();
    }
    return t;
  }

  /** The indexes attached to {@code index} (one per partition; direct children only). */
  public List<CatalogIndex> attachedTo(CatalogIndex index) {
    return indexes.stream().filter(i -> index.key().equals(i.parentIndex())).toList();
  }
}

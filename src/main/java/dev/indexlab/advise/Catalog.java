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
}

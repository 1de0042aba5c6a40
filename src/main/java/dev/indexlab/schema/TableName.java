package dev.indexlab.schema;

import dev.indexlab.db.Identifiers;

/** A table's schema and name exactly as the catalog spells them. */
public record TableName(String schema, String name) implements Comparable<TableName> {

  /** The name quoted for SQL, for example {@code "shop"."Reviews"}. */
  public String quoted() {
    return Identifiers.qualified(schema, name);
  }

  @Override
  public int compareTo(TableName other) {
    int c = schema.compareTo(other.schema);
    return c != 0 ? c : name.compareTo(other.name);
  }

  /** {@code schema.name}, unquoted, for messages. */
  @Override
  public String toString() {
    return schema + "." + name;
  }
}

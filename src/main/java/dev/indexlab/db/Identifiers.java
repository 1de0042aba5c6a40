package dev.indexlab.db;

/** Quotes SQL identifiers that indexlab builds itself; values are always bound, never quoted. */
public final class Identifiers {
  private Identifiers() {}

  /** Double-quotes an identifier, doubling embedded quotes, as {@code quote_ident} would. */
  public static String quote(String identifier) {
    if (identifier == null || identifier.isEmpty()) {
      throw new IllegalArgumentException("empty identifier");
    }
    return '"' + identifier.replace("\"", "\"\"") + '"';
  }

  /** Quotes a schema-qualified name, for example {@code "public"."songs"}. */
  public static String qualified(String schema, String name) {
    return quote(schema) + "." + quote(name);
  }
}

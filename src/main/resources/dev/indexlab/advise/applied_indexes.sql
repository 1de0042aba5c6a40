-- The indexes named in the text[] parameter (schema.name, unquoted), as the server holds them
-- once a migration has created them: the indexed table, the access method, the key columns in
-- order (a column by its name, an expression as pg_get_indexdef prints it), each key's
-- direction and its operator class (null where it is the default for the column's type), the
-- INCLUDE columns after the keys, and the partial index's predicate.
-- int2vector and oidvector subscripts start at 0, hence ord - 1.
SELECT t_ns.nspname AS table_schema,
       t.relname AS table_name,
       ic.relname AS index_name,
       am.amname AS method,
       i.indnkeyatts AS key_count,
       pg_get_expr(i.indpred, i.indrelid, true) AS predicate,
       cols.names AS column_names,
       cols.descending AS descending,
       cols.opclasses AS opclasses
  FROM pg_index i
  JOIN pg_class ic ON ic.oid = i.indexrelid
  JOIN pg_namespace i_ns ON i_ns.oid = ic.relnamespace
  JOIN pg_class t ON t.oid = i.indrelid
  JOIN pg_namespace t_ns ON t_ns.oid = t.relnamespace
  JOIN pg_am am ON am.oid = ic.relam
 CROSS JOIN LATERAL (
       SELECT array_agg(CASE WHEN k.attnum > 0 THEN a.attname::text
                             ELSE pg_get_indexdef(i.indexrelid, k.ord::int, true) END
                        ORDER BY k.ord) AS names,
              array_agg(coalesce((i.indoption[k.ord - 1] & 1) = 1, false) ORDER BY k.ord)
                  AS descending,
              array_agg(CASE WHEN opc.opcdefault THEN NULL ELSE opc.opcname::text END
                        ORDER BY k.ord) AS opclasses
         FROM unnest(i.indkey::int2[]) WITH ORDINALITY AS k(attnum, ord)
         LEFT JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum
         LEFT JOIN pg_opclass opc
                ON k.ord <= i.indnkeyatts AND opc.oid = i.indclass[k.ord - 1]
       ) cols
 WHERE i_ns.nspname || '.' || ic.relname = ANY (?)

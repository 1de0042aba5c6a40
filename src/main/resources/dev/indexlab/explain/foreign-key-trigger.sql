-- The foreign key behind one trigger that EXPLAIN ANALYZE listed: the trigger is found by its
-- name on a table of the given name (any schema; a table visible on the search_path first), and
-- its constraint must carry the given name. Columns come in key order.
-- Parameters: 1 relation name, 2 trigger name, 3 constraint name.
SELECT p.proname::text AS function_name,
       con.conname::text AS constraint_name,
       fkn.nspname::text AS fk_schema,
       fkc.relname::text AS fk_table,
       fkc.relkind = 'p' AS fk_partitioned,
       ARRAY(SELECT a.attname::text
               FROM unnest(con.conkey) WITH ORDINALITY AS k(attnum, ord)
               JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.attnum
              ORDER BY k.ord) AS fk_columns,
       ARRAY(SELECT format_type(a.atttypid, a.atttypmod)
               FROM unnest(con.conkey) WITH ORDINALITY AS k(attnum, ord)
               JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.attnum
              ORDER BY k.ord) AS fk_types,
       pkn.nspname::text AS pk_schema,
       pkc.relname::text AS pk_table,
       pkc.relkind = 'p' AS pk_partitioned,
       ARRAY(SELECT a.attname::text
               FROM unnest(con.confkey) WITH ORDINALITY AS k(attnum, ord)
               JOIN pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.attnum
              ORDER BY k.ord) AS pk_columns,
       ARRAY(SELECT format_type(a.atttypid, a.atttypmod)
               FROM unnest(con.confkey) WITH ORDINALITY AS k(attnum, ord)
               JOIN pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.attnum
              ORDER BY k.ord) AS pk_types,
       ARRAY(SELECT a.attname::text
               FROM unnest(coalesce(con.confdelsetcols, '{}'::int2[]))
                    WITH ORDINALITY AS k(attnum, ord)
               JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.attnum
              ORDER BY k.ord) AS set_columns
  FROM pg_trigger t
  JOIN pg_class r ON r.oid = t.tgrelid
  JOIN pg_proc p ON p.oid = t.tgfoid
  JOIN pg_constraint con ON con.oid = t.tgconstraint
  JOIN pg_class fkc ON fkc.oid = con.conrelid
  JOIN pg_namespace fkn ON fkn.oid = fkc.relnamespace
  JOIN pg_class pkc ON pkc.oid = con.confrelid
  JOIN pg_namespace pkn ON pkn.oid = pkc.relnamespace
 WHERE con.contype = 'f'
   AND r.relname = ?
   AND t.tgname = ?
   AND con.conname = ?
 ORDER BY pg_table_is_visible(r.oid) DESC, r.oid
 LIMIT 1

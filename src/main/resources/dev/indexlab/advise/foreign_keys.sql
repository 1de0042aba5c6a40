-- Foreign keys declared on those tables: referencing and referenced columns in constraint
-- order, and the ON DELETE / ON UPDATE action codes (a no action, r restrict, c cascade,
-- n set null, d set default). Clones that PostgreSQL makes for partitions (conparentid <> 0)
-- are left out: the declared constraint stands for them.
SELECT con.conname AS constraint_name,
       n.nspname AS schema_name,
       t.relname AS table_name,
       rn.nspname AS ref_schema_name,
       rt.relname AS ref_table_name,
       con.confdeltype::text AS on_delete,
       con.confupdtype::text AS on_update,
       (SELECT array_agg(a.attname::text ORDER BY k.ord)
          FROM unnest(con.conkey) WITH ORDINALITY AS k(attnum, ord)
          JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.attnum) AS columns,
       (SELECT array_agg(a.attname::text ORDER BY k.ord)
          FROM unnest(con.confkey) WITH ORDINALITY AS k(attnum, ord)
          JOIN pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.attnum)
           AS ref_columns
  FROM pg_constraint con
  JOIN pg_class t ON t.oid = con.conrelid
  JOIN pg_namespace n ON n.oid = t.relnamespace
  JOIN pg_class rt ON rt.oid = con.confrelid
  JOIN pg_namespace rn ON rn.oid = rt.relnamespace
 WHERE con.contype = 'f'
   AND con.conparentid = 0
   AND n.nspname NOT IN ('pg_catalog', 'information_schema')
   AND n.nspname NOT LIKE 'pg\_toast%'
   AND t.relname NOT LIKE 'flyway\_%'
   AND t.relname NOT LIKE 'indexlab\_%'
 ORDER BY 2, 3, 1

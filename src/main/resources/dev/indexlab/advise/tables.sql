-- Ordinary and partitioned tables outside the system schemas, with quote_ident forms of their
-- names and columns so generated DDL quotes exactly what PostgreSQL needs quoted.
-- reltuples is -1 until the table is analyzed; n_live_tup is the fallback estimate.
SELECT n.nspname AS schema_name,
       c.relname AS table_name,
       quote_ident(n.nspname) || '.' || quote_ident(c.relname) AS qualified_name,
       c.reltuples::bigint AS reltuples,
       coalesce(s.n_live_tup, 0) AS live_rows,
       pg_total_relation_size(c.oid) AS total_bytes,
       (SELECT array_agg(a.attname::text ORDER BY a.attnum)
          FROM pg_attribute a
         WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped) AS column_names,
       (SELECT array_agg(quote_ident(a.attname) ORDER BY a.attnum)
          FROM pg_attribute a
         WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped) AS quoted_columns
  FROM pg_class c
  JOIN pg_namespace n ON n.oid = c.relnamespace
  LEFT JOIN pg_stat_user_tables s ON s.relid = c.oid
 WHERE c.relkind IN ('r', 'p')
   AND n.nspname NOT IN ('pg_catalog', 'information_schema')
   AND n.nspname NOT LIKE 'pg\_toast%'
   AND n.nspname NOT LIKE 'pg\_temp\_%'
   AND c.relname NOT LIKE 'flyway\_%'
   AND c.relname NOT LIKE 'indexlab\_%'
 ORDER BY 1, 2

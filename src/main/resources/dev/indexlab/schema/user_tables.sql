-- Ordinary and partitioned tables outside the system schemas, with their columns in order;
-- generated columns are marked because COPY cannot fill them.
SELECT n.nspname AS table_schema,
       c.relname AS table_name,
       a.attname AS column_name,
       a.attgenerated <> '' AS generated
FROM pg_class c
JOIN pg_namespace n ON n.oid = c.relnamespace
JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
WHERE c.relkind IN ('r', 'p')
  AND n.nspname NOT IN ('pg_catalog', 'information_schema')
  AND n.nspname NOT LIKE 'pg\_toast%'
  AND NOT c.relispartition
ORDER BY 1, 2, a.attnum

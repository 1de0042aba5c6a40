-- Sequences that belong to a column: serial columns (OWNED BY, deptype 'a') and identity
-- columns (deptype 'i'), in any schema, with the sequence's increment.
SELECT tn.nspname AS table_schema,
       t.relname AS table_name,
       a.attname AS column_name,
       sn.nspname AS sequence_schema,
       s.relname AS sequence_name,
       q.seqincrement AS increment
FROM pg_depend d
JOIN pg_class s ON s.oid = d.objid AND s.relkind = 'S'
JOIN pg_namespace sn ON sn.oid = s.relnamespace
JOIN pg_sequence q ON q.seqrelid = s.oid
JOIN pg_class t ON t.oid = d.refobjid AND t.relkind IN ('r', 'p')
JOIN pg_namespace tn ON tn.oid = t.relnamespace
JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = d.refobjsubid
WHERE d.classid = 'pg_class'::regclass
  AND d.refclassid = 'pg_class'::regclass
  AND d.deptype IN ('a', 'i')
  AND tn.nspname NOT IN ('pg_catalog', 'information_schema')
ORDER BY 1, 2, 3

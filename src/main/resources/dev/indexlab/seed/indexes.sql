-- Indexes on the tables being loaded that do not belong to a primary key, unique or
-- exclusion constraint (those are re-created with their constraint).
SELECT i.indrelid::regclass::text  AS table_name,
       i.indexrelid::regclass::text AS index_name,
       pg_get_indexdef(i.indexrelid) AS definition
FROM pg_index i
WHERE i.indrelid = ANY (?::regclass[])
  AND NOT EXISTS (SELECT 1
                  FROM pg_constraint c
                  WHERE c.conindid = i.indexrelid
                    AND c.conrelid = i.indrelid
                    AND c.contype IN ('p', 'u', 'x'))
ORDER BY 1, 2

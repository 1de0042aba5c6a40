-- Primary keys, unique constraints and foreign keys that touch the tables being loaded
-- (declared on them, or referencing them), with the definitions needed to re-create them.
SELECT c.conrelid::regclass::text AS table_name,
       c.conname                  AS constraint_name,
       c.contype                  AS constraint_type,
       c.convalidated             AS validated,
       pg_get_constraintdef(c.oid) AS definition,
       CASE WHEN c.contype = 'f' THEN c.confrelid::regclass::text END AS referenced_table
FROM pg_constraint c
WHERE c.contype IN ('p', 'u', 'f')
  AND (c.conrelid = ANY (?::regclass[]) OR c.confrelid = ANY (?::regclass[]))
ORDER BY c.contype, c.conrelid::regclass::text, c.conname

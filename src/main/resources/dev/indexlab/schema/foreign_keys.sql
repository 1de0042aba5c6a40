-- Foreign keys between tables: the referencing table, the referenced table, the constraint's
-- name and whether it may be deferred. Partition clones (conparentid <> 0) repeat their parent.
SELECT cn.nspname AS child_schema,
       c.relname AS child_table,
       pn.nspname AS parent_schema,
       p.relname AS parent_table,
       k.conname AS constraint_name,
       k.condeferrable AS deferrable
FROM pg_constraint k
JOIN pg_class c ON c.oid = k.conrelid
JOIN pg_namespace cn ON cn.oid = c.relnamespace
JOIN pg_class p ON p.oid = k.confrelid
JOIN pg_namespace pn ON pn.oid = p.relnamespace
WHERE k.contype = 'f'
  AND k.conparentid = 0
ORDER BY 1, 2, 5

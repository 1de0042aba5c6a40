-- Whether a statement on this table returns the same rows with session_replication_role = replica
-- (which switches off the foreign keys' internal triggers, so that no cascade runs): true for an
-- ordinary table with no trigger and no rule of its own, which could change or skip rows.
-- Parameters: 1 schema, 2 table.
SELECT c.relkind = 'r'
       AND NOT EXISTS (SELECT 1 FROM pg_trigger t WHERE t.tgrelid = c.oid AND NOT t.tgisinternal)
       AND NOT EXISTS (SELECT 1 FROM pg_rewrite r WHERE r.ev_class = c.oid)
  FROM pg_class c
  JOIN pg_namespace n ON n.oid = c.relnamespace
 WHERE n.nspname = ? AND c.relname = ?

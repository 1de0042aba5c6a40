-- Every user relation and its schema; relations visible on the search_path come last, so that
-- a map filled in this order keeps the visible schema for a name several schemas share.
SELECT c.relname::text, n.nspname::text
  FROM pg_class c
  JOIN pg_namespace n ON n.oid = c.relnamespace
 WHERE c.relkind IN ('r', 'p', 'm', 'f', 'v')
   AND n.nspname NOT IN ('pg_catalog', 'information_schema')
 ORDER BY pg_table_is_visible(c.oid), n.nspname DESC

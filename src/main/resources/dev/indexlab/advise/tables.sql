-- Ordinary and partitioned tables outside the system schemas, with quote_ident forms of their
-- names and columns so generated DDL quotes exactly what PostgreSQL needs quoted.
-- reltuples is -1 until the table is analyzed; n_live_tup is the fallback estimate.
-- A partitioned table (relkind p) holds no rows of its own: its rows, live rows and bytes are the
-- sums over its leaf partitions. partition_of names the parent of a partition; inherits_from the
-- first parent of a table that inherits in the pre-10 style (pg_inherits without partitioning).
SELECT n.nspname AS schema_name,
       c.relname AS table_name,
       quote_ident(n.nspname) || '.' || quote_ident(c.relname) AS qualified_name,
       CASE WHEN c.relkind = 'p'
            THEN coalesce((SELECT sum(greatest(l.reltuples, 0))::bigint
                             FROM pg_partition_tree(c.oid) t
                             JOIN pg_class l ON l.oid = t.relid
                            WHERE t.isleaf), 0)
            ELSE c.reltuples::bigint END AS reltuples,
       CASE WHEN c.relkind = 'p'
            THEN coalesce((SELECT sum(ls.n_live_tup)::bigint
                             FROM pg_partition_tree(c.oid) t
                             JOIN pg_stat_user_tables ls ON ls.relid = t.relid
                            WHERE t.isleaf), 0)
            ELSE coalesce(s.n_live_tup, 0) END AS live_rows,
       CASE WHEN c.relkind = 'p'
            THEN coalesce((SELECT sum(pg_total_relation_size(t.relid))::bigint
                             FROM pg_partition_tree(c.oid) t
                            WHERE t.isleaf), 0)
            ELSE pg_total_relation_size(c.oid) END AS total_bytes,
       c.relkind = 'p' AS partitioned,
       CASE WHEN c.relkind = 'p'
            THEN (SELECT count(*) FROM pg_partition_tree(c.oid) t WHERE t.isleaf)::int
            ELSE 0 END AS leaf_partitions,
       (SELECT pn.nspname || '.' || p.relname
          FROM pg_inherits i
          JOIN pg_class p ON p.oid = i.inhparent
          JOIN pg_namespace pn ON pn.oid = p.relnamespace
         WHERE i.inhrelid = c.oid AND c.relispartition) AS partition_of,
       (SELECT pn.nspname || '.' || p.relname
          FROM pg_inherits i
          JOIN pg_class p ON p.oid = i.inhparent
          JOIN pg_namespace pn ON pn.oid = p.relnamespace
         WHERE i.inhrelid = c.oid AND NOT c.relispartition
         ORDER BY i.inhseqno
         LIMIT 1) AS inherits_from,
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

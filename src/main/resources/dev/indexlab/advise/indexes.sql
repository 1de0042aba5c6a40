-- Every index of those tables: key columns in order (expressions as pg_get_indexdef prints
-- them), sort direction and operator class per key column, INCLUDE columns after the keys,
-- the constraint it backs (primary key, unique, exclusion) and its scan count.
-- int2vector and oidvector subscripts start at 0, hence ord - 1.
-- An index on a partitioned table (relkind I) has no storage and no statistics of its own: its
-- size and scan count are the sums over its leaf indexes, one per partition. parent_index names
-- the partitioned index a partition's index is attached to (it cannot be dropped on its own).
SELECT n.nspname AS schema_name,
       t.relname AS table_name,
       ic.relname AS index_name,
       quote_ident(n.nspname) || '.' || quote_ident(ic.relname) AS qualified_name,
       am.amname AS method,
       i.indisunique AS is_unique,
       i.indisprimary AS is_primary,
       i.indisvalid AND i.indisready AS is_valid,
       i.indnkeyatts AS key_count,
       pg_get_expr(i.indpred, i.indrelid, true) AS predicate,
       CASE WHEN ic.relkind = 'I'
            THEN coalesce((SELECT sum(pg_relation_size(pt.relid))::bigint
                             FROM pg_partition_tree(ic.oid) pt WHERE pt.isleaf), 0)
            ELSE pg_relation_size(ic.oid) END AS size_bytes,
       CASE WHEN ic.relkind = 'I'
            THEN coalesce((SELECT sum(ls.idx_scan)::bigint
                             FROM pg_partition_tree(ic.oid) pt
                             JOIN pg_stat_user_indexes ls ON ls.indexrelid = pt.relid
                            WHERE pt.isleaf), 0)
            ELSE coalesce(s.idx_scan, 0) END AS idx_scan,
       ic.relkind = 'I' AS partitioned,
       CASE WHEN ic.relkind = 'I'
            THEN (SELECT count(*) FROM pg_partition_tree(ic.oid) pt WHERE pt.isleaf)::int
            ELSE 0 END AS leaf_partitions,
       (SELECT pn.nspname || '.' || p.relname
          FROM pg_inherits inh
          JOIN pg_class p ON p.oid = inh.inhparent
          JOIN pg_namespace pn ON pn.oid = p.relnamespace
         WHERE inh.inhrelid = ic.oid) AS parent_index,
       pg_get_indexdef(ic.oid) AS definition,
       con.conname AS constraint_name,
       con.contype::text AS constraint_type,
       cols.names AS column_names,
       cols.is_expression AS is_expression,
       cols.descending AS descending,
       cols.opclasses AS opclasses
  FROM pg_index i
  JOIN pg_class ic ON ic.oid = i.indexrelid
  JOIN pg_class t ON t.oid = i.indrelid
  JOIN pg_namespace n ON n.oid = t.relnamespace
  JOIN pg_am am ON am.oid = ic.relam
  LEFT JOIN pg_stat_user_indexes s ON s.indexrelid = i.indexrelid
  LEFT JOIN pg_constraint con
         ON con.conindid = i.indexrelid
        AND con.conrelid = i.indrelid
        AND con.contype IN ('p', 'u', 'x')
 CROSS JOIN LATERAL (
       SELECT array_agg(CASE WHEN k.attnum > 0 THEN a.attname::text
                             ELSE pg_get_indexdef(i.indexrelid, k.ord::int, true) END
                        ORDER BY k.ord) AS names,
              array_agg(k.attnum = 0 ORDER BY k.ord) AS is_expression,
              array_agg(coalesce((i.indoption[k.ord - 1] & 1) = 1, false) ORDER BY k.ord)
                  AS descending,
              array_agg(coalesce(opc.opcname::text, '') ORDER BY k.ord) AS opclasses
         FROM unnest(i.indkey::int2[]) WITH ORDINALITY AS k(attnum, ord)
         LEFT JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum
         LEFT JOIN pg_opclass opc
                ON k.ord <= i.indnkeyatts AND opc.oid = i.indclass[k.ord - 1]
       ) cols
 WHERE t.relkind IN ('r', 'p')
   AND n.nspname NOT IN ('pg_catalog', 'information_schema')
   AND n.nspname NOT LIKE 'pg\_toast%'
   AND n.nspname NOT LIKE 'pg\_temp\_%'
   AND t.relname NOT LIKE 'flyway\_%'
   AND t.relname NOT LIKE 'indexlab\_%'
 ORDER BY 1, 2, 3

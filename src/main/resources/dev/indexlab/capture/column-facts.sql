-- What sampling a column needs to know: the relation as regclass prints it, the column quoted,
-- its type, the table's estimated row count, and whether the column alone is a unique key or
-- takes generated values (identity, serial).
SELECT c.oid::regclass::text AS relation,
       quote_ident(a.attname) AS quoted_column,
       format_type(a.atttypid, a.atttypmod) AS type,
       t.typcategory AS category,
       greatest(c.reltuples, 0)::bigint AS estimated_rows,
       EXISTS (SELECT 1 FROM pg_index i
               WHERE i.indrelid = c.oid AND i.indisunique AND i.indnkeyatts = 1
                 AND i.indkey[0] = a.attnum) AS is_unique,
       (a.attidentity <> ''
        OR pg_get_serial_sequence(c.oid::regclass::text, a.attname) IS NOT NULL) AS is_generated
FROM pg_class c
JOIN pg_attribute a ON a.attrelid = c.oid
JOIN pg_type t ON t.oid = a.atttypid
WHERE c.oid = to_regclass(?) AND a.attname = ? AND a.attnum > 0 AND NOT a.attisdropped

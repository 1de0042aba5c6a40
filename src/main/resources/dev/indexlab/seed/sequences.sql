-- Identity and serial columns of the tables being loaded, with their sequences.
SELECT a.attrelid::regclass::text AS table_name,
       quote_ident(a.attname)     AS column_name,
       pg_get_serial_sequence(a.attrelid::regclass::text, a.attname) AS sequence_name
FROM pg_attribute a
WHERE a.attrelid = ANY (?::regclass[])
  AND a.attnum > 0
  AND NOT a.attisdropped
  AND pg_get_serial_sequence(a.attrelid::regclass::text, a.attname) IS NOT NULL
ORDER BY 1, 2

-- A table's estimated row count, for the range of an OFFSET.
SELECT greatest(c.reltuples, 0)::bigint FROM pg_class c WHERE c.oid = to_regclass(?)

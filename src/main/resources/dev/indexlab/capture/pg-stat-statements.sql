-- The top-level statements pg_stat_statements recorded in the current database, most total
-- execution time first (toplevel: PostgreSQL 14 and later).
SELECT s.queryid::text AS queryid,
       s.query,
       sum(s.calls)::bigint AS calls,
       sum(s.total_exec_time) AS total_ms,
       sum(s.rows)::bigint AS rows
FROM pg_stat_statements s
WHERE s.dbid = (SELECT d.oid FROM pg_database d WHERE d.datname = current_database())
  AND s.toplevel
GROUP BY s.queryid, s.query
ORDER BY total_ms DESC

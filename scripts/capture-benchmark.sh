#!/usr/bin/env bash
# Capture speed: `indexlab capture` of 100 statements from a database of the bundled scale-1
# size (1,292,269 rows), a benchmark, not a test. The target is under 30 s.
#
#   scripts/capture-benchmark.sh                 # 100 statements, scale 1
#   STATEMENTS=200 scripts/capture-benchmark.sh
#
# Starts a throw-away PostgreSQL 15 (/usr/lib/postgresql/15/bin, Debian's postgresql-15, whose
# contrib has pg_stat_statements) with pg_stat_statements preloaded, seeds it with `indexlab seed
# --scale 1`, sends it STATEMENTS distinct statements (each a few times, with literal values that
# pg_stat_statements turns into placeholders), then times `indexlab capture --top STATEMENTS
# --share 100`. The server and its folder are removed at exit, also on Ctrl-C or a failure.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bin="${PGBIN:-/usr/lib/postgresql/15/bin}"
statements="${STATEMENTS:-100}"
port="${PORT:-55432}"
work="$(mktemp -d -t indexlab-capture-bench-XXXXXX)"
as_owner=()
if [[ "$(id -u)" == 0 ]]; then # PostgreSQL refuses to run as root: the server runs as nobody
  chown nobody "$work"
  as_owner=(runuser -u nobody --)
fi
cleanup() {
  "${as_owner[@]}" "$bin/pg_ctl" -D "$work/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT INT TERM

"${as_owner[@]}" "$bin/initdb" -D "$work/data" -U bench --auth=trust >/dev/null
"${as_owner[@]}" "$bin/pg_ctl" -D "$work/data" -l "$work/server.log" -w -o \
  "-p $port -k $work -c listen_addresses=127.0.0.1 -c shared_preload_libraries=pg_stat_statements
   -c shared_buffers=512MB -c fsync=off -c synchronous_commit=off -c full_page_writes=off
   -c max_wal_size=8GB -c pg_stat_statements.max=5000" start >/dev/null
psql=("$bin/psql" -X -q -h 127.0.0.1 -p "$port" -U bench -v ON_ERROR_STOP=1)
"${psql[@]}" -d postgres -c "CREATE DATABASE bench"
url="jdbc:postgresql://127.0.0.1:$port/bench"
"$here/indexlab" seed --db "$url" --user bench --force --scale 1 --quiet >/dev/null

# STATEMENTS distinct statement shapes over the SongStackify tables: every (table, column) pair
# in six forms, until there are enough; each statement runs three times with other values.
"${psql[@]}" -d bench -c "CREATE EXTENSION pg_stat_statements"
"${psql[@]}" -d bench -At -c "
  WITH cols AS (
    SELECT c.table_name AS t, c.column_name AS col, row_number() OVER () AS k
    FROM information_schema.columns c
    JOIN information_schema.tables t
      ON t.table_schema = c.table_schema AND t.table_name = c.table_name
    WHERE c.table_schema = 'public' AND c.data_type IN ('bigint', 'text')
      AND t.table_type = 'BASE TABLE'
      AND c.table_name NOT IN ('flyway_schema_history', 'indexlab_seed_info')),
  forms AS (
    SELECT k, f,
      CASE f
        WHEN 1 THEN format('SELECT * FROM %I WHERE %I = (SELECT %I FROM %I LIMIT 1 OFFSET %%s)', t, col, col, t)
        WHEN 2 THEN format('SELECT count(*) FROM %I WHERE %I > (SELECT %I FROM %I LIMIT 1 OFFSET %%s)', t, col, col, t)
        WHEN 3 THEN format('SELECT %I FROM %I ORDER BY %I LIMIT 5 OFFSET %%s', col, t, col)
        WHEN 4 THEN format('SELECT %I FROM %I ORDER BY %I DESC LIMIT 5 OFFSET %%s', col, t, col)
        WHEN 5 THEN format('SELECT count(*) FROM %I WHERE %I < (SELECT %I FROM %I LIMIT 1 OFFSET %%s)', t, col, col, t)
        ELSE format('SELECT a.%I FROM %I a JOIN %I b ON b.%I = a.%I WHERE a.%I IN (SELECT %I FROM %I LIMIT 2 OFFSET %%s) LIMIT 20', col, t, t, col, col, col, col, t)
      END AS q
    FROM cols, generate_series(1, 6) AS f)
  SELECT q FROM forms ORDER BY f, k LIMIT $statements" > "$work/shapes.txt"
test "$(wc -l < "$work/shapes.txt")" -ge "$statements" \
  || { echo "only $(wc -l < "$work/shapes.txt") statement shapes" >&2; exit 1; }
for round in 1 2 3; do
  while IFS= read -r q; do printf "${q//%s/%d};\n" "$round"; done < "$work/shapes.txt"
done > "$work/traffic.sql"
"${psql[@]}" -d bench -c "SELECT pg_stat_statements_reset()" >/dev/null
"${psql[@]}" -d bench -f "$work/traffic.sql" >/dev/null

echo "pg_stat_statements holds $("${psql[@]}" -d bench -At -c "SELECT count(*) FROM pg_stat_statements") statements"
echo "machine: $(nproc) CPUs, load average $(cut -d' ' -f1-3 /proc/loadavg) before the capture"
start=$(date +%s.%N)
"$here/indexlab" capture --db "$url" --user bench --out "$work/captured" \
  --top "$statements" --share 100 | head -1
end=$(date +%s.%N)
routes=$(find "$work/captured" -maxdepth 1 -name '*.sql' | wc -l)
echo "indexlab capture of $routes statements from a scale-1 database took" \
  "$(awk "BEGIN {printf \"%.1f\", $end - $start}") s end to end (JVM start included);" \
  "load average $(cut -d' ' -f1-3 /proc/loadavg) after"

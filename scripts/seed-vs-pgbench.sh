#!/usr/bin/env bash
# Seeding speed against `pgbench -i` on the same embedded PostgreSQL: a benchmark, not a test.
#
#   scripts/seed-vs-pgbench.sh                      # 5 alternating pairs at scale 1 vs -s 13
#   scripts/seed-vs-pgbench.sh --runs 1 --scale 10 --pgbench-scale 130
#
# Options are those of `indexlab seed-benchmark` (--runs, --scale, --seed, --pgbench-scale,
# --pgbench PATH). Needs pgbench (Debian: postgresql-15, /usr/lib/postgresql/15/bin/pgbench).
# Set INDEXLAB_JAVA_OPTS to pass JVM options (for example -Xmx64m to show the bounded heap).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

echo "machine: $(nproc) CPUs, $(awk '/MemTotal/ {printf "%.0f GB", $2 / 1048576}' /proc/meminfo)," \
  "load average $(cut -d' ' -f1-3 /proc/loadavg) (other work on the machine skews wall times)"
"$here/indexlab" seed-benchmark "$@"

# The whole command as a user meets it once: JVM start, embedded server start, schema, load, stop.
scale=1
args=("$@")
for ((i = 0; i < ${#args[@]}; i++)); do
  if [[ "${args[$i]}" == "--scale" ]]; then scale="${args[$((i + 1))]}"; fi
done
start=$(date +%s.%N)
"$here/indexlab" seed --scale "$scale" --quiet | grep -E '^(total|load time)'
end=$(date +%s.%N)
echo "end to end: indexlab seed --scale $scale took $(awk "BEGIN {printf \"%.1f\", $end - $start}") s" \
  "(JVM and server start-up, schema, load, server stop)"

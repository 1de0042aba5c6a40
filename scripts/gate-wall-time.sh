#!/usr/bin/env bash
# Wall time of one gate run at scale 1 of the bundled workload (issue 19: at most 60 s on the idle
# machine; 72 s measured before). A benchmark, not a test.
#
# Saves a baseline of queries/ at scale 1, then runs N gates of the unchanged workload against it
# and prints, per run, the wall time, the load average before and after, and where the time went
# (the gate's own progress lines: server and seeding, EXPLAIN, JMH, second measurements of routes
# slower on time alone, then the rest: the comparison and shutdown). Every stderr line of a run is
# kept in $OUT/VERSION-RUN.err, stamped with the seconds since the run started.
# With BEFORE_JAR set (a jar of the version to compare with), its gates alternate with this
# version's, each against a baseline saved by its own jar: the two medians come from one run.
#
# Usage: scripts/gate-wall-time.sh      env: N=3 OUT=target/gate-wall-time BEFORE_JAR=
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
root="$PWD"
N="${N:-3}"
OUT="${OUT:-target/gate-wall-time}"
BEFORE_JAR="${BEFORE_JAR:-}"

./indexlab --version >/dev/null
mkdir -p "$OUT"
OUT="$(cd "$OUT" && pwd)"
mkdir -p "$OUT/tmp"   # JMH's lock file and the server's data live in this run's own temp folder
cp "$root/target/indexlab.jar" "$OUT/after.jar"
versions=(after)
if [[ -n "$BEFORE_JAR" ]]; then
  cp "$BEFORE_JAR" "$OUT/before.jar"
  versions=(before after)
fi
tsv="$OUT/wall.tsv"
[[ -f "$tsv" ]] || printf 'version\trun\texit\tseconds\tload_before\tload_after\tseeded_s\texplain_s\tjmh_s\tagain_s\n' >"$tsv"
load() { cut -d' ' -f1 /proc/loadavg; }

# timed VERSION RUN ARGS...: one run of that version's jar, stderr lines stamped with seconds.
timed() {
  local v="$1" i="$2"
  shift 2
  local before after start end code
  before="$(load)"
  start="$(date +%s.%N)"
  set +e
  java -Djava.io.tmpdir="$OUT/tmp" -jar "$OUT/$v.jar" "$@" 2>&1 >"$OUT/$v-$i.out" |
    while IFS= read -r line; do
      printf '%.1f %s\n' "$(awk -v a="$start" -v b="$(date +%s.%N)" 'BEGIN { print b - a }')" "$line"
    done >"$OUT/$v-$i.err"
  code=${PIPESTATUS[0]}
  set -e
  end="$(date +%s.%N)"
  after="$(load)"
  local seconds seeded explain jmh
  seconds="$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.1f", b - a }')"
  seeded="$(awk '/gate: (seeded|reusing)/ { print $1; exit }' "$OUT/$v-$i.err")"
  explain="$(sed -n 's/.*plans explained in \([0-9.]*\) s.*/\1/p' "$OUT/$v-$i.err" | head -1)"
  jmh="$(sed -n 's/.*JMH done in \([0-9.]*\) s.*/\1/p' "$OUT/$v-$i.err" | head -1)"
  # second measurements of routes slower on time alone: versions after issue 19's wall-time work
  # print how long they took; for older ones, from the first "again" line to the end of the run
  # (so their "again" also holds the last comparison and the shutdown)
  again="$(sed -n 's/.*route(s) again in \([0-9.]*\) s.*/\1/p' "$OUT/$v-$i.err" | head -1)"
  if [[ -z "$again" ]] && grep -q ' again (' "$OUT/$v-$i.err"; then
    again="$(awk -v t="$seconds" '/ again \(/ { printf "%.1f", t - $1; exit }' "$OUT/$v-$i.err")"
  fi
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$v" "$i" "$code" "$seconds" "$before" "$after" \
    "${seeded:-}" "${explain:-}" "${jmh:-}" "${again:-0}" >>"$tsv"
  printf '%-6s %s exit %s %6s s  load %s→%s  server+seed %s s, EXPLAIN %s s, JMH %s s, again %s s, rest %s\n' \
    "$v" "$i" "$code" "$seconds" "$before" "$after" "${seeded:-?}" "${explain:-?}" "${jmh:-?}" \
    "${again:-0}" "$(awk -v t="$seconds" -v s="${seeded:-0}" -v e="${explain:-0}" -v j="${jmh:-0}" \
      -v g="${again:-0}" 'BEGIN { printf "%.1f s", t - s - e - j - g }')"
}

for v in "${versions[@]}"; do
  timed "$v" save baseline save "$OUT/$v-baseline.json" --scale 1
done
for i in $(seq 1 "$N"); do
  for v in "${versions[@]}"; do
    timed "$v" "$i" gate --baseline "$OUT/$v-baseline.json" --summary "$OUT/$v-$i.md"
  done
done

echo
echo "== medians ($tsv)"
for v in "${versions[@]}"; do
  awk -F'\t' -v v="$v" '$1 == v && $2 != "save" { print $4 }' "$tsv" | sort -n |
    awk -v v="$v" '{ a[NR] = $1 } END { if (NR) printf "%-6s gate runs %d, median wall %.1f s\n", v, NR, (NR % 2 ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2) }'
done

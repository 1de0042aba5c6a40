#!/usr/bin/env bash
# False alarms and detection of the CI gate on fast routes (issue 19). A benchmark, not a test.
#
# The workload: examples/bookshop grown tenfold (scripts/gate-bookshop/grow.sql as data/90_grow.sql:
# 20,000 customers, about 60,000 orders, 150,000 order lines, 80,000 reviews), five more routes
# (scripts/gate-bookshop/routes/: ten in all, most under 0.2 ms) and five indexes
# (scripts/gate-bookshop/indexes.sql appended to schema.sql). One baseline of it, then:
#
#   aa      N_AA gates of the unchanged workload (default 20); for the second half another
#           indexlab process (bench of the same workload, in a loop) runs alongside.
#           Every exit 1 is a false alarm.
#   detect  N gates (default 10) of the workload without order_items (customer_id, order_no),
#           which customer_orders and customer_delete need: each must exit 1 naming
#           customer_orders and the Seq Scan on order_items.
#   unused  N gates without customers (created_at), which no route uses: each must exit 0.
#   all     the three (default).
#
# Every process gets its own temp folder, so JMH's machine-wide lock (one run per machine) does
# not queue the gate behind the process alongside it, nor behind other JMH runs on the machine.
# Every run appends a line to $OUT/trials.tsv (trial, run, exit, seconds, load average before and
# after, alongside yes/no, verdict); summaries and JUnit reports stay in $OUT.
#
# Usage: scripts/gate-bookshop-trials.sh [aa|detect|unused|all]
#        env: N_AA=20 N=10 OUT=target/gate-bookshop GATE_ARGS="..."
#        (N_AA=0 with "all": one baseline, then the detection and unused gates only)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
root="$PWD"

MODE="${1:-all}"
N_AA="${N_AA:-20}"
N="${N:-10}"
OUT="${OUT:-target/gate-bookshop}"
GATE_ARGS="${GATE_ARGS:-}"
case "$MODE" in aa|detect|unused|all) ;; *) echo "usage: $0 [aa|detect|unused|all]" >&2; exit 2 ;; esac

./indexlab --version >/dev/null   # builds target/indexlab.jar when stale
mkdir -p "$OUT"
OUT="$(cd "$OUT" && pwd)"
jar="$OUT/indexlab.jar"           # a copy: rebuilding the project mid-trial changes nothing
cp "$root/target/indexlab.jar" "$jar"
tsv="$OUT/trials.tsv"
[[ -f "$tsv" ]] || printf 'trial\trun\texit\tseconds\tload_before\tload_after\talongside\tverdict\n' >"$tsv"
load() { cut -d' ' -f1 /proc/loadavg; }

# The three workloads: full (every index), minus-needed, minus-unused.
w="$OUT/workloads"
rm -rf "$w"
mkdir -p "$w"
cp -R examples/bookshop "$w/full"
cp scripts/gate-bookshop/grow.sql "$w/full/data/90_grow.sql"
cp scripts/gate-bookshop/routes/*.sql "$w/full/"
rm -rf "$w/full/candidates"   # the gate measures routes; the example's candidate is not needed
cat scripts/gate-bookshop/indexes.sql >>"$w/full/schema.sql"
cp -R "$w/full" "$w/minus-needed"
grep -v -- '-- needed$' "$w/full/schema.sql" >"$w/minus-needed/schema.sql"
cp -R "$w/full" "$w/minus-unused"
grep -v -- '-- unused$' "$w/full/schema.sql" >"$w/minus-unused/schema.sql"

# java with a temp folder of its own (JMH's lock file lives there).
java_own_tmp() {
  local tmp="$1"
  shift
  mkdir -p "$tmp"
  java -Djava.io.tmpdir="$tmp" -jar "$jar" "$@"
}

alongside_pid=""
start_alongside() {
  touch "$OUT/alongside.on"
  (
    while [[ -f "$OUT/alongside.on" ]]; do
      java_own_tmp "$OUT/tmp-alongside" bench --workload "$w/full" --profile quick -q \
        --results "$OUT/alongside-results" >/dev/null 2>&1 &
      echo $! >"$OUT/alongside.pid"
      wait $! || true
    done
  ) &
  alongside_pid=$!
  sleep 10   # let it start its server and its first JMH run
}
stop_alongside() {
  [[ -n "$alongside_pid" ]] || return 0
  rm -f "$OUT/alongside.on"
  [[ -f "$OUT/alongside.pid" ]] && kill "$(cat "$OUT/alongside.pid")" 2>/dev/null || true
  wait "$alongside_pid" 2>/dev/null || true
  alongside_pid=""
}
trap stop_alongside EXIT

# run TRIAL RUN ALONGSIDE ARGS...: one indexlab invocation, timed and logged.
run() {
  local trial="$1" i="$2" along="$3"
  shift 3
  local before after start end code verdict seconds
  before="$(load)"
  start="$(date +%s.%N)"
  set +e
  java_own_tmp "$OUT/tmp-gate" "$@" -q >"$OUT/$trial-$i.out" 2>"$OUT/$trial-$i.err"
  code=$?
  set -e
  end="$(date +%s.%N)"
  after="$(load)"
  verdict="$(tail -n 1 "$OUT/$trial-$i.out" 2>/dev/null || true)"
  [[ -n "$verdict" ]] || verdict="$(tail -n 1 "$OUT/$trial-$i.err")"
  seconds="$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.1f", b - a }')"
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$trial" "$i" "$code" "$seconds" "$before" "$after" \
    "$along" "$verdict" >>"$tsv"
  printf '%-8s %2s exit %s %6s s load %s→%s alongside %-3s %s\n' "$trial" "$i" "$code" \
    "$seconds" "$before" "$after" "$along" "$verdict"
}

gate() {
  local trial="$1" i="$2" along="$3" workload="$4"
  # shellcheck disable=SC2086
  run "$trial" "$i" "$along" gate --baseline "$OUT/baseline.json" --workload "$workload" \
    --junit "$OUT/$trial-$i.xml" --summary "$OUT/$trial-$i.md" $GATE_ARGS
}

run save 0 no baseline save "$OUT/baseline.json" --workload "$w/full"

if [[ "$MODE" == aa || "$MODE" == all ]]; then
  half=$(((N_AA + 1) / 2))
  for i in $(seq 1 "$N_AA"); do
    if ((i == half + 1)); then start_alongside; fi
    along=no
    ((i > half)) && along=yes
    gate aa "$i" "$along" "$w/full"
  done
  stop_alongside
fi
if [[ "$MODE" == detect || "$MODE" == all ]]; then
  for i in $(seq 1 "$N"); do gate detect "$i" no "$w/minus-needed"; done
fi
if [[ "$MODE" == unused || "$MODE" == all ]]; then
  for i in $(seq 1 "$N"); do gate unused "$i" no "$w/minus-unused"; done
fi

echo
echo "== summary ($tsv)"
awk -F'\t' '
  NR == 1 || $1 == "save" { next }
  {
    k = $1 ($1 == "aa" ? " alongside=" $7 : "")
    n[k]++; t[k] += $4
    if ($3 == 1) fail[k]++
    if ($3 == 2) infra[k]++
    if ($3 == 1 && $8 ~ /customer_orders: / && $8 ~ /Seq Scan on order_items/) named[k]++
    if (lmin[k] == "" || $5 < lmin[k]) lmin[k] = $5
    if ($5 > lmax[k]) lmax[k] = $5
    if ($6 > lmax[k]) lmax[k] = $6
  }
  END {
    for (k in n) {
      printf "%-18s runs %d  exit1 %d  exit2 %d  named customer_orders+seq scan %d  mean wall %.0f s  load %s-%s\n",
        k, n[k], fail[k], infra[k], named[k], t[k] / n[k], lmin[k], lmax[k]
    }
  }' "$tsv"

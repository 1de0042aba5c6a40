#!/usr/bin/env bash
# Quality trials of the CI gate (issue 7). A benchmark, not a test: it takes 40+ minutes.
#
#   aa      A/A: save a baseline of the bundled workload (queries/), then gate the unchanged
#           workload against it N times. Every exit 1 is a false alarm.
#   detect  Detection: save a baseline of the optimized SongStackify (queries/ plus the accepted
#           indexes as migrations), then gate the same minus song_history(user_id) N times.
#           Each run must exit 1 and name users_delete and the Seq Scan on song_history.
#   ab      The same two questions for the interleaved A/B gate, N_AB times each:
#           --base queries --head queries (A/A) and --base optimized --head minus (detection).
#   all     aa and detect (default). The wall time of every gate run is recorded: the target is
#           under 2 minutes for one whole gate run at scale 1 on 2 cores.
#
# Every run appends a line to $OUT/trials.tsv (trial, run, exit, seconds, load averages before
# and after, verdict); each run's markdown summary and JUnit report stay in $OUT.
#
# Usage: scripts/gate-trials.sh [aa|detect|ab|all]
#        env: N=10 N_AB=3 SCALE=1 SEED=42 OUT=target/gate-trials
#             GATE_ARGS="..." (extra options for every gate run, e.g. --threshold 30%)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
root="$PWD"

MODE="${1:-all}"
N="${N:-10}"
N_AB="${N_AB:-3}"
SCALE="${SCALE:-1}"
SEED="${SEED:-42}"
OUT="${OUT:-target/gate-trials}"
GATE_ARGS="${GATE_ARGS:-}"

case "$MODE" in aa|detect|ab|all) ;; *) echo "usage: $0 [aa|detect|ab|all]" >&2; exit 2 ;; esac

./indexlab --version >/dev/null   # builds target/indexlab.jar when stale
mkdir -p "$OUT"
OUT="$(cd "$OUT" && pwd)"
jar="$OUT/indexlab.jar"            # a copy: rebuilding the project mid-trial changes nothing
cp "$root/target/indexlab.jar" "$jar"
tsv="$OUT/trials.tsv"
[[ -f "$tsv" ]] || printf 'trial\trun\texit\tseconds\tload_before\tload_after\tverdict\n' >"$tsv"

load() { cut -d' ' -f1 /proc/loadavg; }

# The optimized workload: the bundled one plus the accepted indexes, the one the trial drops
# in a migration of its own, so that "minus" is the same workload without that migration.
workloads="$OUT/workloads"
rm -rf "$workloads"
mkdir -p "$workloads"
cp -R queries "$workloads/minus-user-id"
cat >"$workloads/minus-user-id/schema/V2__accepted_indexes.sql" <<'SQL'
-- The indexes the team accepted (seed-performance write-up), but song_history(user_id).
CREATE INDEX song_history_song_id_index ON song_history (song_id);
CREATE INDEX links_song_id_index ON links (song_id);
CREATE INDEX playlist_songs_song_id_index ON playlist_songs (song_id);
CREATE INDEX users_playlist_position_user_id_index ON users_playlist_position (user_id);
CREATE INDEX users_playlist_position_playlist_song_position_index
    ON users_playlist_position (playlist_song_position);
SQL
cp -R "$workloads/minus-user-id" "$workloads/optimized"
cat >"$workloads/optimized/schema/V3__song_history_user_id.sql" <<'SQL'
CREATE INDEX song_history_user_id_index ON song_history (user_id);
SQL

# run TRIAL RUN ARGS...: one indexlab invocation, timed and logged; prints its verdict line.
run() {
  local trial="$1" i="$2"
  shift 2
  local before after start end code verdict
  before="$(load)"
  start="$(date +%s.%N)"
  set +e
  java -jar "$jar" "$@" -q >"$OUT/$trial-$i.out" 2>"$OUT/$trial-$i.err"
  code=$?
  set -e
  end="$(date +%s.%N)"
  after="$(load)"
  verdict="$(tail -n 1 "$OUT/$trial-$i.out" 2>/dev/null || true)"
  [[ -n "$verdict" ]] || verdict="$(tail -n 1 "$OUT/$trial-$i.err")"
  local seconds
  seconds="$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.1f", b - a }')"
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$trial" "$i" "$code" \
    "$seconds" "$before" "$after" "$verdict" >>"$tsv"
  printf '%-14s %2s exit %s  %6s s  load %s→%s  %s\n' "$trial" "$i" "$code" \
    "$seconds" "$before" "$after" "$verdict"
}

save() {
  local name="$1" workload="$2"
  run "save-$name" 0 baseline save "$OUT/$name-baseline.json" \
    --workload "$workload" --scale "$SCALE" --seed "$SEED"
}

gate_runs() {
  local trial="$1" baseline="$2" workload="$3" i
  for i in $(seq 1 "$N"); do
    # shellcheck disable=SC2086
    run "$trial" "$i" gate --baseline "$baseline" --workload "$workload" \
      --junit "$OUT/$trial-$i.xml" --summary "$OUT/$trial-$i.md" $GATE_ARGS
  done
}

ab_runs() {
  local trial="$1" base="$2" head="$3" i
  for i in $(seq 1 "$N_AB"); do
    # shellcheck disable=SC2086
    run "$trial" "$i" gate --base "$base" --head "$head" --workload "$base" \
      --scale "$SCALE" --seed "$SEED" \
      --junit "$OUT/$trial-$i.xml" --summary "$OUT/$trial-$i.md" $GATE_ARGS
  done
}

if [[ "$MODE" == aa || "$MODE" == all ]]; then
  save aa queries
  gate_runs aa "$OUT/aa-baseline.json" queries
fi
if [[ "$MODE" == detect || "$MODE" == all ]]; then
  save detect "$workloads/optimized"
  gate_runs detect "$OUT/detect-baseline.json" "$workloads/minus-user-id"
fi
if [[ "$MODE" == ab ]]; then
  ab_runs ab-aa queries queries
  ab_runs ab-detect "$workloads/optimized" "$workloads/minus-user-id"
fi

echo
echo "== summary ($tsv)"
awk -F'\t' '
  NR == 1 { next }
  $1 ~ /^save-/ { next }
  {
    n[$1]++; t[$1] += $4
    if ($4 > max[$1]) max[$1] = $4
    if (min[$1] == "" || $4 < min[$1]) min[$1] = $4
    if ($3 == 1) fail[$1]++
    if ($3 == 2) infra[$1]++
    if ($3 == 1 && $7 ~ /users_delete/ && $7 ~ /Seq Scan on song_history/) named[$1]++
    if ($5 > lmax[$1]) lmax[$1] = $5
    if ($6 > lmax[$1]) lmax[$1] = $6
  }
  END {
    for (k in n) {
      printf "%-10s runs %d  exit1 %d  exit2 %d  named users_delete+seq scan %d  wall min/mean/max %.0f/%.0f/%.0f s  max load %s\n",
        k, n[k], fail[k], infra[k], named[k], min[k], t[k] / n[k], max[k], lmax[k]
    }
  }' "$tsv"

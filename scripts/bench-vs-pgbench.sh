#!/usr/bin/env bash
# Honesty benchmark (issue 3): does `indexlab bench` measure what pgbench measures?
#
# One embedded server, seeded once (`indexlab serve`). For two read-only routes, the same
# statements with the same parameter sets (`indexlab bench --export-pgbench`) run through
#   pgbench -n -M prepared -c 1 -T $SECONDS_PER_RUN -f ROUTE.pgbench.sql
# and through `indexlab bench` (JMH, one thread, $SECONDS_PER_RUN s measured), alternating,
# $RUNS times. Prints each run's mean latencies and their ratio, then the medians; target: the
# median of the runs' ratios within 10% of 1 (pairing runs measured back to back cancels most
# of the drift of a machine shared with other jobs).
#
#   song_get_library   GET /song/get_library/ as bundled
#   song_play_select   the first statement of song_play.sql (play song's select) alone
#   select_one         (only when named in ROUTES) SELECT :n: the fixed cost of each client
#
# Usage: scripts/bench-vs-pgbench.sh            (env: RUNS=3 SECONDS_PER_RUN=20 SCALE=1 SEED=42
#                                                      PGBENCH=/usr/lib/postgresql/15/bin/pgbench)
#        NICE=-10 scripts/bench-vs-pgbench.sh  (runs the server, pgbench and indexlab at that
#                                               niceness, root only: steadier on a busy machine)
#        DB_URL=jdbc:postgresql://host:port/db DB_USER=me scripts/bench-vs-pgbench.sh
#                                               (an already seeded server instead of `serve`;
#                                                a password, if any, comes from PGPASSWORD)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
root="$PWD"

RUNS="${RUNS:-3}"
SECONDS_PER_RUN="${SECONDS_PER_RUN:-20}"
SCALE="${SCALE:-1}"
SEED="${SEED:-42}"
SETS="${SETS:-1000}"
PGBENCH="${PGBENCH:-/usr/lib/postgresql/15/bin/pgbench}"
prefix=()
if [[ -n "${NICE:-}" ]]; then prefix=(nice -n "$NICE"); fi
read -r -a ROUTES <<<"${ROUTES:-song_get_library song_play_select}"

[[ -x "$PGBENCH" ]] || { echo "pgbench not found at $PGBENCH (set PGBENCH)" >&2; exit 2; }
command -v python3 >/dev/null || { echo "python3 is needed (to take JMH's lock around pgbench)" >&2; exit 2; }
./indexlab --version >/dev/null   # builds target/indexlab.jar when stale
jar="$root/target/indexlab.jar"

work="$(mktemp -d -t indexlab-vs-pgbench.XXXXXX)"
serve_pid=""
cleanup() {
  local status=$?
  if (( status != 0 )) && [[ -s "$work/serve.err" ]]; then
    echo "indexlab serve said:" >&2; tail -5 "$work/serve.err" >&2
  fi
  exec 3>&- 2>/dev/null || true          # end of input: serve stops the server and cleans up
  if [[ -n "$serve_pid" ]]; then
    for _ in $(seq 1 60); do kill -0 "$serve_pid" 2>/dev/null || break; sleep 1; done
    kill "$serve_pid" 2>/dev/null || true
    wait "$serve_pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT
trap 'echo "interrupted by a signal" >&2; exit 130' INT TERM HUP

# 1. A seeded server that lives until this script closes fd 3 (or the one DB_URL names).
if [[ -n "${DB_URL:-}" ]]; then
  url="$DB_URL"; user="${DB_USER:-${PGUSER:-$USER}}"
  if [[ "$url" =~ ^jdbc:postgresql://([^:/]+)(:([0-9]+))?/([^?]+) ]]; then
    host="${BASH_REMATCH[1]}"; port="${BASH_REMATCH[3]:-5432}"; database="${BASH_REMATCH[4]}"
  else
    echo "DB_URL must look like jdbc:postgresql://host:port/db" >&2; exit 2
  fi
else
mkfifo "$work/serve.in"
"${prefix[@]}" java -jar "$jar" serve --scale "$SCALE" --seed "$SEED" <"$work/serve.in" >"$work/serve.out" 2>"$work/serve.err" &
serve_pid=$!
exec 3>"$work/serve.in"
echo "seeding scale $SCALE (seed $SEED) ..." >&2
until grep -q '^ready$' "$work/serve.out" 2>/dev/null; do
  if ! kill -0 "$serve_pid" 2>/dev/null; then
    echo "indexlab serve failed:" >&2; cat "$work/serve.err" >&2; exit 1
  fi
  sleep 1
done
value() { sed -n "s/^$1=//p" "$work/serve.out"; }
url="$(value jdbc_url)"; host="$(value host)"; port="$(value port)"
database="$(value database)"; user="$(value user)"
fi
echo "server: $url (user $user)" >&2

# 2. A workload of the two read-only routes, taken from the bundled files.
mkdir -p "$work/workload"
ln -s "$root/queries/schema" "$work/workload/schema"
cp "$root/queries/workload.properties" "$work/workload/"
cp "$root/queries/song_get_library.sql" "$work/workload/"
# (its @returns is dropped: the check adds nothing here and would keep pgbench from pipelining)
awk '/^-- @statement/ { n++ } n < 2 { print }' "$root/queries/song_play.sql" \
  | sed -e 's/^-- @route .*/-- @route GET \/song\/{song_id}\/play (No Ad): its select alone/' \
        -e '/^-- @returns/d' \
  >"$work/workload/song_play_select.sql"

printf '%s\n' '-- @route calibration: one round trip' '-- @param n int: 1..1000' \
  '-- @statement select a number' 'SELECT :n AS n;' >"$work/workload/select_one.sql"

# 3. pgbench scripts over the very parameter sets indexlab draws (same seed, same pool size).
java -jar "$jar" bench --db "$url" --user "$user" --workload "$work/workload" --seed "$SEED" \
  --parameter-sets "$SETS" --routes "$(IFS=,; echo "${ROUTES[*]}")" \
  --export-pgbench "$work/pgbench" >&2

# JMH lets one benchmark run per machine at a time (a lock on $TMPDIR/jmh.lock) and `indexlab
# bench` waits for it; pgbench takes the same lock here, so neither side measures while another
# job's JMH run loads the machine and the other side does not.
with_jmh_lock() {
  python3 - "$@" <<'PY'
import fcntl, os, subprocess, sys, tempfile
with open(os.path.join(os.environ.get("TMPDIR", tempfile.gettempdir()), "jmh.lock"), "a") as f:
    fcntl.lockf(f, fcntl.LOCK_EX)  # the same POSIX record lock Java's FileChannel.tryLock takes
    sys.exit(subprocess.call(sys.argv[1:]))
PY
}
pgbench_ms() {
  if ! with_jmh_lock "${prefix[@]}" "$PGBENCH" -n -M prepared -c 1 -T "$2" -f "$work/pgbench/$1.pgbench.sql" \
    -h "$host" -p "$port" -U "$user" "$database" >"$work/pgbench.out" 2>&1; then
    echo "pgbench failed on $1:" >&2; cat "$work/pgbench.out" >&2; return 1
  fi
  sed -n 's/^latency average = \([0-9.]*\) ms$/\1/p' "$work/pgbench.out"
}
indexlab_ms() {
  local iterations=$(( $2 / 2 ))
  if ! "${prefix[@]}" java -jar "$jar" bench --db "$url" --user "$user" --workload "$work/workload" \
    --seed "$SEED" --parameter-sets "$SETS" --routes "$1" --profile standard \
    --warmup-iterations 2 --iterations "$iterations" --iteration-time 2 \
    --results "$work/results" --scenario "$1" >"$work/bench.out" 2>"$work/bench.err"; then
    echo "indexlab bench failed on $1:" >&2; cat "$work/bench.out" "$work/bench.err" >&2; return 1
  fi
  awk -v r="$1" '$1 == r { print $2 }' "$work/bench.out"
}

# 4. Warm both clients' paths once, then alternate the measured runs (pgbench first in odd
#    runs, indexlab first in even runs, so a drift in the machine's load favours neither).
for r in "${ROUTES[@]}"; do pgbench_ms "$r" 5 >/dev/null; done
declare -A pg ix pair
for run in $(seq 1 "$RUNS"); do
  for r in "${ROUTES[@]}"; do
    if (( run % 2 )); then
      p="$(pgbench_ms "$r" "$SECONDS_PER_RUN")"; i="$(indexlab_ms "$r" "$SECONDS_PER_RUN")"
    else
      i="$(indexlab_ms "$r" "$SECONDS_PER_RUN")"; p="$(pgbench_ms "$r" "$SECONDS_PER_RUN")"
    fi
    [[ -n "$p" && -n "$i" ]] || { echo "run $run $r: no figure (see $work)" >&2; cat "$work/bench.err" >&2; exit 1; }
    pg[$r]="${pg[$r]:-} $p"; ix[$r]="${ix[$r]:-} $i"
    pair[$r]="${pair[$r]:-} $(awk -v i="$i" -v p="$p" 'BEGIN { printf "%.4f", i / p }')"
    printf 'run %d  %-18s pgbench %8.3f ms   indexlab %8.3f ms   ratio %6.3f\n' \
      "$run" "$r" "$p" "$i" "$(awk -v i="$i" -v p="$p" 'BEGIN { print i / p }')"
  done
done

median() { tr ' ' '\n' | grep -v '^$' | sort -g | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }
echo
printf '%-18s %12s %12s %16s %18s\n' route "pgbench ms" "indexlab ms" "ratio of medians" "median of ratios"
status=0
for r in "${ROUTES[@]}"; do
  p="$(echo "${pg[$r]}" | median)"; i="$(echo "${ix[$r]}" | median)"
  ratio="$(awk -v i="$i" -v p="$p" 'BEGIN { printf "%.3f", i / p }')"
  paired="$(echo "${pair[$r]}" | median)"
  printf '%-18s %12.3f %12.3f %16s %18.3f\n' "$r" "$p" "$i" "$ratio" "$paired"
  if [[ "$r" != select_one ]]; then   # the calibration route has no target
    awk -v x="$paired" 'BEGIN { exit !(x >= 0.9 && x <= 1.1) }' || status=1
  fi
done
echo "medians of $RUNS runs, $SECONDS_PER_RUN s measured each, scale $SCALE;" \
  "target: median of the runs' ratios (indexlab / pgbench, measured back to back) in 0.90..1.10"
echo "machine load when done: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
exit "$status"

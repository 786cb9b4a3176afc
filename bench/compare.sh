#!/usr/bin/env bash
# A/B of two builds of the server over HTTP (issue 8's method for "what each optimisation bought"): the two alternate,
# each run on a fresh server warmed by an unmeasured pass, and the medians over the rounds are compared as ratios.
# On a shared, noisy machine only figures measured side by side like this say whether a change helped.
#
#   bench/compare.sh BASE [NEW]        BASE and NEW are git revisions; NEW defaults to the working tree as it is
#   bench/compare.sh --rounds 5 --workers 16 --workloads contended HEAD~1
#
# Options: --rounds N (3), --workers LIST (16,64), --workloads LIST (uncontended,contended), --duration S (5).
# AkkaLocks's native API only, no anchors; the durable journal as shipped. Not a test: never part of ./test.sh.
set -euo pipefail
cd "$(dirname "$0")/.."

rounds=3
workers=16,64
workloads=uncontended,contended
duration=5
revisions=()
while [[ $# -gt 0 ]]; do
  case "$1" in
    --rounds) rounds="$2"; shift 2 ;;
    --workers) workers="$2"; shift 2 ;;
    --workloads) workloads="$2"; shift 2 ;;
    --duration) duration="$2"; shift 2 ;;
    -h|--help) sed -n '2,10p' "$0"; exit 0 ;;
    -*) echo "unknown option: $1" >&2; exit 2 ;;
    *) revisions+=("$1"); shift ;;
  esac
done
if [[ ${#revisions[@]} -lt 1 || ${#revisions[@]} -gt 2 ]]; then
  echo "usage: bench/compare.sh [options] BASE [NEW]" >&2
  exit 2
fi

port=15097
if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
  echo "port $port on 127.0.0.1 is in use; stop what listens there first" >&2
  exit 1
fi

tmp="$(mktemp -d -t akkalocks-compare.XXXXXX)"
server_pid=""
stop_server() {
  [[ -n "$server_pid" ]] || return 0
  kill "$server_pid" 2>/dev/null || true
  for _ in $(seq 1 100); do kill -0 "$server_pid" 2>/dev/null || break; sleep 0.1; done
  kill -9 "$server_pid" 2>/dev/null || true
  server_pid=""
}
cleanup() {
  stop_server
  for tree in "$tmp"/tree-*; do
    [[ -d "$tree" ]] && git worktree remove --force "$tree" >/dev/null 2>&1 || true
  done
  git worktree prune
  rm -rf "$tmp"
}
trap cleanup EXIT

# checkout NAME REVISION: a build folder for a revision (a worktree of it), or the working tree for "working".
checkout() {
  if [[ "$2" == working ]]; then echo "$PWD"; return; fi
  git worktree add --detach "$tmp/tree-$1" "$2" >/dev/null 2>&1
  echo "$tmp/tree-$1"
}
base_tree="$(checkout base "${revisions[0]}")"
new_tree="$(checkout new "${revisions[1]:-working}")"
for tree in "$base_tree" "$new_tree"; do
  dotnet build "$tree/src/AkkaLocks.Server" -c Release -nologo -v quiet >/dev/null
done
dotnet build bench/AkkaLocks.LoadGen -c Release -nologo -v quiet >/dev/null
loadgen=(dotnet bench/AkkaLocks.LoadGen/bin/Release/net10.0/AkkaLocks.LoadGen.dll --akkalocks "http://127.0.0.1:$port")

# measure VARIANT TREE ROUND: one fresh server, warmed, then the measured scenarios appended to results.txt.
measure() {
  local data="$tmp/data-$1-$3"
  mkdir -p "$data"
  AkkaLocks__DataDirectory="$data" dotnet "$2/src/AkkaLocks.Server/bin/Release/net10.0/AkkaLocks.Server.dll" \
    --urls "http://127.0.0.1:$port" >"$tmp/server-$1-$3.log" 2>&1 &
  server_pid=$!
  for _ in $(seq 1 120); do curl -fsS "http://127.0.0.1:$port/ping" >/dev/null 2>&1 && break; sleep 0.5; done
  # The unmeasured pass: the JIT's tiered recompilation finished and every measured key's actor up, as in bench.sh.
  "${loadgen[@]}" --workers 64 --workloads uncontended,contended --duration 3 --warmup 1 >/dev/null
  "${loadgen[@]}" --workers "$workers" --workloads "$workloads" --duration "$duration" --warmup 1 \
    | awk -v variant="$1" -v round="$3" '$3 == "akkalocks-native" { split($10, p, "/"); print variant, round, $1, $2, $4, p[2] }' \
    | tee -a "$tmp/results.txt"
  stop_server
}

echo "base: ${revisions[0]}, new: ${revisions[1]:-the working tree}; $rounds rounds, alternating (variant round workload workers cycles/s acquire-p99-ms)"
for round in $(seq 1 "$rounds"); do
  # Alternate which goes first, so neither always runs on the machine the other just warmed (or heated).
  if (( round % 2 )); then order=(base new); else order=(new base); fi
  for variant in "${order[@]}"; do
    if [[ "$variant" == base ]]; then tree="$base_tree"; else tree="$new_tree"; fi
    measure "$variant" "$tree" "$round"
  done
done

echo
echo "medians over $rounds rounds; ratio = new / base (cycles/s: above 1 is better; p99: below 1 is better)"
printf '%-12s %7s %12s %12s %7s %12s %12s %7s\n' workload workers "base c/s" "new c/s" ratio "base p99" "new p99" ratio
median() { sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
for scenario in $(awk '{ print $3 "/" $4 }' "$tmp/results.txt" | sort -u); do
  workload="${scenario%/*}"; count="${scenario#*/}"
  pick() { awk -v v="$1" -v w="$workload" -v c="$count" -v f="$2" '$1 == v && $3 == w && $4 == c { print $f }' "$tmp/results.txt" | median; }
  base_cycles="$(pick base 5)"; new_cycles="$(pick new 5)"; base_p99="$(pick base 6)"; new_p99="$(pick new 6)"
  awk -v w="$workload" -v c="$count" -v bc="$base_cycles" -v nc="$new_cycles" -v bp="$base_p99" -v np="$new_p99" \
    'BEGIN { printf "%-12s %7s %12.0f %12.0f %7.2f %12.2f %12.2f %7.2f\n", w, c, bc, nc, (bc > 0 ? nc / bc : 0), bp, np, (bp > 0 ? np / bp : 0) }'
done

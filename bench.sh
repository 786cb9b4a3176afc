#!/usr/bin/env bash
# Benchmark harness (issue 8): AkkaLocks against Redis (with and without AOF) and etcd 3.4, all on loopback.
# Not a test: never part of ./test.sh. Writes docs/benchmarks.md and appends JSON lines to bench/results/.
#
#   ./bench.sh                 1, 16 and 64 workers, 5 s per scenario, then the in-process engine benchmark and
#                              the memory run over 100,000 distinct keys (--memory-keys 1000000 for the issue's
#                              million: about 4 minutes more on a 2-core box, 12 in all, on 2026-12-07)
#   ./bench.sh --quick         16 and 64 workers, 2 s per scenario, memory run of 20,000 keys
#   ./bench.sh --duration 3 --workers 16 --workloads contended
#   ./bench.sh --no-engine     the HTTP comparison only
#
# Redis and etcd come from Debian's packages (installed here when missing, which needs root). Every server is
# started on ports of its own with its data in a temp folder, and stopped by its process id on exit.
set -euo pipefail
cd "$(dirname "$0")"

duration=5
warmup=1
workers=1,16,64
workloads=uncontended,contended
build=1
engine=1
memory_keys=100000
while [[ $# -gt 0 ]]; do
  case "$1" in
    --quick) duration=2; warmup=0.5; workers=16,64; memory_keys=20000; shift ;;
    --duration) duration="$2"; shift 2 ;;
    --warmup) warmup="$2"; shift 2 ;;
    --workers) workers="$2"; shift 2 ;;
    --workloads) workloads="$2"; shift 2 ;;
    --no-build) build=0; shift ;;
    --no-engine) engine=0; shift ;;
    --memory-keys) memory_keys="$2"; shift 2 ;;
    -h|--help) sed -n '2,15p' "$0"; exit 0 ;;
    *) echo "unknown option: $1" >&2; exit 2 ;;
  esac
done

# Ports of the harness's own, away from the services' defaults, so a running Redis or etcd is never touched.
akkalocks_port=15099
redis_port=16379
redis_aof_port=16380
etcd_port=12379
etcd_peer_port=12380

# A port already answering would be measured instead of our server: refuse rather than guess.
for port in "$akkalocks_port" "$redis_port" "$redis_aof_port" "$etcd_port" "$etcd_peer_port"; do
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
    echo "port $port on 127.0.0.1 is in use; stop what listens there first" >&2
    exit 1
  fi
done

tmp="$(mktemp -d -t akkalocks-bench.XXXXXX)"
pids=()
cleanup() {
  for pid in "${pids[@]}"; do
    kill "$pid" 2>/dev/null || true
  done
  for pid in "${pids[@]}"; do
    # Bounded: a server that ignores SIGTERM for 10 s gets SIGKILL.
    for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$pid" 2>/dev/null || true
  done
  rm -rf "$tmp"
}
trap cleanup EXIT

if ! command -v redis-server >/dev/null || ! command -v etcd >/dev/null; then
  if [[ "$(id -u)" != 0 ]]; then
    echo "redis-server and etcd-server are missing; run as root or: apt-get install -y redis-server etcd-server" >&2
    exit 1
  fi
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq redis-server etcd-server >/dev/null
fi

if [[ "$build" == 1 ]]; then
  dotnet build src/AkkaLocks.Server -c Release -nologo -v quiet
  dotnet build bench/AkkaLocks.LoadGen -c Release -nologo -v quiet
  dotnet build bench/AkkaLocks.Bench.Engine -c Release -nologo -v quiet
fi

# wait_for NAME COMMAND...: polls for up to 60 s.
wait_for() {
  local name="$1"; shift
  for _ in $(seq 1 120); do
    if "$@" >/dev/null 2>&1; then return 0; fi
    sleep 0.5
  done
  echo "$name did not come up; its log is in $tmp" >&2
  cat "$tmp/$name.log" >&2 || true
  exit 1
}

mkdir -p "$tmp/redis" "$tmp/redis-aof" "$tmp/etcd" "$tmp/akkalocks"
redis-server --port "$redis_port" --bind 127.0.0.1 --dir "$tmp/redis" --save "" --appendonly no \
  >"$tmp/redis.log" 2>&1 &
pids+=($!)
redis-server --port "$redis_aof_port" --bind 127.0.0.1 --dir "$tmp/redis-aof" --save "" --appendonly yes --appendfsync everysec \
  >"$tmp/redis-aof.log" 2>&1 &
pids+=($!)
etcd --name bench --data-dir "$tmp/etcd" \
  --listen-client-urls "http://127.0.0.1:$etcd_port" --advertise-client-urls "http://127.0.0.1:$etcd_port" \
  --listen-peer-urls "http://127.0.0.1:$etcd_peer_port" --initial-advertise-peer-urls "http://127.0.0.1:$etcd_peer_port" \
  --initial-cluster "bench=http://127.0.0.1:$etcd_peer_port" >"$tmp/etcd.log" 2>&1 &
pids+=($!)
# The Release build with its durable SQLite journal (the default provider) in the temp folder.
AkkaLocks__DataDirectory="$tmp/akkalocks" dotnet src/AkkaLocks.Server/bin/Release/net10.0/AkkaLocks.Server.dll \
  --urls "http://127.0.0.1:$akkalocks_port" >"$tmp/akkalocks.log" 2>&1 &
pids+=($!)

wait_for redis redis-cli -p "$redis_port" ping
wait_for redis-aof redis-cli -p "$redis_aof_port" ping
wait_for etcd curl -fsS "http://127.0.0.1:$etcd_port/health"
wait_for akkalocks curl -fsS "http://127.0.0.1:$akkalocks_port/ping"

# One unmeasured pass against AkkaLocks first, as the engine benchmark does: a fresh .NET server spends its first
# half-minute of load recompiling its hot methods (tiered JIT, about 25,000 of them, 10-18 % of its CPU), which Redis
# and etcd, native code, never pay. The measured scenarios then see the code a long-running server has.
dotnet bench/AkkaLocks.LoadGen/bin/Release/net10.0/AkkaLocks.LoadGen.dll \
  --akkalocks "http://127.0.0.1:$akkalocks_port" --workers 64 --workloads uncontended,contended --duration 5 --warmup 1 \
  >"$tmp/warm-up.log" 2>&1

mkdir -p bench/results docs
dotnet bench/AkkaLocks.LoadGen/bin/Release/net10.0/AkkaLocks.LoadGen.dll \
  --akkalocks "http://127.0.0.1:$akkalocks_port" --http-ceiling \
  --redis "127.0.0.1:$redis_port" --redis-aof "127.0.0.1:$redis_aof_port" \
  --etcd "http://127.0.0.1:$etcd_port" \
  --workers "$workers" --workloads "$workloads" --duration "$duration" --warmup "$warmup" \
  --markdown docs/benchmarks.md --jsonl "bench/results/$(date -u +%Y%m%dT%H%M%SZ).jsonl"

# The servers above are stopped first, so the engine benchmark has the machine (and the disk) to itself.
cleanup
pids=()
if [[ "$engine" == 1 ]]; then
  # In-process: acquire/release through the shard region, no HTTP; its section of docs/benchmarks.md is rewritten.
  dotnet bench/AkkaLocks.Bench.Engine/bin/Release/net10.0/AkkaLocks.Bench.Engine.dll \
    --workers 1,64,512 --workloads uncontended,own-key,contended --duration "$duration" --warmup "$warmup" \
    --memory-keys "$memory_keys" --data "$(mktemp -d -t akkalocks-engine-bench.XXXXXX)" --markdown docs/benchmarks.md
fi

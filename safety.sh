#!/usr/bin/env bash
# Long safety soak: every nemesis (kill -9 + restart; SIGSTOP/SIGCONT past the clients' timeout; clients hanging up
# mid-request and mid-wait; in a three-node cluster: node kills, node freezes, one node partitioned off) strikes for
# the given seconds while concurrent clients work, every operation recorded and checked (see docs/safety.md); then
# the expiry-accuracy measurement, 10,000 waiting requests over HTTP, and a cluster node frozen as a shard moves off it.
# Seconds per nemesis as the first argument (default 600). The short versions run inside ./test.sh.
set -euo pipefail
cd "$(dirname "$0")"
export AKKALOCKS_SAFETY_SECONDS="${1:-600}"
dotnet build AkkaLocks.sln -c Release -nologo -v quiet
dotnet test tests/AkkaLocks.EndToEnd.Tests -c Release --no-build --filter "Category=Safety|Category=Resources" --logger "console;verbosity=detailed" \
  | grep -E "nemesis:| isolated: |proxies:|server.s log|abandoned|expiry accuracy|waiters over HTTP|shard move freeze|violation|Passed!|Failed!"

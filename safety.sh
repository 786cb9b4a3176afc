#!/usr/bin/env bash
# Long safety soak: concurrent clients against a server killed with SIGKILL and restarted, every
# operation recorded and checked (see docs/safety.md). Seconds as the first argument (default 600).
# The short version (at least 20 s and 3 kills) runs inside ./test.sh.
set -euo pipefail
cd "$(dirname "$0")"
export AKKALOCKS_SAFETY_SECONDS="${1:-600}"
dotnet build AkkaLocks.sln -c Release -nologo -v quiet
dotnet test tests/AkkaLocks.EndToEnd.Tests -c Release --no-build --filter "Category=Safety" --logger "console;verbosity=detailed" \
  | grep -E "nemesis:|violation|Passed!|Failed!"

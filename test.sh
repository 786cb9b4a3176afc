#!/usr/bin/env bash
# Runs every AkkaLocks test: unit, actor (TestKit), HTTP (real server in-process) and end-to-end
# (real server processes). Installs what the tests need; the .NET 10 SDK must be on the machine.
set -euo pipefail
cd "$(dirname "$0")"

if ! command -v dotnet >/dev/null 2>&1; then
  echo "test.sh: the .NET 10 SDK (dotnet) is required: https://dotnet.microsoft.com/download" >&2
  exit 1
fi

configuration=Release
dotnet build AkkaLocks.sln -c "$configuration" -nologo -v quiet

log=$(mktemp)
trap 'rm -f "$log"' EXIT
status=0
dotnet test AkkaLocks.sln -c "$configuration" --no-build -nologo 2>&1 | tee "$log" || status=$?

# One closing line over all test projects.
awk '/(Passed|Failed)! +- +Failed: /{
       for (i = 1; i <= NF; i++) { if ($i == "Failed:") f += $(i+1); if ($i == "Passed:") p += $(i+1); if ($i == "Skipped:") s += $(i+1) }
     }
     END { gsub(",", "", p); printf "%d passed, %d failed, %d skipped\n", p, f, s }' "$log"
exit "$status"

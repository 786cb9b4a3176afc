#!/usr/bin/env bash
# Runs every AkkaLocks test: unit, actor (TestKit), HTTP (real server in-process) and end-to-end
# (real server processes, single nodes and clusters on a private PostgreSQL) and browser (headless chromium).
# Installs what the tests need (chromium, postgresql, via apt-get when run as root); the .NET 10 SDK must be on the machine.
set -euo pipefail
cd "$(dirname "$0")"

if ! command -v dotnet >/dev/null 2>&1; then
  echo "test.sh: the .NET 10 SDK (dotnet) is required: https://dotnet.microsoft.com/download" >&2
  exit 1
fi

# The dashboard tests drive Debian's chromium and the PostgreSQL/cluster tests run a private PostgreSQL 15;
# install what is missing when allowed to (root, as in CI), with one apt-get update for both.
packages=()
[ -x /usr/bin/chromium ] || packages+=(chromium)
[ -x /usr/lib/postgresql/15/bin/initdb ] || packages+=(postgresql)
if [ "${#packages[@]}" -gt 0 ] && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "test.sh: installing ${packages[*]} for the browser and PostgreSQL tests"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${packages[@]}" >/dev/null
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

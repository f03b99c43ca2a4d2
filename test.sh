#!/usr/bin/env bash
# Runs every test of the projects that build on this machine (AdminMfaWatchdog.Ci.slnf), after
# installing what the tests need that the machine lacks. Ends with one line: "tests: N passed, N failed".
set -euo pipefail
cd "$(dirname "$0")"

if ! command -v dotnet >/dev/null 2>&1; then
  echo "test.sh: the .NET 10 SDK is required (https://dotnet.microsoft.com/download)" >&2
  exit 2
fi
for installer in scripts/install-*.sh; do
  [ -f "$installer" ] && bash "$installer"
done

log=$(mktemp)
trap 'rm -f "$log"' EXIT
status=0
dotnet test AdminMfaWatchdog.Ci.slnf --nologo "$@" 2>&1 | tee "$log" || status=$?

# One closing line over all test assemblies, from the runner's per-assembly summaries.
awk '/(Passed|Failed)! +- +Failed:/ {
       gsub(",", ""); for (i = 1; i <= NF; i++) { if ($i == "Failed:") f += $(i+1); if ($i == "Passed:") p += $(i+1); if ($i == "Skipped:") s += $(i+1) }
     }
     END { printf "tests: %d passed, %d failed, %d skipped\n", p, f, s }' "$log"
if [ "$status" -ne 0 ]; then
  echo "test.sh: FAILED (exit $status): a build error or a failing test run; see the errors above" >&2
fi
exit "$status"

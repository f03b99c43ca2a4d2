#!/usr/bin/env bash
# Regenerates docs/sample-report.html: the demo tenant (samples/) scanned and rendered as the HTML report.
# Reproducible except for the scan id and the scan times in the page header, which are those of the run
# (the report shows the real scan; a faked id or clock would make the sample lie about what a scan prints).
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
output="$repo_root/docs/sample-report.html"

dotnet build "$repo_root/src/AdminMfaWatchdog.Cli" --nologo -v quiet >&2
# Run from an empty folder with the store and Graph settings cleared, so that an appsettings.json or the
# environment can neither point the scan at a live tenant nor write the demo's findings into a ledger.
workdir="$(mktemp -d)"
trap 'rm -rf "$workdir"' EXIT
status=0
(cd "$workdir" && env -u Storage__ConnectionString -u Storage__TableServiceUri -u Storage__QueueServiceUri \
  dotnet run --no-build --project "$repo_root/src/AdminMfaWatchdog.Cli" -- scan \
  --snapshot "$repo_root/samples/demo-tenant.json" --config "$repo_root/samples/demo-config.json" \
  --format html --output "$output") || status=$?

# Exit 1 means "findings", which the demo tenant has by design; anything else is a failure.
if [ "$status" -ne 0 ] && [ "$status" -ne 1 ]; then
  echo "make-sample-report.sh: the scan failed (exit $status)" >&2
  exit "$status"
fi

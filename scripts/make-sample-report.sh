#!/usr/bin/env bash
# Regenerates docs/sample-report.html: the demo tenant (samples/) scanned and rendered as the HTML report,
# with a short ledger history so the sample shows first-seen dates, resolved findings and the trend.
#
# The history is real but staged: a private, in-memory Azurite on a free loopback port records four
# scans run seconds apart, of two earlier states of the demo tenant made with jq and then of the demo
# tenant itself twice:
#   1. CA001 report-only and svc-scanner outside the exclusion group (more findings open),
#   2. CA001 enabled again, svc-scanner still outside,
#   3. and 4. the demo tenant as committed (svc-scanner back in: its finding resolves).
# The page says so at the top. Reproducible except for the scan ids and times, which are those of the
# run (the report shows real scans; a faked clock would make the sample lie about what a scan prints).
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
output="$repo_root/docs/sample-report.html"
ca001="eebb6992-d1bd-47f0-99e7-121cec7f6b9e"        # CA001 - Require MFA for administrators
exclusion_group="e88edd50-5042-4947-984d-bd487b982ff1" # CA-Exclude-ServiceAccounts
scanner="ac3e0b5b-c291-4709-8c1e-26038dabf68e"       # svc-scanner@contosopharma.example

bash "$repo_root/scripts/install-azurite.sh"
dotnet build "$repo_root/src/AdminMfaWatchdog.Cli" --nologo -v quiet >&2

workdir="$(mktemp -d)"
azurite_pid=""
cleanup() {
  [ -n "$azurite_pid" ] && kill "$azurite_pid" 2>/dev/null || true
  rm -rf "$workdir"
}
trap cleanup EXIT

# A free loopback port, so the demo's findings never land in an Azurite (or ledger) already running.
port="$(node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')"
"$repo_root/.tools/azurite/node_modules/.bin/azurite-table" --tableHost 127.0.0.1 --tablePort "$port" \
  --inMemoryPersistence --skipApiVersionCheck --silent --disableTelemetry >"$workdir/azurite.log" 2>&1 &
azurite_pid=$!
for _ in $(seq 1 100); do
  grep -q "successfully started" "$workdir/azurite.log" 2>/dev/null && break
  sleep 0.2
done
grep -q "successfully started" "$workdir/azurite.log" || { echo "make-sample-report.sh: Azurite did not start" >&2; cat "$workdir/azurite.log" >&2; exit 1; }
# Azurite's published development account (TableConnectionString.DevelopmentAccountKey): not a secret.
store="DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;TableEndpoint=http://127.0.0.1:$port/devstoreaccount1;"

tenant="$repo_root/samples/demo-tenant.json"
jq --arg p "$ca001" --arg g "$exclusion_group" --arg u "$scanner" '
  .conditionalAccessPolicies |= map(if .id == $p then .state = "enabledForReportingButNotEnforced" else . end)
  | .groups |= map(if .id == $g then .members |= map(select(.id != $u)) else . end)' "$tenant" >"$workdir/state1.json"
jq --arg g "$exclusion_group" --arg u "$scanner" '
  .groups |= map(if .id == $g then .members |= map(select(.id != $u)) else . end)' "$tenant" >"$workdir/state2.json"

# Run from an empty folder with the store and Graph settings cleared, so that an appsettings.json or the
# environment can neither point the scan at a live tenant nor write the demo's findings into a real ledger.
scan() {
  local snapshot="$1"; shift
  local status=0
  (cd "$workdir" && env -u Storage__ConnectionString -u Storage__TableServiceUri -u Storage__QueueServiceUri \
    -u Graph__TenantId -u Graph__ClientId -u Graph__ClientSecret -u Graph__CertificatePath \
    dotnet run --no-build --project "$repo_root/src/AdminMfaWatchdog.Cli" -- scan \
    --snapshot "$snapshot" --config "$repo_root/samples/demo-config.json" --store "$store" "$@") >/dev/null || status=$?
  # Exit 1 means "findings", which the demo tenant has by design; anything else is a failure.
  if [ "$status" -ne 0 ] && [ "$status" -ne 1 ]; then
    echo "make-sample-report.sh: the scan of $snapshot failed (exit $status)" >&2
    exit "$status"
  fi
}
scan "$workdir/state1.json"
scan "$workdir/state2.json"
scan "$tenant"
scan "$tenant" --format html --output "$workdir/report.html"

# Say on the page itself that its history is staged.
note='<p class="banner" id="sample-note">Sample report of the built-in demo tenant. Its history is four scans run seconds apart by scripts/make-sample-report.sh against a throw-away Azurite ledger: two earlier states of the demo tenant (CA001 report-only, then a service account outside the exclusion group), then the demo tenant itself twice.</p>'
awk -v note="$note" '{ print } /^<body>$/ { print note }' "$workdir/report.html" >"$output"
echo "Wrote $output" >&2

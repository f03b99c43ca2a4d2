#!/usr/bin/env bash
# Grants the watchdog's managed identity exactly the Microsoft Graph application permissions of the
# features you choose. The permissions are read from the table in docs/permissions.md (its
# "Grant with" column), so what the documentation promises and what is granted cannot drift apart.
# Idempotent: permissions already granted are left alone. Needs `az login` as someone who may grant
# application permissions (Privileged Role Administrator, or Global Administrator).
set -euo pipefail

readonly TABLE="$(cd "$(dirname "$0")/.." && pwd)/docs/permissions.md"
readonly GRAPH="https://graph.microsoft.com/v1.0"
readonly GRAPH_APP_ID="00000003-0000-0000-c000-000000000000"
readonly KNOWN_OPTIONS=" read-only remediate email notifications role-assignable-group without-tenant-id "

usage() {
  cat <<'USAGE'
usage: infra/grant-graph-permissions.sh PRINCIPAL_ID --mode read-only|remediate [options]
       infra/grant-graph-permissions.sh --mode read-only|remediate [options] --dry-run --plan-only

  PRINCIPAL_ID             object id of the managed identity (the deployment output principalId)
  --mode read-only         scan and alert: no write permission at all
  --mode remediate         also the writes of the rules set to remediate
  --notifications          Graph change notifications and the audit-log poller (the hosts)
  --email                  Mail.Send for email alerts; tenant-wide (see docs/permissions.md)
  --role-assignable-group  the exclusion group is role-assignable (with --mode remediate)
  --without-tenant-id      Graph:TenantId is not set, so the watchdog looks the tenant up
  --dry-run                show what would be granted; change nothing
  --plan-only              with --dry-run: print the permission names, one a line, from the
                           table alone (no az, no sign-in, no principal id)
USAGE
}

fail() { echo "grant-graph-permissions: $*" >&2; exit 2; }

principal="" mode="" options="" dry_run=false plan_only=false
while [ $# -gt 0 ]; do
  case "$1" in
    --mode) [ $# -ge 2 ] || fail "--mode needs read-only or remediate"; mode="$2"; shift ;;
    --email) options+=" email" ;;
    --notifications) options+=" notifications" ;;
    --role-assignable-group) options+=" role-assignable-group" ;;
    --without-tenant-id) options+=" without-tenant-id" ;;
    --dry-run) dry_run=true ;;
    --plan-only) plan_only=true ;;
    -h|--help) usage; exit 0 ;;
    -*) usage >&2; fail "unknown option $1" ;;
    *) [ -z "$principal" ] || fail "one principal id only"; principal="$1" ;;
  esac
  shift
done

case "$mode" in
  read-only) options="read-only$options" ;;
  remediate) options="read-only remediate$options" ;;
  *) usage >&2; fail "--mode must be read-only or remediate" ;;
esac
if [[ " $options " == *" role-assignable-group "* && "$mode" != remediate ]]; then
  fail "--role-assignable-group only matters with --mode remediate (it is needed for membership writes)"
fi
if $plan_only && ! $dry_run; then fail "--plan-only goes with --dry-run"; fi

# The permission names of the rows whose "Grant with" options are all chosen, in table order.
plan() {
  awk -v chosen=" $options " -v known="$KNOWN_OPTIONS" -v table="$TABLE" '
    function trim(s) { gsub(/^[ \t]+|[ \t]+$/, "", s); return s }
    function spans(cell,   out) {   # the `code spans` of a cell, space-separated
      out = ""
      while (match(cell, /`[^`]+`/)) {
        out = out (out == "" ? "" : " ") substr(cell, RSTART + 1, RLENGTH - 2)
        cell = substr(cell, RSTART + RLENGTH)
      }
      return out
    }
    {
      line = $0
      gsub(/\\\|/, "", line)   # an escaped pipe inside a cell is not a column separator
    }
    !in_table {
      if (line ~ /^\| *Permission *\|/) {
        n = split(line, cells, "|")
        for (i = 2; i < n; i++) {
          name = trim(cells[i])
          if (name == "Permission") permission_column = i
          if (name == "Grant with") grant_column = i
        }
        in_table = 1
      }
      next
    }
    line ~ /^\|[-| :]+\|$/ { next }
    line !~ /^\|/ { exit }
    {
      split(line, cells, "|")
      permission = spans(cells[permission_column])
      needed = spans(cells[grant_column])
      if (needed == "") next
      granted = 1
      count = split(needed, wanted, " ")
      for (j = 1; j <= count; j++) {
        if (index(known, " " wanted[j] " ") == 0) {
          printf "grant-graph-permissions: %s: row %s: unknown option \"%s\" in Grant with\n", table, permission, wanted[j] > "/dev/stderr"
          failed = 1; exit 2
        }
        if (index(chosen, " " wanted[j] " ") == 0) granted = 0
      }
      if (granted) print permission
    }
    END {
      if (failed) exit 2
      if (!grant_column || !permission_column) {
        printf "grant-graph-permissions: %s has no table with Permission and Grant with columns\n", table > "/dev/stderr"
        exit 2
      }
    }
  ' "$TABLE"
}

permissions="$(plan)"
[ -n "$permissions" ] || fail "the table in $TABLE grants nothing for: $options"

if $plan_only; then
  printf '%s\n' "$permissions"
  exit 0
fi

[ -n "$principal" ] || { usage >&2; fail "the managed identity's principal id is required"; }
command -v az >/dev/null 2>&1 || fail "the Azure CLI (az) is required; sign in with az login"

graph_sp="$(az rest --method GET --url "$GRAPH/servicePrincipals(appId='$GRAPH_APP_ID')" --query id -o tsv)"
[ -n "$graph_sp" ] || fail "the Microsoft Graph service principal was not found in this tenant"

# "Policy.Read.All<TAB>app role id" for every application permission Graph offers.
app_roles="$(az rest --method GET --url "$GRAPH/servicePrincipals/$graph_sp?\$select=appRoles" \
  --query "appRoles[?contains(allowedMemberTypes, 'Application')].[value, id]" -o tsv)"
role_id_of() { awk -F '\t' -v name="$1" '$1 == name { print $2 }' <<<"$app_roles"; }
role_name_of() { awk -F '\t' -v id="$1" '$2 == id { print $1 }' <<<"$app_roles"; }

# "app role id<TAB>assignment id" of every Graph permission the identity already holds, page by page.
held=""
url="$GRAPH/servicePrincipals/$principal/appRoleAssignments"
while [ -n "$url" ]; do
  page="$(az rest --method GET --url "$url" \
    --query "[\"@odata.nextLink\", value[?resourceId=='$graph_sp'].[appRoleId, id]][]" -o tsv)"
  url="$(grep '^https://' <<<"$page" || true)"
  held+="$(grep -v '^https://' <<<"$page" || true)"$'\n'
done
is_held() { awk -F '\t' -v id="$1" '$1 == id { found = 1 } END { exit !found }' <<<"$held"; }

for permission in $permissions; do
  role_id="$(role_id_of "$permission")"
  [ -n "$role_id" ] || fail "Microsoft Graph has no application permission named $permission"
  if is_held "$role_id"; then
    echo "already granted: $permission"
  elif $dry_run; then
    echo "would grant: $permission"
  else
    az rest --method POST --url "$GRAPH/servicePrincipals/$principal/appRoleAssignments" \
      --headers "Content-Type=application/json" \
      --body "{\"principalId\":\"$principal\",\"resourceId\":\"$graph_sp\",\"appRoleId\":\"$role_id\"}" \
      --output none
    echo "granted: $permission"
  fi
done

# Exactly these permissions: say which others the identity holds (e.g. the writes after going back
# to read-only), with the command that removes each. Removing is left to a person on purpose.
while IFS=$'\t' read -r role_id assignment_id; do
  [ -n "$role_id" ] || continue
  name="$(role_name_of "$role_id")"
  if ! grep -qxF "$name" <<<"$permissions"; then
    echo "not needed for this mode, still granted: $name; to remove it:"
    echo "  az rest --method DELETE --url $GRAPH/servicePrincipals/$principal/appRoleAssignments/$assignment_id"
  fi
done <<<"$held"

#!/usr/bin/env bash
# Installs the pinned Azurite (Azure Storage emulator) into .tools/azurite/ for the integration
# tests. Idempotent: prints nothing and exits 0 when the pinned version is already there.
set -euo pipefail

AZURITE_VERSION="3.37.0"
repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
install_dir="$repo_root/.tools/azurite"
installed_manifest="$install_dir/node_modules/azurite/package.json"

installed_version() {
  [[ -f "$installed_manifest" ]] || return 0
  node -p "require(process.argv[1]).version" "$installed_manifest" 2>/dev/null || true
}

if [[ "$(installed_version)" == "$AZURITE_VERSION" && -x "$install_dir/node_modules/.bin/azurite-table" ]]; then
  exit 0
fi

if ! command -v npm >/dev/null 2>&1; then
  echo "install-azurite.sh: npm is required to install azurite@$AZURITE_VERSION (install Node.js 20+)." >&2
  exit 1
fi

echo "Installing azurite@$AZURITE_VERSION into .tools/azurite ..." >&2
mkdir -p "$install_dir"
# A private package.json keeps the install local to .tools/azurite instead of a parent folder.
[[ -f "$install_dir/package.json" ]] || echo '{ "name": "azurite-tools", "private": true }' > "$install_dir/package.json"
npm install --prefix "$install_dir" --save-exact --no-audit --no-fund --loglevel=error \
  "azurite@$AZURITE_VERSION" >&2

if [[ "$(installed_version)" != "$AZURITE_VERSION" ]]; then
  echo "install-azurite.sh: azurite@$AZURITE_VERSION did not install into $install_dir." >&2
  exit 1
fi

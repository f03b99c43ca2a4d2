#!/usr/bin/env bash
# Installs the Debian chromium package for the HTML report's browser tests (Playwright drives the
# system browser; its own browser download is not used). Idempotent: does nothing when it is there.
# Where it cannot install (not root, no apt-get), it says so and exits 0: the browser tests then
# report themselves as skipped instead of failing the run.
set -euo pipefail

if [ -x /usr/bin/chromium ]; then
  exit 0
fi

if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing chromium (apt-get) for the browser tests ..." >&2
  # A failed install must not stop the other tests: the browser tests then say they were skipped.
  if apt-get update -qq >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >&2; then
    exit 0
  fi
  echo "install-chromium.sh: apt-get could not install chromium; the browser tests will be skipped." >&2
  exit 0
fi

echo "install-chromium.sh: /usr/bin/chromium is missing and cannot be installed here (needs root and apt-get);" \
  "the browser tests will be skipped. Install it with: sudo apt-get install -y chromium" >&2

#!/usr/bin/env bash
# Installs @saleor/sdk and its peers exactly as package-lock.json pins them, for
# tests/accounts/test_saleor_sdk.py. `npm ci` deletes node_modules and reinstalls, so
# it runs only when node_modules is missing or older than the lock file.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"

if [ ! -d "$here/node_modules" ] || [ "$here/package-lock.json" -nt "$here/node_modules" ]; then
    (cd "$here" && npm ci --no-audit --no-fund)
    touch "$here/node_modules"
fi

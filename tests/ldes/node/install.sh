#!/usr/bin/env bash
# Installs ldes-client (the reference LDES client, rdf-connect/ldes-client) exactly as
# package-lock.json pins it, for tests/ldes/test_ldes_client.py.
# `npm ci` deletes node_modules and reinstalls, so it runs only when node_modules is
# missing or older than the lock file.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"

if [ ! -d "$here/node_modules" ] || [ "$here/package-lock.json" -nt "$here/node_modules" ]; then
    (cd "$here" && npm ci --no-audit --no-fund)
    touch "$here/node_modules"
fi

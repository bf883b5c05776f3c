#!/usr/bin/env bash
# Installs graphql-http (the GraphQL-over-HTTP reference package and its audit suite)
# exactly as package-lock.json pins it, for tests/site/test_graphql_http_audit.py.
# `npm ci` deletes node_modules and reinstalls, so it runs only when node_modules is
# missing or older than the lock file.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"

if [ ! -d "$here/node_modules" ] || [ "$here/package-lock.json" -nt "$here/node_modules" ]; then
    (cd "$here" && npm ci --no-audit --no-fund)
    touch "$here/node_modules"
fi

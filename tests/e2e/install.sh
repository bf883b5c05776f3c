#!/usr/bin/env bash
# Prepares the browser tests in this folder (test_tour_viewers.py, frontend/test_iiif.py):
#  1. Chromium from Debian's packages, because Playwright's own browser download
#     does not work on our machines (the Python package only drives it);
#  2. the viewers from npm (the tour viewers, Mirador for IIIF), exactly as
#     package-lock.json pins them.
# Safe to run again: each step is skipped when it is already done.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"

if [ ! -x /usr/bin/chromium ]; then
    if [ "$(id -u)" -eq 0 ]; then sudo=""; else sudo="sudo"; fi
    $sudo apt-get update
    $sudo apt-get install -y chromium
fi

# `npm ci` deletes node_modules and installs the lock file's versions; only needed
# when node_modules is missing or older than the lock file.
if [ ! -d "$here/node_modules" ] || [ "$here/package-lock.json" -nt "$here/node_modules" ]; then
    (cd "$here" && npm ci --no-audit --no-fund)
    touch "$here/node_modules"
fi

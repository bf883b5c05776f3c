#!/usr/bin/env bash
# Prepares test_tiler_against_nona.py: Hugin's `nona` from Debian's hugin-tools, the
# projector Pannellum's own tile generator uses, as the reference for our cube faces.
# Safe to run again: skipped when `nona` is already on the PATH.
set -euo pipefail

if ! command -v nona >/dev/null 2>&1; then
    if [ "$(id -u)" -eq 0 ]; then sudo=""; else sudo="sudo"; fi
    $sudo apt-get update
    $sudo apt-get install -y hugin-tools
fi

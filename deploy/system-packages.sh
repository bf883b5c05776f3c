#!/usr/bin/env bash
# System libraries the Python packages need at run time, from Debian's packages:
# Pango (and its fontconfig/HarfBuzz stack) for WeasyPrint, which renders the shop's
# invoice PDFs; libmagic for python-magic, which the tests' IIIF image validator
# (iiif-validator) loads. Safe to run again: does nothing when they are present.
set -euo pipefail

if python3 - <<'PY' 2>/dev/null
import ctypes.util, sys
sys.exit(0 if all(ctypes.util.find_library(name) for name in ("pango-1.0", "pangoft2-1.0", "magic")) else 1)
PY
then
    exit 0
fi
if [ "$(id -u)" -eq 0 ]; then sudo=""; else sudo="sudo"; fi
$sudo apt-get update
$sudo apt-get install -y --no-install-recommends libpango-1.0-0 libpangoft2-1.0-0 fonts-dejavu-core libmagic1

#!/usr/bin/env bash
# Set up align on a fresh machine: Python packages, the browser for the HTML tests,
# and the default offline model.  Safe to run again; it only does what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

# torch first, pinned: this machine installs the 2.13.0 CPU build from a local
# wheel, while an unpinned torch (asked for by sentence-transformers) would pull
# gigabytes of CUDA packages.
python -m pip install --quiet "torch==2.13.0"
python -m pip install --quiet -e ".[test]"

# Debian's Chromium for the browser tests (Playwright's own browser download
# cannot work offline).  Needs root; skipped with a note otherwise.
if ! command -v chromium >/dev/null 2>&1; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  else
    echo "note: chromium is not installed; the browser tests will be skipped" >&2
  fi
fi

# Build (or verify) the default model once; later runs find it in the cache.
align model --build >/dev/null

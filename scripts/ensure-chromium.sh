#!/usr/bin/env bash
# Runs before `npm test`: the browser test drives Debian's Chromium. Where it is missing and this machine
# can install it (root with apt-get, as on CI and a fresh development machine) it is installed; otherwise
# this says how, and the unit tests still run.
set -euo pipefail
if command -v chromium >/dev/null 2>&1; then exit 0; fi
if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing Debian's chromium for the browser test (apt-get install chromium)..."
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq </dev/null >/dev/null
  apt-get install -y -qq --no-install-recommends chromium </dev/null >/dev/null
  exit 0
fi
echo "The browser test needs Debian's chromium on the PATH: sudo apt-get install chromium" >&2

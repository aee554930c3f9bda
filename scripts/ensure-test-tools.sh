#!/usr/bin/env bash
# Runs before `npm test`: the browser test drives Debian's Chromium, and the command's tests open its output
# in LibreOffice Calc and read the PDF it prints with pdftotext (poppler-utils). Where one is missing and this
# machine can install it (root with apt-get, as on CI and a fresh development machine) it is installed;
# otherwise this says how, and the tests that need it fail saying what is missing.
set -euo pipefail
missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v soffice >/dev/null 2>&1 || missing+=(libreoffice-calc)
command -v pdftotext >/dev/null 2>&1 || missing+=(poppler-utils)
if [ "${#missing[@]}" -eq 0 ]; then exit 0; fi
if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing Debian's ${missing[*]} for the tests (apt-get install ${missing[*]})..."
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq </dev/null >/dev/null
  apt-get install -y -qq --no-install-recommends "${missing[@]}" </dev/null >/dev/null
  exit 0
fi
echo "The tests need Debian's ${missing[*]}: sudo apt-get install ${missing[*]}" >&2

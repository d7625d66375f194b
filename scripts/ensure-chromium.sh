#!/usr/bin/env bash
# The browser suites drive Debian's Chromium (playwright-core, no browser download). `npm test` calls this first:
# when the browser is missing it installs the Debian package if it can (root with apt-get), else it says what to run.
set -euo pipefail
browser="${CHROMIUM_PATH:-/usr/bin/chromium}"
[ -x "$browser" ] && exit 0
if [ -n "${CHROMIUM_PATH:-}" ]; then
  echo "CHROMIUM_PATH=$CHROMIUM_PATH is not an executable browser" >&2
  exit 1
fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "[test] Chromium is missing: installing Debian's chromium (and a CJK font for the screenshots)"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq fonts-wqy-zenhei || echo "[test] no CJK font installed (screenshots will show boxes)"
  [ -x "$browser" ] && exit 0
fi
cat >&2 <<MSG
The browser tests need Chromium at $browser. Install it, then run npm test again:
  sudo apt-get install -y chromium fonts-wqy-zenhei      (Debian/Ubuntu)
or point CHROMIUM_PATH at a Chromium or Chrome binary.
MSG
exit 1

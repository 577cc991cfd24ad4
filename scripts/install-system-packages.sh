#!/usr/bin/env bash
# Installs the system tools the tests need, as Debian packages, when they are missing (only those);
# with sudo when not root. `.ci/run` calls it; on a fresh machine run it once before `npm test`:
#   bash scripts/install-system-packages.sh
#
#   redis-server:   the tests' real Redis (every run; jest globalSetup starts one when REDIS_URL is
#                   unset, and the *.process.test.ts suites start and restart their own);
#   chromium:       the *.browser.test.ts suites drive /usr/bin/chromium through playwright-core;
#   argon2:         the reference CLI the *.process.test.ts suites compare our argon2id against;
#   fonts-noto-cjk: without a Japanese font the browser suites' Japanese screenshots show empty boxes.
set -euo pipefail

missing=()
command -v redis-server >/dev/null 2>&1 || missing+=(redis-server)
[ -x /usr/bin/chromium ] || missing+=(chromium)
command -v argon2 >/dev/null 2>&1 || missing+=(argon2)
dpkg-query -W -f='${Status}' fonts-noto-cjk 2>/dev/null | grep -q 'ok installed' || missing+=(fonts-noto-cjk)

if [ "${#missing[@]}" -eq 0 ]; then
  echo "==> system tools present: redis-server, chromium, argon2, fonts-noto-cjk"
  exit 0
fi

sudo=()
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then
    sudo=(sudo)
  else
    echo "error: missing ${missing[*]} and not root (no sudo) to install them" >&2
    exit 1
  fi
fi
echo "==> installing missing Debian packages: ${missing[*]}"
${sudo[@]+"${sudo[@]}"} env DEBIAN_FRONTEND=noninteractive apt-get update
${sudo[@]+"${sudo[@]}"} env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${missing[@]}"

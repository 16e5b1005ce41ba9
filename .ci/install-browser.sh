#!/usr/bin/env bash
# Install Debian's chromium (and its driver) for the browser tests of the HTML page.
# Idempotent and quiet: does nothing when both are there; prints the apt log only on failure.
# Never downloads a browser build of its own (no `playwright install`): the Debian package is it.
set -euo pipefail

if [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ]; then
    exit 0
fi

SUDO=""
if [ "$(id -u)" != 0 ]; then
    if command -v sudo >/dev/null 2>&1; then SUDO="sudo -n"; else
        echo "install-browser: not root and no sudo; cannot install chromium" >&2
        exit 1
    fi
fi

log="$(mktemp)"
trap 'rm -f "$log"' EXIT
export DEBIAN_FRONTEND=noninteractive
if ! { $SUDO apt-get update -qq && \
       $SUDO apt-get install -y -qq --no-install-recommends chromium chromium-driver fonts-dejavu-core; } \
       >"$log" 2>&1; then
    echo "install-browser: apt-get failed:" >&2
    tail -n 30 "$log" >&2
    exit 1
fi
if [ ! -x /usr/bin/chromium ]; then
    echo "install-browser: /usr/bin/chromium missing after install" >&2
    exit 1
fi

#!/usr/bin/env bash
# Install Debian's chromium (and its driver) for the browser tests of the HTML page.
# Idempotent and quiet: does nothing when /usr/bin/chromium is already there; never downloads a
# browser build of its own (Playwright's `install` is not used: the Debian package is the browser).
set -euo pipefail

if [ -x /usr/bin/chromium ] && { [ -x /usr/bin/chromedriver ] || [ "${SKIP_DRIVER:-}" = 1 ]; }; then
    exit 0
fi

SUDO=""
if [ "$(id -u)" != 0 ]; then
    if command -v sudo >/dev/null 2>&1; then SUDO="sudo -n"; else
        echo "install-browser: not root and no sudo; cannot install chromium" >&2; exit 1
    fi
fi

export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq >/dev/null
$SUDO apt-get install -y -qq --no-install-recommends chromium chromium-driver fonts-dejavu-core >/dev/null
[ -x /usr/bin/chromium ] || { echo "install-browser: /usr/bin/chromium missing after install" >&2; exit 1; }

#!/usr/bin/env bash
# Makes sure Debian's headless Chromium and its WebDriver are there for the browser tests
# (AdminPagesIT); installs the packages chromium and chromium-driver if they are missing.
set -euo pipefail
if command -v chromium >/dev/null && command -v chromedriver >/dev/null; then
  echo "$(chromium --version 2>/dev/null | head -1), $(chromedriver --version | head -1)"
  exit 0
fi
echo "installing Chromium and its WebDriver (Debian packages chromium, chromium-driver)"
export DEBIAN_FRONTEND=noninteractive
if [ "$(id -u)" = 0 ]; then sudo=""; else sudo="sudo"; fi
$sudo apt-get update -qq
$sudo apt-get install -y -qq chromium chromium-driver >/dev/null
echo "$(chromium --version 2>/dev/null | head -1), $(chromedriver --version | head -1)"

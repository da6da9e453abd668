#!/usr/bin/env bash
# Installs what the portal needs that this machine lacks (Debian): Chromium for PDFs and browser
# tests, Node.js and npm for the front-end build, and the .NET tools from the tool manifest.
# Idempotent: each step is skipped when its tool is already there. Sourced by start.sh and test.sh.
set -euo pipefail

_as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; elif command -v sudo >/dev/null 2>&1; then sudo "$@"; else
    echo "Need root to run: $*" >&2; return 1; fi
}

_apt_updated=0
_apt_install() {
  if [ "$_apt_updated" -eq 0 ]; then
    _as_root apt-get update -qq
    _apt_updated=1
  fi
  DEBIAN_FRONTEND=noninteractive _as_root apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v npm >/dev/null 2>&1 || missing+=(nodejs npm)
command -v pdftoppm >/dev/null 2>&1 || missing+=(poppler-utils)
fc-list 2>/dev/null | grep -qi "liberation" || missing+=(fonts-liberation)
if [ "${#missing[@]}" -gt 0 ]; then
  echo "Installing: ${missing[*]}"
  _apt_install "${missing[@]}"
fi

if ! command -v dotnet >/dev/null 2>&1; then
  echo "The .NET SDK 10 is required (https://dotnet.microsoft.com/download); it was not found on PATH." >&2
  exit 1
fi

# Repository root: the folder holding this script's parent.
repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
(cd "$repo_root" && dotnet tool restore >/dev/null)
export DOTNET_CLI_TELEMETRY_OPTOUT=1
export DOTNET_NOLOGO=1

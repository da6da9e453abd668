#!/usr/bin/env bash
# Quick start, command 1: runs the portal with the demo partnership on http://localhost:5080
# (SQLite file under src/HscpPortal.Web/App_Data, created, migrated and seeded on first start).
set -euo pipefail
cd "$(dirname "$0")"
source scripts/prerequisites.sh
export ASPNETCORE_ENVIRONMENT="${ASPNETCORE_ENVIRONMENT:-Demo}"
url="${HSCP_URL:-http://localhost:5080}"
echo "Starting the portal at $url (demo sign-in: admin@demo.hscp.example / Partnership-Demo-2026)"
exec dotnet run --project src/HscpPortal.Web -c Release --no-launch-profile -- --urls "$url"

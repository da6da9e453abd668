#!/usr/bin/env bash
# The project's benchmarks, run on demand (never by test.sh). Figures go to docs/quality.md (add --no-doc to skip).
#   ./scripts/benchmark.sh report [runs]                               the 2023-24 demo report's PDF time, cold and warm, against Chromium alone
#   ./scripts/benchmark.sh pages [--scale 10] [--requests 200]         server time, queries and throughput of each main page
#   ./scripts/benchmark.sh load [--users 50] [--seconds 60] [--scale 10] [--max-requests N]
#                                                                      concurrent signed-in users with 10% writes; fails on any 5xx or lost write
# pages and load seed a fresh database in a temporary folder and run the Release build of the portal as its own process.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/prerequisites.sh
# Building the benchmarks in Release builds the portal in Release too (project reference): the process they start.
dotnet build benchmarks/HscpPortal.Benchmarks -c Release -nologo -clp:ErrorsOnly
exec dotnet benchmarks/HscpPortal.Benchmarks/bin/Release/net10.0/HscpPortal.Benchmarks.dll "${1:-report}" "${@:2}"

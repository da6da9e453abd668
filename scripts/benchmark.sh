#!/usr/bin/env bash
# The project's benchmarks, run on demand (never by test.sh).
#   ./scripts/benchmark.sh report [runs]   the 2023-24 demo report's PDF time, cold and warm, against Chromium alone
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/prerequisites.sh
dotnet build benchmarks/HscpPortal.Benchmarks -c Release -nologo -clp:ErrorsOnly
exec dotnet benchmarks/HscpPortal.Benchmarks/bin/Release/net10.0/HscpPortal.Benchmarks.dll "${1:-report}" "${@:2}"

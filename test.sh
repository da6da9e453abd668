#!/usr/bin/env bash
# Quick start, command 2: builds everything and runs the whole test suite (unit, integration,
# end-to-end browser tests with accessibility checks).
set -euo pipefail
cd "$(dirname "$0")"
source scripts/prerequisites.sh
results="$(mktemp -d)"
trap 'rm -rf "$results"' EXIT
dotnet build HscpPortal.sln -c Release -nologo -clp:ErrorsOnly
status=0
dotnet test HscpPortal.sln -c Release --no-build -nologo --logger "trx" --results-directory "$results" || status=$?
# One summary line over all test assemblies, in the plain "N passed, N failed" form.
python3 - "$results" <<'PY' || true
import glob, sys, xml.etree.ElementTree as ET
passed = failed = skipped = 0
for f in glob.glob(sys.argv[1] + "/*.trx"):
    c = ET.parse(f).getroot().find(".//{*}Counters")
    if c is not None:
        passed += int(c.get("passed", 0)); failed += int(c.get("failed", 0))
        skipped += int(c.get("notExecuted", 0))
print(f"{passed} passed, {failed} failed, {skipped} skipped")
PY
exit "$status"

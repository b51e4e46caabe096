#!/usr/bin/env bash
# Builds and runs the whole suite against a throwaway PostgreSQL on a free port, which is always
# stopped and removed afterwards. Exits non-zero on any failure.
set -euo pipefail
cd "$(dirname "$0")"
ROOT=$PWD
# shellcheck source=scripts/pg.sh
source scripts/pg.sh

# What the tests need from Debian: PostgreSQL, a browser for Playwright, fonts for CJK pages and
# PDFs, an MQTT broker and its clients.
ensure_packages postgresql postgresql-client chromium fonts-noto-cjk fonts-droid-fallback fonts-dejavu-core \
  mosquitto mosquitto-clients
command -v dotnet >/dev/null || { echo "The .NET 10 SDK is required (dotnet not on PATH)." >&2; exit 1; }

WORK=$(mktemp -d /tmp/cerebellum-test.XXXXXX)
chmod 755 "$WORK"
PG_DIR=$WORK/pg
cleanup() {
  set +e
  [ -d "$PG_DIR" ] && pg_stop "$PG_DIR"
  rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

mkdir -p "$PG_DIR"; [ "$(id -u)" -eq 0 ] && chown postgres: "$PG_DIR"; chmod 700 "$PG_DIR"
PG_PORT=$(free_port)
echo "Throwaway PostgreSQL on 127.0.0.1:$PG_PORT"
pg_start "$PG_DIR" "$PG_PORT" trust
export GOVERNANCE_TEST_DB="Host=127.0.0.1;Port=$PG_PORT;Database=postgres;Username=cerebellum;Password=cerebellum"
export CEREBELLUM_REPO=$ROOT

echo "Building ..."
dotnet build Governance.sln -c Release --nologo -v quiet -clp:ErrorsOnly

RESULTS=$WORK/results
status=0
dotnet test Governance.sln -c Release --no-build --nologo \
  --logger "trx" --logger "console;verbosity=normal" --results-directory "$RESULTS" "$@" || status=$?

# One closing line for the whole suite, summed over every project's results.
python3 - "$RESULTS" <<'PY'
import glob, sys, xml.etree.ElementTree as ET
ns = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}
passed = failed = skipped = 0
for f in glob.glob(sys.argv[1] + "/*.trx"):
    c = ET.parse(f).getroot().find("t:ResultSummary/t:Counters", ns)
    passed += int(c.get("passed")); failed += int(c.get("failed")) + int(c.get("error"))
    skipped += int(c.get("notExecuted"))
print(f"{passed} passed, {failed} failed, {skipped} skipped")
PY
exit $status

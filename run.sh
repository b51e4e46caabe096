#!/usr/bin/env bash
# Starts Cerebellum with the sample community: PostgreSQL (a private cluster under .data/pg unless a
# connection string is configured), the schema, the portal on http://127.0.0.1:5080.
#   ./run.sh         start (again: reuses the cluster and its data)
#   ./run.sh stop    stop what run.sh started
set -euo pipefail
cd "$(dirname "$0")"
ROOT=$PWD
DATA=$ROOT/.data
PG_PORT=${CEREBELLUM_PG_PORT:-55432}
URL=${CEREBELLUM_URL:-http://127.0.0.1:5080}
# shellcheck source=scripts/pg.sh
source scripts/pg.sh
mkdir -p "$DATA"

# The recorded portal pid, if that process is alive (a killed one may linger as a zombie).
portal_pid() {
  local pid
  pid=$(cat "$DATA/portal.pid" 2>/dev/null) || return 1
  [ -n "$pid" ] && ps -o stat= -p "$pid" 2>/dev/null | grep -qv '^Z' && echo "$pid"
}

configured_connection() {
  [ -n "${GOVERNANCE_DB:-}" ] && { echo "$GOVERNANCE_DB"; return; }
  python3 -c 'import json,sys; print((json.load(open(sys.argv[1])).get("ConnectionStrings") or {}).get("Governance") or "")' \
    src/Portal/appsettings.json
}

stop() {
  local pid
  if pid=$(portal_pid); then
    kill "$pid"; for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
    echo "Portal stopped."
  fi
  rm -f "$DATA/portal.pid"
  # Resolve the link: as root the cluster may live under /var/lib/cerebellum (see scripts/pg.sh).
  local dir; dir=$(readlink -f "$DATA/pg" 2>/dev/null || true)
  if [ -n "$dir" ] && [ -d "$dir" ] && pg_running "$dir"; then pg_stop "$dir"; echo "PostgreSQL stopped."; fi
}

start_database() {
  command -v psql >/dev/null || ensure_packages postgresql-client
  ensure_postgres_binaries
  local dir; dir=$(pg_reachable_dir "$DATA/pg")
  [ -f "$DATA/pg.password" ] || { head -c 18 /dev/urandom | base64 | tr -d '/+=' > "$DATA/pg.password"; chmod 600 "$DATA/pg.password"; }
  local password; password=$(cat "$DATA/pg.password")
  if ! pg_running "$dir"; then
    echo "Starting PostgreSQL on 127.0.0.1:$PG_PORT ($DATA/pg) ..."
    pg_start "$dir" "$PG_PORT" scram "$password"
  fi
  pg_create_db "$PG_PORT" cerebellum "$password" || {
    echo "Cannot use the PostgreSQL on 127.0.0.1:$PG_PORT with the password in .data/pg.password." >&2
    echo "Is another cluster using that port? Stop it, or choose another with CEREBELLUM_PG_PORT=…" >&2
    exit 1
  }
  export GOVERNANCE_DB="Host=127.0.0.1;Port=$PG_PORT;Database=cerebellum;Username=cerebellum;Password=$password"
}

start() {
  if pid=$(portal_pid); then echo "Already running (pid $pid) at $URL"; exit 0; fi
  command -v dotnet >/dev/null || { echo "The .NET 10 SDK is required (dotnet not on PATH)." >&2; exit 1; }
  local connection; connection=$(configured_connection)
  if [ -n "$connection" ]; then export GOVERNANCE_DB=$connection; echo "Using the configured PostgreSQL."; else start_database; fi

  echo "Building the portal ..."
  dotnet publish src/Portal/Portal.csproj -c Release -o "$DATA/app" --nologo -v quiet >"$DATA/build.log" 2>&1 ||
    { cat "$DATA/build.log"; exit 1; }

  echo "Starting the portal ..."
  ASPNETCORE_URLS=$URL Cerebellum__SamplesPath=$ROOT/samples Cerebellum__Mqtt__Port=${CEREBELLUM_MQTT_PORT:-1883} \
    nohup dotnet "$DATA/app/Cerebellum.Portal.dll" --contentRoot "$DATA/app" >"$DATA/portal.log" 2>&1 &
  echo $! > "$DATA/portal.pid"
  for _ in $(seq 240); do
    if curl -fsS "$URL/health" >/dev/null 2>&1; then
      echo
      echo "Cerebellum 社区小脑 is running at $URL   (log: .data/portal.log; stop: ./run.sh stop)"
      echo "Demo sign-ins (user / password):"
      python3 - samples/community/community.json <<'PY'
import json, sys
for a in json.load(open(sys.argv[1]))["accounts"]:
    print(f"  {a['userName']:<12} {a['password']:<16} {a['displayName']}")
PY
      echo "Demo gateways (id / API key / vendor profile; MQTT on 127.0.0.1:${CEREBELLUM_MQTT_PORT:-1883}: user = id, password = key):"
      python3 - samples/gateways/gateways.json <<'PY'
import json, sys
for g in json.load(open(sys.argv[1])):
    print(f"  {g['id']:<10} {g['apiKey']:<32} {g.get('vendorProfile') or '(our JSON)'}")
PY
      echo "Send a smoke alarm:  curl -X POST $URL/api/v1/signals -H 'Content-Type: application/json' \\"
      local demo_key
      demo_key=$(python3 -c 'import json,sys; print(next(g["apiKey"] for g in json.load(open(sys.argv[1])) if g["id"]=="demo-gw"))' samples/gateways/gateways.json)
      echo "  -H 'X-Api-Key: $demo_key' \\"
      echo "  -d '{\"source\":\"demo-gw\",\"messageId\":\"m-$(date +%s)\",\"deviceId\":\"dev-smoke-cy1-b1-u0101\",\"kind\":\"smoke\",\"occurredAt\":\"$(date -Iseconds)\",\"severity\":4}'"
      echo "Gateways, vendor profiles and MQTT: docs/gateways.md"
      echo "File a complaint (Open311, docs/open311.md):  curl -X POST $URL/open311/v2/requests.json \\"
      echo "  -d api_key=cerebellum-open311-demo-key -d service_code=noise -d address_id=cy1-b2-u0301 --data-urlencode 'attribute[noise_source]=music'"
      exit 0
    fi
    portal_pid >/dev/null || { echo "The portal exited:" >&2; tail -40 "$DATA/portal.log" >&2; exit 1; }
    sleep 0.5
  done
  echo "The portal did not answer $URL/health within 2 minutes; see .data/portal.log" >&2
  exit 1
}

case "${1:-start}" in
  start) start ;;
  stop) stop ;;
  *) echo "usage: ./run.sh [start|stop]" >&2; exit 2 ;;
esac

# shellcheck shell=bash
# PostgreSQL helpers shared by run.sh and test.sh. Sourced, not executed.
# A private cluster: its own data directory and port, never the system cluster. PostgreSQL refuses
# to run as root, so as root the cluster runs as the `postgres` user; its data lives where that
# user can reach it (a folder under /var/lib/cerebellum when the checkout itself is not reachable).

pg_bin() {
  local dir
  for dir in /usr/lib/postgresql/*/bin; do
    [ -x "$dir/pg_ctl" ] && { echo "$dir"; return 0; }
  done
  return 1
}

# Installs the Debian packages named, when run as root and they are missing.
ensure_packages() {
  local missing=()
  local pkg
  for pkg in "$@"; do
    dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  if [ "$(id -u)" -ne 0 ]; then
    echo "Missing Debian packages: ${missing[*]}" >&2
    echo "Install them with: sudo apt-get install -y ${missing[*]}" >&2
    return 1
  fi
  echo "Installing ${missing[*]} ..."
  apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

ensure_postgres_binaries() {
  pg_bin >/dev/null && return 0
  ensure_packages postgresql || return 1
  pg_bin >/dev/null
}

# The user the cluster runs as: ourselves, or `postgres` when we are root.
pg_user() { if [ "$(id -u)" -eq 0 ]; then echo postgres; else id -un; fi; }

as_pg_user() {
  # From /, since the caller's folder may be closed to the postgres user.
  if [ "$(id -u)" -eq 0 ]; then (cd / && runuser -u postgres -- "$@"); else "$@"; fi
}

# Prints a directory the cluster user can own for the requested path: the path itself when that
# user can reach it, otherwise a stand-in under /var/lib/cerebellum linked from the path.
pg_reachable_dir() {
  local wanted=$1
  mkdir -p "$(dirname "$wanted")"
  if [ "$(id -u)" -ne 0 ]; then mkdir -p "$wanted"; echo "$wanted"; return; fi
  if [ -L "$wanted" ]; then readlink -f "$wanted"; return; fi
  if as_pg_user test -x "$(dirname "$wanted")" 2>/dev/null; then
    mkdir -p "$wanted"; chown postgres: "$wanted"; chmod 700 "$wanted"; echo "$wanted"; return
  fi
  # A new folder for every new checkout (not one per path): a cluster left behind by a deleted
  # checkout at the same path has a password nobody knows any more.
  local stand_in
  stand_in=/var/lib/cerebellum/$(echo -n "$wanted" | sha1sum | cut -c1-8)-$(head -c 4 /dev/urandom | od -An -tx1 | tr -d ' \n')
  mkdir -p "$stand_in"; chown postgres: "$stand_in"; chmod 700 "$stand_in"
  ln -sfn "$stand_in" "$wanted"
  echo "$stand_in"
}

free_port() {
  python3 - <<'PY'
import socket
s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()
PY
}

# pg_start DATA_DIR PORT AUTH(trust|scram) [PASSWORD]
pg_start() {
  local data=$1 port=$2 auth=$3 password=${4:-}
  local bin; bin=$(pg_bin)
  if [ ! -f "$data/PG_VERSION" ]; then
    local pwfile; pwfile=$(mktemp); chmod 644 "$pwfile"; echo "${password:-cerebellum}" > "$pwfile"
    local method=trust; [ "$auth" = scram ] && method=scram-sha-256
    as_pg_user "$bin/initdb" -D "$data" -U cerebellum --pwfile="$pwfile" -E UTF8 --locale=C.UTF-8 \
      --auth-local="$method" --auth-host="$method" >/dev/null
    rm -f "$pwfile"
    cat >> "$data/postgresql.conf" <<CONF
listen_addresses = '127.0.0.1'
unix_socket_directories = '$data'
max_connections = 200
shared_buffers = 256MB
fsync = on
CONF
  fi
  as_pg_user "$bin/pg_ctl" -D "$data" -o "-p $port" -l "$data/server.log" -w -t 60 start >/dev/null
}

pg_running() { local bin; bin=$(pg_bin) && as_pg_user "$bin/pg_ctl" -D "$1" status >/dev/null 2>&1; }

pg_stop() {
  local bin; bin=$(pg_bin) || return 0
  [ -f "$1/postmaster.pid" ] && as_pg_user "$bin/pg_ctl" -D "$1" -m fast -w -t 60 stop >/dev/null 2>&1
  return 0
}

# pg_create_db PORT DB [PASSWORD]
pg_create_db() {
  local port=$1 db=$2 password=${3:-cerebellum}
  PGPASSWORD=$password psql -h 127.0.0.1 -p "$port" -U cerebellum -d postgres -tAc \
    "SELECT 1 FROM pg_database WHERE datname = '$db'" | grep -q 1 ||
    PGPASSWORD=$password psql -h 127.0.0.1 -p "$port" -U cerebellum -d postgres -qc "CREATE DATABASE \"$db\"" >/dev/null
}

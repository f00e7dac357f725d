#!/usr/bin/env bash
# Starts a single-node OpenStack Swift with its S3 API (s3api + tempauth) on loopback, for tests.
# Usage: start.sh STATE_DIR   -> prints the S3 URL; writes STATE_DIR/env with S3_TEST_URL, S3_TEST_KEY, S3_TEST_SECRET.
# Every port is free when picked; everything (config, rings, data, logs, pids) lives in STATE_DIR; stop.sh stops it.
set -euo pipefail
base=$(realpath -m "${1:?usage: start.sh STATE_DIR}")
etc=$base/etc
mkdir -p "$etc" "$base/node/d1" "$base/run" "$base/log"

read -r s3_port mem_port object_port container_port account_port < <(python3 - <<'PY'
import socket
socks = [socket.socket() for _ in range(5)]
for s in socks: s.bind(("127.0.0.1", 0))
print(*[s.getsockname()[1] for s in socks])
PY
)
user=$(id -un)

cat > "$etc/swift.conf" <<CONF
[swift-hash]
swift_hash_path_suffix = console-tests
swift_hash_path_prefix = console-tests
[storage-policy:0]
name = default
default = yes
CONF

common() { cat <<CONF
[DEFAULT]
bind_ip = 127.0.0.1
bind_port = $1
workers = 1
user = $user
swift_dir = $etc
devices = $base/node
mount_check = false
log_name = $2
CONF
}

for spec in "account:$account_port" "container:$container_port" "object:$object_port"; do
  name=${spec%%:*}; port=${spec##*:}
  { common "$port" "$name"
    printf '[pipeline:main]\npipeline = %s-server\n[app:%s-server]\nuse = egg:swift#%s\n' "$name" "$name" "$name"
  } > "$etc/$name-server.conf"
  ( cd "$etc" && swift-ring-builder "$name.builder" create 6 1 1 >/dev/null &&
    swift-ring-builder "$name.builder" add "r1z1-127.0.0.1:$port/d1" 1 >/dev/null &&
    swift-ring-builder "$name.builder" rebalance >/dev/null )
done

{ common "$s3_port" proxy; cat <<CONF
[pipeline:main]
pipeline = catch_errors gatekeeper healthcheck proxy-logging cache listing_formats bulk s3api tempauth copy slo dlo versioned_writes proxy-logging proxy-server
[app:proxy-server]
use = egg:swift#proxy
account_autocreate = true
allow_account_management = true
[filter:s3api]
use = egg:swift#s3api
location = us-east-1
s3_acl = false
[filter:tempauth]
use = egg:swift#tempauth
user_admin_admin = admin .admin .reseller_admin
user_test_tester = testing .admin
[filter:cache]
use = egg:swift#memcache
memcache_servers = 127.0.0.1:$mem_port
[filter:catch_errors]
use = egg:swift#catch_errors
[filter:gatekeeper]
use = egg:swift#gatekeeper
[filter:healthcheck]
use = egg:swift#healthcheck
[filter:proxy-logging]
use = egg:swift#proxy_logging
[filter:listing_formats]
use = egg:swift#listing_formats
[filter:bulk]
use = egg:swift#bulk
[filter:copy]
use = egg:swift#copy
[filter:slo]
use = egg:swift#slo
[filter:dlo]
use = egg:swift#dlo
[filter:versioned_writes]
use = egg:swift#versioned_writes
CONF
} > "$etc/proxy-server.conf"

# tempauth keeps its tokens in memcached: without it every request fails with "Memcache required".
memcached -u "$user" -l 127.0.0.1 -p "$mem_port" -m 32 > "$base/log/memcached.log" 2>&1 &
echo $! > "$base/run/memcached.pid"
for server in account container object proxy; do
  "swift-$server-server" "$etc/$server-server.conf" -v > "$base/log/$server.log" 2>&1 &
  echo $! > "$base/run/$server.pid"
done

# Waiting is driven by the servers, not by a count of tries: on a loaded machine Swift's Python servers may take
# minutes to import and bind. We wait while every server we started is still alive; only a server that died, or
# a start that hangs past ten minutes, is a failure.
hang_limit=600
all_alive() {
  local pidfile
  for pidfile in "$base"/run/*.pid; do
    kill -0 "$(cat "$pidfile")" 2>/dev/null || { echo "$(basename "$pidfile" .pid) exited; logs in $base/log" >&2; return 1; }
  done
}
url=http://127.0.0.1:$s3_port
while ! curl -sf "$url/healthcheck" >/dev/null; do
  all_alive || exit 1
  ((SECONDS < hang_limit)) || { echo "swift did not come up in $hang_limit s; logs in $base/log" >&2; exit 1; }
  sleep 0.1
done

# The proxy answers /healthcheck before the backends listen, and caches "account 404" for a few seconds after
# the account is auto-created. Creating and reading a container until both work makes the first S3 call reliable.
while :; do
  auth=$(curl -sf -D - -o /dev/null -H 'X-Auth-User: test:tester' -H 'X-Auth-Key: testing' "$url/auth/v1.0" | tr -d '\r') || auth=
  token=$(sed -n 's/^[Xx]-[Aa]uth-[Tt]oken: //p' <<<"$auth")
  storage=$(sed -n 's/^[Xx]-[Ss]torage-[Uu]rl: //p' <<<"$auth")
  if [[ -n $token ]] && curl -sf -o /dev/null -X PUT -H "X-Auth-Token: $token" "$storage/warmup" &&
     curl -sf -o /dev/null -I -H "X-Auth-Token: $token" "$storage/warmup"; then
    curl -s -o /dev/null -X DELETE -H "X-Auth-Token: $token" "$storage/warmup" || true
    break
  fi
  all_alive || exit 1
  ((SECONDS < hang_limit)) || { echo "swift account warm-up did not finish in $hang_limit s; logs in $base/log" >&2; exit 1; }
  sleep 0.2
done

printf 'S3_TEST_URL=%s\nS3_TEST_KEY=test:tester\nS3_TEST_SECRET=testing\n' "$url" > "$base/env"
echo "$url"

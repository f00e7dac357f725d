#!/usr/bin/env bash
# Stops or starts only the proxy (the S3 API) of a Swift that start.sh started in STATE_DIR; the backends and
# memcached keep running, so a test can make its server unreachable and bring it back on the same port.
# Usage: proxy.sh stop|start STATE_DIR
#   stop:  stops the proxy and waits until its port refuses connections.
#   start: starts it again with the same configuration (same port) and waits until it answers /healthcheck.
set -euo pipefail
action=${1:?usage: proxy.sh stop|start STATE_DIR}
base=$(realpath -m "${2:?usage: proxy.sh stop|start STATE_DIR}")
conf=$base/etc/proxy-server.conf
pidfile=$base/run/proxy.pid
[[ -f $conf ]] || { echo "no Swift in $base (start.sh makes one)" >&2; exit 1; }
port=$(sed -n 's/^bind_port = //p' "$conf" | head -n 1)
url=http://127.0.0.1:$port

case $action in
  stop)
    if [[ -f $pidfile ]]; then
      pid=$(<"$pidfile")
      # The proxy is its own process group's leader: on TERM it stops its workers too.
      kill "$pid" 2>/dev/null || true
      for ((i = 0; i < 50; i++)); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
      kill -9 "$pid" 2>/dev/null || true
      rm -f "$pidfile"
    fi
    while curl -s -o /dev/null --max-time 1 "$url/healthcheck"; do
      ((SECONDS < 600)) || { echo "the proxy still answers on $url after 600 s" >&2; exit 1; }
      sleep 0.1
    done
    ;;
  start)
    if [[ -f $pidfile ]] && kill -0 "$(<"$pidfile")" 2>/dev/null; then
      echo "the proxy already runs" >&2
      exit 1
    fi
    swift-proxy-server "$conf" -v >> "$base/log/proxy.log" 2>&1 &
    echo $! > "$pidfile"
    # Waits while the proxy is alive (a loaded machine may take minutes to start it); only a proxy that died or
    # a start hung past ten minutes fails.
    while ! curl -sf -o /dev/null --max-time 1 "$url/healthcheck"; do
      kill -0 "$(<"$pidfile")" 2>/dev/null || { echo "the proxy exited; logs in $base/log" >&2; exit 1; }
      ((SECONDS < 600)) || { echo "the proxy did not come back on $url in 600 s; logs in $base/log" >&2; exit 1; }
      sleep 0.1
    done
    ;;
  *)
    echo "usage: proxy.sh stop|start STATE_DIR" >&2
    exit 2
    ;;
esac
echo "$url"

#!/usr/bin/env bash
# Stops what start.sh started in STATE_DIR: each recorded process, waiting up to 5 s for it to exit.
set -uo pipefail
base=${1:?usage: stop.sh STATE_DIR}
for pidfile in "$base"/run/*.pid; do
  [[ -f $pidfile ]] || continue
  pid=$(<"$pidfile")
  kill "$pid" 2>/dev/null
  for ((i = 0; i < 50; i++)); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  kill -9 "$pid" 2>/dev/null
  rm -f "$pidfile"
done
exit 0

#!/usr/bin/env bash
# Runs every test the way CI does, on a fresh Debian machine or a developer's: installs what is missing
# (Chromium, OpenStack Swift with memcached, node and npm), starts Swift's S3 API on loopback, restores the local tools,
# builds in Release, checks the EF model and the Dockerfile, runs all tests and ends with "N passed, N failed".
set -euo pipefail
cd "$(dirname "$0")"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1 DEBIAN_FRONTEND=noninteractive

step() { printf '\n== %s\n' "$*"; }

step "system packages"
declare -A package_of=(
  [chromium]=chromium [memcached]=memcached [curl]=curl [swift-ring-builder]=swift
  [swift-proxy-server]=swift-proxy [swift-account-server]=swift-account
  [swift-container-server]=swift-container [swift-object-server]=swift-object
  [node]=nodejs [npm]=npm
)
missing=()
for command in "${!package_of[@]}"; do
  command -v "$command" >/dev/null || missing+=("${package_of[$command]}")
done
if ((${#missing[@]})); then
  sudo=; [[ $(id -u) == 0 ]] || sudo=sudo
  echo "installing: ${missing[*]}"
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
else
  echo "all present"
fi

step "S3 server (OpenStack Swift s3api on loopback)"
s3_state=$(mktemp -d)
trap 'tests/s3-server/stop.sh "$s3_state"; rm -rf "$s3_state"' EXIT
tests/s3-server/start.sh "$s3_state"
set -a; . "$s3_state/env"; set +a

step "tools and build (Release)"
dotnet tool restore
dotnet build Console.sln -c Release -nologo -v quiet
# Benchmarks are not tests and never run here, but they must keep compiling against the code they measure.
for bench in bench/*/*.csproj; do dotnet build "$bench" -c Release -nologo -v quiet; done

step "EF model matches the migrations"
dotnet ef migrations has-pending-model-changes --project src/Catalog --no-build --configuration Release

step "Dockerfile lint"
npx --yes dockerfile-utils@0.16.3 lint Dockerfile

step "npm SDK for the wire protocol tests (tests/sdk-node, from its lock file)"
npm ci --prefix tests/sdk-node --no-audit --no-fund

step "tests"
log=$(mktemp)
set +e
dotnet test Console.sln -c Release --no-build --results-directory TestResults 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e
# dotnet test prints one "Passed!/Failed!  - Failed: N, Passed: N, Skipped: N, ..." line per test assembly.
summary=$(sed -nE 's/^(Passed|Failed)! +- Failed: +([0-9]+), Passed: +([0-9]+), Skipped: +([0-9]+).*/\2 \3 \4/p' "$log" |
  awk '{ f += $1; p += $2; s += $3 } END { printf "%d passed, %d failed", p, f; if (s) printf ", %d skipped", s }')
assemblies=$(grep -cE '^(Passed|Failed)! +- ' "$log" || true)
rm -f "$log"
expected=$(ls -d tests/*/*.csproj | wc -l)
if ((status == 0 && assemblies != expected)); then
  echo "only $assemblies of $expected test assemblies reported results" >&2
  status=1
fi
echo "$summary"
exit "$status"

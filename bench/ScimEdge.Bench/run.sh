#!/usr/bin/env bash
# Measures the SCIM edge of the DevHost with wrk beside a plain Kestrel endpoint on the same
# machine, interleaved run by run. Usage: bench/ScimEdge.Bench/run.sh  (DURATION=10s REPS=3 by default)
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
BENCH="$ROOT/bench/ScimEdge.Bench"
DURATION="${DURATION:-10s}"
REPS="${REPS:-3}"
THREADS="${THREADS:-2}"
CONNECTIONS="${CONNECTIONS:-16}"
WORK="$(mktemp -d /tmp/scimedge-bench.XXXXXX)"
RESULTS="$WORK/results"
mkdir -p "$RESULTS"
export BENCH_TOKEN="bench-token-$(date +%s)-0123456789abcdef"
export BENCH_DATA="$WORK"
export BENCH_PATH_PREFIX=/scim/v2   # both targets serve the SCIM paths
PIDS=()

cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
}
trap cleanup EXIT

command -v wrk >/dev/null || apt-get install -y wrk >/dev/null

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }

wait_http() { # url
  for _ in $(seq 1 120); do
    if curl -fs -o /dev/null "$1"; then return 0; fi
    sleep 0.5
  done
  echo "timed out waiting for $1" >&2; return 1
}

echo "== build (Release)"
dotnet build -c Release "$ROOT/services/DevHost" -v q -nologo >/dev/null
dotnet build -c Release "$BENCH" -v q -nologo >/dev/null
DEVHOST_DLL="$ROOT/services/DevHost/bin/Release/net10.0/Identity.DevHost.dll"
BENCH_DLL="$BENCH/bin/Release/net10.0/Identity.ScimEdge.Bench.dll"

SCIM_PORT=$(free_port); SCIM_MGMT=$(free_port); GR_PORT=$(free_port); PLAIN_PORT=$(free_port)
echo "== start DevHost (scim :$SCIM_PORT) and plain endpoint (:$PLAIN_PORT), data in $WORK/data"
# The per-tenant rate limiter would otherwise answer 429 long before the machine is saturated.
env DevHost__ScimPort="$SCIM_PORT" DevHost__ScimManagementPort="$SCIM_MGMT" \
  DevHost__DirectoryPort=0 DevHost__DirectoryManagementPort=0 \
  DevHost__GroupRolePort="$GR_PORT" DevHost__GroupRoleManagementPort=0 \
  DevHost__RevocationPort=0 DevHost__RevocationManagementPort=0 \
  IDENTITY_DATA_DIR="$WORK/data" IDENTITY_BOOTSTRAP_TOKEN="$BENCH_TOKEN" \
  Logging__LogLevel__Default=Warning \
  RateLimits__PermitsPerSecond=1000000 RateLimits__Burst=10000000 \
  dotnet "$DEVHOST_DLL" >"$WORK/devhost.log" 2>&1 &
PIDS+=($!)
dotnet "$BENCH_DLL" plain "$PLAIN_PORT" >"$WORK/plain.log" 2>&1 &
PIDS+=($!)
wait_http "http://127.0.0.1:$SCIM_MGMT/health/ready"
wait_http "http://127.0.0.1:$PLAIN_PORT/ready"

SCIM="http://127.0.0.1:$SCIM_PORT/scim/v2"
PLAIN="http://127.0.0.1:$PLAIN_PORT/scim/v2"
echo "== seed"
dotnet "$BENCH_DLL" seed "$SCIM" "http://127.0.0.1:$GR_PORT" default "$BENCH_TOKEN" "$WORK"
# shellcheck disable=SC1091
source "$WORK/seed.env"
FILTER="filter=userName%20eq%20%22${FILTER_USERNAME//@/%40}%22"
cp "$WORK/user.json" "$RESULTS/captured-user.json"
echo "captured GET /Users/{id}: $(wc -c <"$WORK/user.json") bytes; plain answers $(curl -s "$PLAIN/x" | wc -c) bytes"

run_wrk() { # name target rep script url [threads connections]
  local name="$1" target="$2" rep="$3" script="$4" url="$5" t="${6:-$THREADS}" c="${7:-$CONNECTIONS}"
  export BENCH_RUN="${name}-${target}-${rep}-$RANDOM"
  wrk -t"$t" -c"$c" -d"$DURATION" --latency -s "$BENCH/wrk/$script" "$url" >"$RESULTS/$name.$target.$rep.txt" 2>&1
  echo "   $name $target #$rep: $(grep 'Requests/sec' "$RESULTS/$name.$target.$rep.txt")  $(uptime | sed 's/.*load/load/')"
}

echo "== measure ($REPS x $DURATION each, -t$THREADS -c$CONNECTIONS, plain and scim interleaved)"
for rep in $(seq 1 "$REPS"); do
  for name in get filter post patch-user patch-group; do
    for target in plain scim; do
      base="$PLAIN"; [ "$target" = scim ] && base="$SCIM"
      case "$name" in
        get) run_wrk get "$target" "$rep" get.lua "$base/Users/$USER_ID" ;;
        filter) run_wrk filter "$target" "$rep" get.lua "$base/Users?$FILTER" ;;
        post) run_wrk post "$target" "$rep" post_user.lua "$base/Users" ;;
        patch-user) run_wrk patch-user "$target" "$rep" patch_user.lua "$base/Users" ;;
        # One connection: the figure is the latency of a single PATCH, not throughput.
        patch-group) run_wrk patch-group "$target" "$rep" patch_group.lua "$base/Groups/$GROUP_ID" 1 1 ;;
      esac
    done
  done
done

python3 "$BENCH/summarize.py" "$RESULTS" | tee "$RESULTS/summary.md"
echo "raw wrk output: $RESULTS"

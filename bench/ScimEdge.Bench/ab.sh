#!/usr/bin/env bash
# A/B of one wrk scenario on two checkouts of this repository, side by side on the same machine:
# two DevHosts (base and change) seeded alike, runs alternating between them, and for each run the
# throughput and the DevHost's own CPU time per request (from /proc), so a shared, noisy machine
# slows both sides alike and the ratio stays meaningful.
# Usage: bench/ScimEdge.Bench/ab.sh BASE_CHECKOUT CHANGE_CHECKOUT
#        SCENARIO=patch-user|post|get|filter|patch-group (default patch-user) REPS=5 DURATION=8s
#        CONNECTIONS=16 THREADS=2 (patch-group: one connection, one thread, for the latency of a single PATCH)
set -euo pipefail

BASE_ROOT="$(cd "$1" && pwd)"
CHANGE_ROOT="$(cd "$2" && pwd)"
SCENARIO="${SCENARIO:-patch-user}"
REPS="${REPS:-5}"
DURATION="${DURATION:-8s}"
CONNECTIONS="${CONNECTIONS:-16}"
THREADS="${THREADS:-2}"
if [ "$SCENARIO" = patch-group ]; then CONNECTIONS=1 THREADS=1; fi
WORK="$(mktemp -d /tmp/scimedge-ab.XXXXXX)"
export BENCH_TOKEN="bench-token-$(date +%s)-0123456789abcdef"
export BENCH_PATH_PREFIX=/scim/v2
PIDS=()
cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
}
trap cleanup EXIT
command -v wrk >/dev/null || apt-get install -y wrk >/dev/null

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }
wait_http() {
  for _ in $(seq 1 240); do curl -fs -o /dev/null "$1" && return 0; sleep 0.5; done
  echo "timed out waiting for $1" >&2; return 1
}
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }

declare -A SCIM_URL PID
for side in base change; do
  root="$BASE_ROOT"; [ "$side" = change ] && root="$CHANGE_ROOT"
  echo "== build $side ($root)"
  dotnet build -c Release "$root/services/DevHost" -v q -nologo >/dev/null
  dotnet build -c Release "$root/bench/ScimEdge.Bench" -v q -nologo >/dev/null
  scim=$(free_port); mgmt=$(free_port); gr=$(free_port)
  mkdir -p "$WORK/$side"
  env DevHost__ScimPort="$scim" DevHost__ScimManagementPort="$mgmt" \
    DevHost__DirectoryPort=0 DevHost__DirectoryManagementPort=0 \
    DevHost__GroupRolePort="$gr" DevHost__GroupRoleManagementPort=0 \
    DevHost__RevocationPort=0 DevHost__RevocationManagementPort=0 \
    IDENTITY_DATA_DIR="$WORK/$side/data" IDENTITY_BOOTSTRAP_TOKEN="$BENCH_TOKEN" \
    Logging__LogLevel__Default=Warning RateLimits__PermitsPerSecond=1000000 RateLimits__Burst=10000000 \
    dotnet "$root/services/DevHost/bin/Release/net10.0/Identity.DevHost.dll" >"$WORK/$side/devhost.log" 2>&1 &
  PID[$side]=$!; PIDS+=($!)
  wait_http "http://127.0.0.1:$mgmt/health/ready"
  SCIM_URL[$side]="http://127.0.0.1:$scim/scim/v2"
  echo "== seed $side"
  dotnet "$root/bench/ScimEdge.Bench/bin/Release/net10.0/Identity.ScimEdge.Bench.dll" seed "${SCIM_URL[$side]}" \
    "http://127.0.0.1:$gr" default "$BENCH_TOKEN" "$WORK/$side" >/dev/null
done

script_and_path() { # side -> "script url"
  # shellcheck disable=SC1090
  source "$WORK/$1/seed.env"
  case "$SCENARIO" in
    patch-user) echo "patch_user.lua ${SCIM_URL[$1]}/Users" ;;
    post) echo "post_user.lua ${SCIM_URL[$1]}/Users" ;;
    get) echo "get.lua ${SCIM_URL[$1]}/Users/$USER_ID" ;;
    patch-group) echo "patch_group.lua ${SCIM_URL[$1]}/Groups/$GROUP_ID" ;;
    filter) echo "get.lua ${SCIM_URL[$1]}/Users?filter=userName%20eq%20%22${FILTER_USERNAME//@/%40}%22" ;;
    *) echo "unknown SCENARIO $SCENARIO" >&2; exit 2 ;;
  esac
}

hz=$(getconf CLK_TCK)
echo "side rep requests_per_s cpu_us_per_request non2xx p50" | tee "$WORK/runs.txt"
for rep in $(seq 1 "$REPS"); do
  for side in base change; do
    read -r script url < <(script_and_path "$side")
    export BENCH_DATA="$WORK/$side" BENCH_RUN="$side-$rep-$RANDOM"
    before=$(cpu_ticks "${PID[$side]}")
    wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency -s "$CHANGE_ROOT/bench/ScimEdge.Bench/wrk/$script" "$url" >"$WORK/$side.$rep.txt" 2>&1
    after=$(cpu_ticks "${PID[$side]}")
    requests=$(awk '/requests in/ {print $1}' "$WORK/$side.$rep.txt")
    rps=$(awk '/Requests\/sec/ {print $2}' "$WORK/$side.$rep.txt")
    bad=$(awk '/Non-2xx/ {print $NF}' "$WORK/$side.$rep.txt"); bad=${bad:-0}
    cpu_us=$(python3 -c "print(round(($after-$before)/$hz*1e6/max($requests,1)))")
    p50=$(awk '$1 == "50%" {print $2}' "$WORK/$side.$rep.txt")
    echo "$side $rep $rps $cpu_us $bad $p50" | tee -a "$WORK/runs.txt"
  done
done
python3 - "$WORK/runs.txt" "$SCENARIO" <<'EOF'
import statistics, sys
rows = [l.split() for l in open(sys.argv[1]).read().splitlines()[1:]]
med = lambda side, col: statistics.median(float(r[col]) for r in rows if r[0] == side)
b_rps, c_rps, b_cpu, c_cpu = med("base", 2), med("change", 2), med("base", 3), med("change", 3)
errors = sum(int(r[4]) for r in rows)
print(f"{sys.argv[2]}: base {b_rps:,.0f}/s, {b_cpu:,.0f} µs CPU per request; change {c_rps:,.0f}/s, "
      f"{c_cpu:,.0f} µs; throughput x{c_rps / b_rps:.2f}, CPU per request x{c_cpu / b_cpu:.2f}; non-2xx {errors}")
EOF
echo "raw output: $WORK"

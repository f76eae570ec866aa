#!/usr/bin/env bash
# Load benchmark of the hosts page and hosts API: one network with 10,000 hosts and 50,000
# services, measured with wrk at 1, 8 and 32 connections, next to GET /health as a baseline.
# Everything runs on this machine and talks to 127.0.0.1 only.
#
# Usage: bench/hosts-load.sh            (from the repository root; DURATION=10s by default)
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT=$(pwd)
DURATION=${DURATION:-10s}
WARMUP=${WARMUP:-10s}
CONNECTIONS=${CONNECTIONS:-"1 8 32"}
HOST=127.0.0.1

need() { command -v "$1" >/dev/null 2>&1 || { echo "missing: $1 ($2)" >&2; exit 1; }; }
need java "install a JDK 17"
need curl "apt-get install -y curl"
need psql "apt-get install -y postgresql-client"
if ! command -v wrk >/dev/null 2>&1; then
  echo "wrk not found: installing it (apt-get install -y wrk)"
  apt-get install -y wrk >/dev/null
fi

if [[ ! -f target/topograph.jar ]]; then
  echo "Building target/topograph.jar ..."
  ./mvnw -q -B package -DskipTests
fi

# The machine's own load before anything of ours runs (the load average later includes the benchmark itself).
LOAD_START=$(cut -d' ' -f1-3 /proc/loadavg)
WORK=$(mktemp -d -t topograph-bench-XXXXXX)
APP_PID=""
cleanup() {
  if [[ -n "$APP_PID" ]] && kill -0 "$APP_PID" 2>/dev/null; then
    kill "$APP_PID" 2>/dev/null || true
    wait "$APP_PID" 2>/dev/null || true
  fi
  rm -rf "$WORK"
}
trap cleanup EXIT

# A free loopback port: probe random ports until one refuses connections.
free_port() {
  local p
  for _ in $(seq 1 50); do
    p=$((20000 + RANDOM % 40000))
    if ! (exec 3<>"/dev/tcp/$HOST/$p") 2>/dev/null; then
      echo "$p"
      return
    fi
  done
  echo "no free port found" >&2
  exit 1
}
PORT=$(free_port)
BASE="http://$HOST:$PORT"

echo "Starting the app on $BASE (data in $WORK) ..."
TOPOGRAPH_DATA_DIR="$WORK/data" MICRONAUT_SERVER_HOST=$HOST MICRONAUT_SERVER_PORT=$PORT \
  java -jar target/topograph.jar >"$WORK/app.log" 2>&1 &
APP_PID=$!
for i in $(seq 1 120); do
  if curl -fsS "$BASE/health" >/dev/null 2>&1; then break; fi
  if ! kill -0 "$APP_PID" 2>/dev/null; then echo "the app exited:" >&2; tail -50 "$WORK/app.log" >&2; exit 1; fi
  sleep 1
done
curl -fsS "$BASE/health" >/dev/null || { echo "the app did not become healthy" >&2; tail -50 "$WORK/app.log" >&2; exit 1; }

# The embedded PostgreSQL's port, from the startup log line "Database: embedded PostgreSQL 15 at jdbc:postgresql://localhost:NNNN/...".
PG_PORT=$(sed -n 's#.*embedded PostgreSQL 15 at jdbc:postgresql://[^:]*:\([0-9]*\)/.*#\1#p' "$WORK/app.log" | head -1)
[[ -n "$PG_PORT" ]] || { echo "could not find the embedded database URL in the log" >&2; exit 1; }
PSQL=(psql -X -q -h "$HOST" -p "$PG_PORT" -U postgres -d postgres -v ON_ERROR_STOP=1)

echo "Signing up a benchmark account ..."
JAR="$WORK/cookies.txt"
curl -fsS -c "$JAR" -b "$JAR" "$BASE/signup" -o /dev/null
CSRF=$(awk '$6 == "TG_CSRF" {print $7}' "$JAR")
[[ -n "$CSRF" ]] || { echo "no TG_CSRF cookie" >&2; exit 1; }
LOCATION=$(curl -sS -c "$JAR" -b "$JAR" -o /dev/null -w '%{redirect_url}' \
  --data-urlencode "_csrf=$CSRF" --data-urlencode "name=Bench" --data-urlencode "email=bench-$RANDOM@example.com" \
  --data-urlencode "password=benchmark-password-1" --data-urlencode "organization=Bench Org" "$BASE/signup")
SLUG=${LOCATION##*/o/}
SESSION=$(awk '$6 == "TG_SESSION" {print $7}' "$JAR")
[[ -n "$SLUG" && -n "$SESSION" ]] || { echo "sign-up failed (redirect: $LOCATION)" >&2; exit 1; }
COOKIE="TG_SESSION=$SESSION; TG_CSRF=$CSRF"

ORG=$("${PSQL[@]}" -tA -c "select id from organizations where slug = '$SLUG'")
NET=$("${PSQL[@]}" -tA -c "select id from networks where organization_id = '$ORG' order by created_at limit 1")

echo "Loading 10,000 hosts / 50,000 services into network $NET ..."
START=$(date +%s.%N)
"${PSQL[@]}" -v org="$ORG" -v net="$NET" -f bench/seed-hosts.sql
END=$(date +%s.%N)
# What autovacuum does shortly after a bulk insert anyway: planner statistics and the visibility map (which
# lets the host count use an index-only scan). The embedded server commits asynchronously: a page whose
# commit is not yet flushed cannot be marked all-visible, so flush (checkpoint) and vacuum until it is.
"${PSQL[@]}" -c "checkpoint" -c "vacuum analyze"
for _ in 1 2 3 4 5; do
  VISIBLE=$("${PSQL[@]}" -tA -c "select relallvisible >= relpages from pg_class where relname = 'hosts'")
  [[ "$VISIBLE" == "t" ]] && break
  sleep 1
  "${PSQL[@]}" -c "vacuum hosts"
done
"${PSQL[@]}" -tA -c "select 'hosts table pages all-visible: ' || relallvisible || '/' || relpages from pg_class where relname = 'hosts'"
"${PSQL[@]}" -tA -F' ' -c "select (select count(*) from hosts where network_id = '$NET'), (select count(*) from services s join hosts h on h.id = s.host_id where h.network_id = '$NET'), (select count(*) from interfaces), (select count(*) from ports)" \
  | { read -r h s i p; printf 'Loaded %s hosts, %s services, %s interfaces, %s ports in %.1f s\n' "$h" "$s" "$i" "$p" "$(awk -v a="$START" -v b="$END" 'BEGIN { print b - a }')"; }

PAGE_URL="$BASE/o/$SLUG/networks/$NET/hosts"
API_URL="$BASE/api/v1/networks/$NET/hosts"

# Sanity: the page really holds 50 host rows, and the API sees every visible host.
ROWS=$(curl -fsS -H "Cookie: $COOKIE" -H 'Accept: text/html' "$PAGE_URL" | grep -c '<tr id="host-' || true)
TOTAL=$(curl -fsS -H "Cookie: $COOKIE" -H 'Accept: application/json' "$API_URL" | sed -n 's/.*"total":\([0-9]*\).*/\1/p')
echo "First page: $ROWS rows; API total: $TOTAL visible hosts"
[[ "$ROWS" == "50" ]] || { echo "expected 50 rows on the first page" >&2; exit 1; }

run() { # name url accept connections duration [cookie]
  local threads=$(( $4 < 2 ? 1 : 2 ))
  BENCH_NAME="$1" BENCH_COOKIE="${6:-}" BENCH_ACCEPT="$3" \
    wrk -t"$threads" -c"$4" -d"$5" --timeout 10s -s bench/report.lua "$2" | grep '^RESULT' | sed "s/^RESULT /RESULT $4 /"
}

echo "Warming up ($WARMUP each) ..."
run warmup "$PAGE_URL" text/html 8 "$WARMUP" "$COOKIE" >/dev/null
run warmup "$API_URL" application/json 8 "$WARMUP" "$COOKIE" >/dev/null
run warmup "$BASE/health" application/json 8 "$WARMUP" >/dev/null

echo "Measuring ($DURATION per run) ..."
RESULTS="$WORK/results.txt"
for c in $CONNECTIONS; do
  run health "$BASE/health" application/json "$c" "$DURATION" | tee -a "$RESULTS"
  run hosts-page "$PAGE_URL" text/html "$c" "$DURATION" "$COOKIE" | tee -a "$RESULTS"
  run hosts-api "$API_URL" application/json "$c" "$DURATION" "$COOKIE" | tee -a "$RESULTS"
done

echo
echo "java: $(java -version 2>&1 | head -1); cpus: $(nproc); wrk: $(wrk --version 2>&1 | head -1 | cut -d' ' -f1-2)"
echo "load average (1/5/15 min) before the app started: $LOAD_START (the health baseline shows contention during the runs)"
awk '
  { conns=$2; name=$3; p50[name,conns]=$4; p95[name,conns]=$5; p99[name,conns]=$6; rps[name,conns]=$7; n[name,conns]=$8; bad[name,conns]=$9; sock[name,conns]=$10; st[name,conns]=$11; cs[conns]=1 }
  END {
    printf "%-11s %5s %9s %9s %9s %10s %9s %7s %7s %10s %10s  %s\n", "endpoint", "conns", "p50 ms", "p95 ms", "p99 ms", "req/s", "requests", "non2xx", "socket", "p95/health", "rps/health", "statuses"
    split("health hosts-page hosts-api", names, " ")
    for (c in cs) order[++k]=c+0
    for (i = 1; i <= k; i++) for (j = i + 1; j <= k; j++) if (order[j] < order[i]) { t=order[i]; order[i]=order[j]; order[j]=t }
    for (i = 1; i <= k; i++) {
      c = order[i]
      for (x = 1; x <= 3; x++) {
        nm = names[x]
        if (!((nm, c) in p50)) continue
        r95 = p95["health",c] > 0 ? p95[nm,c] / p95["health",c] : 0
        rr = rps["health",c] > 0 ? rps[nm,c] / rps["health",c] : 0
        printf "%-11s %5d %9.2f %9.2f %9.2f %10.1f %9d %7d %7d %10.1f %10.2f  %s\n", nm, c, p50[nm,c], p95[nm,c], p99[nm,c], rps[nm,c], n[nm,c], bad[nm,c], sock[nm,c], r95, rr, st[nm,c]
      }
    }
  }' "$RESULTS"

#!/usr/bin/env bash
# Scheduling benchmark: 10,000 cron definitions across 1,000 organizations, all due in the same
# minute, fired by two Quartz nodes (clustered) on the one embedded PostgreSQL through the real
# job, handler and run insert. Prints runs queued (each definition exactly once), fires per node
# and the lag between scheduled fire time and the run's insert (p50, p99, max). About 3-4 minutes:
# it waits for the first minute boundary at least two minutes ahead. No network traffic at all.
#
# Usage: bench/schedules.sh   (BENCH_THREADS=10, BENCH_BATCH=10, BENCH_POOL=40 by default)
set -euo pipefail

cd "$(dirname "$0")/.."
THREADS=${BENCH_THREADS:-10}
BATCH=${BENCH_BATCH:-10}
POOL=${BENCH_POOL:-40}
echo "Load average before start: $(cut -d' ' -f1-3 /proc/loadavg)"
./mvnw -q -B test -o -Dscanner.skipTests=true -Dbench=true \
  -Dtopograph.scheduling.thread-count="$THREADS" -Dtopograph.scheduling.batch-max-count="$BATCH" \
  -Dtopograph.scheduling.idle-wait-time=10s -Dtopograph.scheduling.cluster-checkin-interval=7500ms \
  -Ddatasources.default.maximum-pool-size="$POOL" \
  -Dtest='ScheduleBenchmarkTest' -Dsurefire.failIfNoSpecifiedTests=false >/dev/null || {
  echo "the benchmark failed; see target/surefire-reports/io.topograph.discovery.definitions.ScheduleBenchmarkTest.txt" >&2
  cat target/bench-schedules.txt 2>/dev/null >&2 || true
  exit 1
}
cat target/bench-schedules.txt

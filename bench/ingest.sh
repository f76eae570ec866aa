#!/usr/bin/env bash
# Ingestion benchmark: 10,000 hosts with 5 services each, sent as a daemon sends them (20 batches
# of 500 through POST /api/daemon/v1/runs/{run}/batches/{seq}) to the real server on a loopback
# port with the embedded PostgreSQL, then the same hosts again in a new run.
# Prints hosts, services, first-ingest seconds, re-ingest seconds, their ratio and the rows a
# re-ingest changed. No network traffic leaves 127.0.0.1.
#
# Usage: bench/ingest.sh            (from anywhere; BENCH_HOSTS=10000 by default)
set -euo pipefail

cd "$(dirname "$0")/.."
HOSTS=${BENCH_HOSTS:-10000}
echo "Load average before start: $(cut -d' ' -f1-3 /proc/loadavg)"
./mvnw -q -B test -o -Dscanner.skipTests=true -Dbench=true -Dbench.hosts="$HOSTS" \
  -Dtest='IngestBenchmarkTest' -Dsurefire.failIfNoSpecifiedTests=false >/dev/null || {
  echo "the benchmark failed; see target/surefire-reports/io.topograph.discovery.ingest.IngestBenchmarkTest.txt" >&2
  cat target/bench-ingest.txt 2>/dev/null >&2 || true
  exit 1
}
cat target/bench-ingest.txt

#!/usr/bin/env bash
# Topology benchmark: synthetic networks of 500, 2,000 and 5,000 hosts in the embedded PostgreSQL,
# then GET /api/v1/networks/{id}/topology.svg over HTTP on localhost with an API key (warm-up, then
# median and p90), next to GET /api/v1/organization as a baseline measured in the same run, and
# the SVG size; then the print view holding that SVG in headless Chromium (time to DOM interactive and
# load, 30 scripted pan/zoom transform changes). Writes target/bench-topology.txt and
# target/bench-topology-browser.txt. No traffic beyond the test's own server on
# localhost; the made-up addresses are never contacted.
#
# Usage: bench/topology.sh   (BENCH_WARMUP=3, BENCH_RUNS=9, BENCH_SIZES=500,2000,5000 by default)
set -euo pipefail

cd "$(dirname "$0")/.."
echo "Load average before start: $(cut -d' ' -f1-3 /proc/loadavg)"
./mvnw -q -B test -o -Dscanner.skipTests=true -Dbench=true \
  -Dbench.warmup="${BENCH_WARMUP:-3}" -Dbench.runs="${BENCH_RUNS:-9}" -Dbench.sizes="${BENCH_SIZES:-500,2000,5000}" \
  -Dtest='TopologyBenchmarkTest,TopologyBrowserBenchmarkTest' -Dsurefire.failIfNoSpecifiedTests=false >/dev/null || {
  echo "the benchmark failed; see target/surefire-reports/io.topograph.topology.TopologyBenchmarkTest.txt" >&2
  cat target/bench-topology.txt 2>/dev/null >&2 || true
  exit 1
}
cat target/bench-topology.txt
echo
cat target/bench-topology-browser.txt

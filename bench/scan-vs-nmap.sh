#!/usr/bin/env bash
# Benchmark: topograph-daemon `scan` against `nmap -sT -T4` on a loopback lab of 64 hosts.
#
#   bench/scan-vs-nmap.sh            # RUNS=3 rounds, both tools on the same ports in the same run
#   RUNS=5 bench/scan-vs-nmap.sh
#   SV=1 bench/scan-vs-nmap.sh       # also compare identification with `nmap -sV`
#
# Only loopback addresses are touched: the lab listens on 127.0.20.1-64 (see scan-vs-nmap-lab.java)
# and both scanners target exactly 127.0.20.1-64. Reverse DNS is off for both (-n / --no-rdns).
# Note: a program listening on the wildcard address (0.0.0.0 / *) of this machine answers on every
# 127.x address too; such ports show up for both tools on every host and are reported as "other".
#
# Ours runs as users run it, `java -jar topograph-daemon.jar scan ...`: the jar re-launches the scan
# in a JVM with options for a short command and keeps a class-data archive in ~/.cache/topograph-daemon
# (see ScanLauncher and docs/scanner.md). The first scan after an install or upgrade writes that
# archive: it is run and timed once before the rounds and reported on its own. "ours_direct" is the
# same default scan with TOPOGRAPH_RELAUNCH=0 (the scan in the first JVM, with the JVM's defaults).
set -euo pipefail
cd "$(dirname "$0")/.."

RUNS=${RUNS:-3}
HOSTS=64
PREFIX=127.0.20
TARGETS="$PREFIX.1-$HOSTS"
OUT=bench/out/scan-vs-nmap
mkdir -p "$OUT"
JAR=scanner/target/topograph-daemon.jar

echo "== building the scanner"
./mvnw -q -B -f scanner/pom.xml package -DskipTests
if ! command -v nmap >/dev/null 2>&1; then
  echo "== installing nmap"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq && apt-get install -y -qq nmap >/dev/null
fi
command -v python3 >/dev/null || { echo "python3 is needed to compare the results" >&2; exit 1; }

echo "== starting the lab on $PREFIX.1-$HOSTS"
java bench/scan-vs-nmap-lab.java "$PREFIX" "$HOSTS" > "$OUT/lab.txt" 2>&1 &
LAB=$!
trap 'kill "$LAB" 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do
  grep -q '^ready' "$OUT/lab.txt" 2>/dev/null && break
  kill -0 "$LAB" 2>/dev/null || { cat "$OUT/lab.txt"; exit 1; }
  sleep 0.2
done
grep '^ready' "$OUT/lab.txt"

# the exact port list of our top1000 profile (printer ports 9100-9107 are skipped by default)
PORTS=$(grep -v '^#' scanner/src/main/resources/ports/tcp-top.txt | grep -vE '^910[0-7]$' | paste -sd, -)
echo "== $(echo "$PORTS" | tr ',' '\n' | wc -l) ports per host, $HOSTS hosts; $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"

now() { date +%s.%N; }
# CPU time (user + system, children included) next to the wall time, when GNU time is there: on a
# shared machine the wall time follows the other work, the CPU a tool needs much less so
CPUTIME=$(command -v /usr/bin/time >/dev/null 2>&1 && /usr/bin/time -f %U true >/dev/null 2>&1 && echo yes || echo no)
timed() { # name, command...
  local name=$1; shift
  local t0 t1
  t0=$(now)
  if [[ $CPUTIME == yes ]]; then
    /usr/bin/time -o "$OUT/$name.cpu" -f "%U %S" "$@" > "$OUT/$name.stdout" 2> "$OUT/$name.stderr"
  else
    "$@" > "$OUT/$name.stdout" 2> "$OUT/$name.stderr"
  fi
  t1=$(now)
  python3 -c "print(f'{$t1-$t0:.2f}')"
}

echo "== first scan of this jar (writes the class-data archive; timed, not part of the medians)"
t0=$(now)
java -jar "$JAR" scan --targets "$TARGETS" --ports top1000 --format json --no-rdns --output "$OUT/ours-first.json" > "$OUT/ours-first.stdout" 2> "$OUT/ours-first.stderr"
t1=$(now)
FIRST=$(python3 -c "print(f'{$t1-$t0:.2f}')")
echo "first scan ${FIRST}s"

declare -A TIMES
for run in $(seq 1 "$RUNS"); do
  # alternate who goes first so neither always gets the warmer machine
  if (( run % 2 )); then order="ours nmap ours_direct ours_ports"; else order="nmap ours_ports ours_direct ours"; fi
  for tool in $order; do
    case $tool in
      ours) t=$(timed "ours-$run" java -jar "$JAR" scan --targets "$TARGETS" --ports top1000 --format json --no-rdns --output "$OUT/ours-$run.json") ;;
      ours_direct) t=$(timed "ours_direct-$run" env TOPOGRAPH_RELAUNCH=0 java -jar "$JAR" scan --targets "$TARGETS" --ports top1000 --format json --no-rdns --output "$OUT/ours_direct-$run.json") ;;
      ours_ports) t=$(timed "ours_ports-$run" java -jar "$JAR" scan --targets "$TARGETS" --ports top1000 --format json --no-rdns --rate 100000 --no-evidence --output "$OUT/ours_ports-$run.json") ;;
      nmap) t=$(timed "nmap-$run" nmap -sT -T4 -n -p "$PORTS" "$TARGETS" -oG "$OUT/nmap-$run.gnmap") ;;
    esac
    TIMES[$tool]="${TIMES[$tool]:-} $t"
    echo "run $run: $tool ${t}s"
  done
done

if [[ "${SV:-0}" == "1" ]]; then
  echo "== identification: nmap -sV -T4 (same ports) and our default scan"
  t=$(timed "nmap_sv" nmap -sV -sT -T4 -n -p "$PORTS" "$TARGETS" -oX "$OUT/nmap-sv.xml")
  echo "nmap -sV ${t}s"
  TIMES[nmap_sv]=" $t"
fi

python3 - "$OUT" "$RUNS" "$PREFIX" "${TIMES[ours]}" "${TIMES[ours_direct]}" "${TIMES[ours_ports]}" "${TIMES[nmap]}" "${TIMES[nmap_sv]:-}" <<'PY'
import json, re, statistics, sys, collections, os
out, runs, prefix = sys.argv[1], int(sys.argv[2]), sys.argv[3]
times = {k: [float(x) for x in v.split()] for k, v in zip(["ours", "ours_direct", "ours_ports", "nmap", "nmap_sv"], sys.argv[4:9])}

lab = set(l.strip() for l in open(os.path.join(out, "lab.txt")) if l.startswith(prefix + "."))

def ours(path):
    r = json.load(open(path))
    return {f"{h['ip']}:{p['port']}" for h in r["hosts"] for p in h["ports"]}, r

def nmap(path):
    found = set()
    for line in open(path):
        m = re.match(r"Host: (\S+) .*Ports: (.*)", line)
        if m:
            for entry in m.group(2).split(","):
                f = entry.strip().split("/")
                if len(f) > 2 and f[1] == "open":
                    found.add(f"{m.group(1)}:{f[0]}")
    return found

print("\n== results (median of %d runs, seconds of wall time)" % runs)
med = {k: statistics.median(v) for k, v in times.items() if v}
for k, label in [("nmap", "nmap -sT -T4 -n"), ("ours", "ours: scan (defaults: rate 100000/s, evidence + identification)"),
                 ("ours_direct", "ours: scan, TOPOGRAPH_RELAUNCH=0 (one JVM, JVM defaults)"),
                 ("ours_ports", "ours: scan --rate 100000 --no-evidence (ports only, like -sT)")]:
    print(f"  {label:70s} {med[k]:6.2f}   runs: {' '.join(f'{x:.2f}' for x in times[k])}")
for k in ["ours", "ours_direct", "ours_ports"]:
    print(f"  ratio {k}/nmap = {med[k] / med['nmap']:.2f}")

def cpu(name):
    try:
        u, s = open(os.path.join(out, name + ".cpu")).read().split()[-2:]
        return float(u), float(s)
    except (OSError, ValueError):
        return None
if cpu("nmap-1"):
    print("\n== CPU time (user + system, median of %d runs, seconds)" % runs)
    for k in ["nmap", "ours", "ours_direct", "ours_ports"]:
        c = [cpu(f"{k}-{r}") for r in range(1, runs + 1)]
        c = [x for x in c if x]
        if c:
            print(f"  {k:12s} user {statistics.median(x[0] for x in c):5.2f}  system {statistics.median(x[1] for x in c):5.2f}"
                  f"  total {statistics.median(x[0] + x[1] for x in c):5.2f}")

ok = True
for run in range(1, runs + 1):
    n = nmap(os.path.join(out, f"nmap-{run}.gnmap"))
    for k in ["ours", "ours_direct", "ours_ports"]:
        o, _ = ours(os.path.join(out, f"{k}-{run}.json"))
        same = o == n
        ok &= same
        extra = sorted(o - n)[:5]
        missing = sorted(n - o)[:5]
        print(f"  run {run} {k:10s}: open ports ours={len(o)} nmap={len(n)} equal={same}" + ("" if same else f" only-ours={extra} only-nmap={missing}"))
    other = sorted({p.split(':')[1] for p in n - lab})
    print(f"  run {run}: lab listeners {len(lab)}, all found by nmap={lab <= n}; other open ports (not the lab's): {other}")

o, report = ours(os.path.join(out, "ours-1.json"))
ids = collections.Counter()
for h in report["hosts"]:
    svc = {s["port"]: s["id"] + (" " + s["version"] if s.get("version") else "") for s in h["services"]}
    for p in h["ports"]:
        ids[(p["port"], svc.get(p["port"], "(unidentified)"))] += 1
print("\n== our identification (run 1): port -> service id (hosts)")
for (port, sid), c in sorted(ids.items()):
    print(f"  {port:5d}  {sid:28s} {c}")

sv = os.path.join(out, "nmap-sv.xml")
if times.get("nmap_sv"):
    import xml.etree.ElementTree as ET
    nids = collections.Counter()
    for host in ET.parse(sv).getroot().iter("host"):
        for port in host.iter("port"):
            st = port.find("state")
            if st is None or st.get("state") != "open":
                continue
            s = port.find("service")
            name = "?" if s is None else " ".join(x for x in [s.get("name"), s.get("product"), s.get("version")] if x)
            nids[(int(port.get("portid")), name)] += 1
    print(f"\n== nmap -sV identification ({times['nmap_sv'][0]:.2f}s): port -> service (hosts)")
    for (port, name), c in sorted(nids.items()):
        print(f"  {port:5d}  {name:40s} {c}")
print("\nopen-port sets equal in every run:", ok)
PY

#!/usr/bin/env bash
# Regenerates src/main/resources/oui/ieee-oui.tsv.gz from the IEEE MA-L (OUI) registry as shipped
# by Debian's "ieee-data" package (/usr/share/ieee-data/oui.csv). Output lines: "AABBCC<TAB>Organization".
set -euo pipefail
src=${1:-/usr/share/ieee-data/oui.csv}
out="$(dirname "$0")/../src/main/resources/oui/ieee-oui.tsv.gz"
python3 - "$src" <<'PY' | gzip -9n > "$out"
import csv, sys
with open(sys.argv[1], newline='', encoding='utf-8') as f:
    rows = sorted((r[1].strip().upper(), ' '.join(r[2].split())) for r in csv.reader(f) if r and r[0] == 'MA-L')
print('# IEEE MA-L (OUI) registry, public data, as packaged by Debian ieee-data')
for a, o in rows:
    if len(a) == 6 and o:
        print(a + '\t' + o)
PY
echo "wrote $out ($(zcat "$out" | grep -vc '^#') assignments)"

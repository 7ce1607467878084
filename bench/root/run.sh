#!/usr/bin/env bash
# W8 (BENCHMARKS.md): MB/s reading whole trees per compression, Hadron vs JSROOT in Node.
#   bench/root/run.sh [seconds per file]        (from the repository root; needs JSROOT, see README.md)
set -euo pipefail
cd "$(dirname "$0")/../.."
source ./.ci/find-jdk25
SECONDS_PER_FILE="${1:-3}"
DATA="$(cd .. && pwd)/shared/data/root"
JSROOT_MAIN="${JSROOT:-${JSROOT_DIR:-/tmp/jsroot}/node_modules/jsroot/modules/main.mjs}"
[ -d "$DATA" ] || { echo "error: no ROOT files at $DATA" >&2; exit 1; }
[ -f "$JSROOT_MAIN" ] || { echo "error: JSROOT not found at $JSROOT_MAIN; see bench/root/README.md" >&2; exit 1; }

./mvnw -q -o -pl hadron-io -am package -DskipTests 2>/dev/null || ./mvnw -q -pl hadron-io -am package -DskipTests
XZ_JAR=$(find ~/.m2/repository/org/tukaani/xz -name 'xz-1.12.jar' | head -1)
CP="hadron-core/target/classes:hadron-io/target/classes:$XZ_JAR"
OUT=bench/out/root
mkdir -p "$OUT"

echo "Hadron (Java) ..." >&2
"$JAVA_HOME/bin/java" -Xmx2g -cp "$CP" -Dbench.files=bench/root/files.txt bench/root/RootReadBench.java "$DATA" "$SECONDS_PER_FILE" > "$OUT/hadron.txt"
echo "JSROOT (Node $(node --version)) ..." >&2
JSROOT="$JSROOT_MAIN" node bench/root/jsroot_read.mjs "$DATA" "$SECONDS_PER_FILE" > "$OUT/jsroot.txt"

MODEL=$(lscpu | sed -n 's/^Model name: *//p' | head -1)
CORES=$(nproc)
echo "| file (tree) | Hadron MB/s | JSROOT MB/s | ratio |"
echo "|---|---|---|---|"
join <(sort "$OUT/hadron.txt") <(sort "$OUT/jsroot.txt") | sort -k1,1 | \
  awk '{ printf "| %s (%s) | %s | %s | %.1fx |\n", $1, $2, $3, $5, $3 / $5 }'
echo
echo "date $(date -u +%Y-%m-%d), machine: $MODEL, $CORES cores, $("$JAVA_HOME/bin/java" -version 2>&1 | head -1)"

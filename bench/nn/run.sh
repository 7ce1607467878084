#!/usr/bin/env bash
# W2, W3, W4, W5 and W7 of BENCHMARKS.md: Hadron and PyTorch in the same run, one process per
# workload (so each peak-memory figure belongs to one workload), threads pinned to HADRON_THREADS
# (default 2) on both sides.
#   Usage: bench/nn/run.sh [W2 W3 W4 W5 W7]
#   HADRON_BLAS=java (default here: pure Java) | openblas | auto ; HADRON_HEAP (default 256m)
# The Java heap is capped (-Xmx, default 256m): the workloads' live data is well below 100 MB, and an
# uncapped G1 heap grows to 500-800 MB simply because the machine has memory to spare, which would make
# the peak-RSS column measure the collector's sizing policy rather than the training run.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
source ./.ci/find-jdk25
threads="${HADRON_THREADS:-2}"
blas="${HADRON_BLAS:-java}"
heap="${HADRON_HEAP:-256m}"
./mvnw -q -o -pl hadron-nn -am package -DskipTests >&2 2>/dev/null || ./mvnw -q -pl hadron-nn -am package -DskipTests >&2
mp="hadron-core/target/classes:hadron-nn/target/classes"
classes="bench/target/nn-classes"
mkdir -p "$classes"
"$JAVA_HOME/bin/javac" -nowarn -d "$classes" --add-modules jdk.incubator.vector -p "$mp" --add-modules dev.hadron.nn \
  bench/nn/NnWorkloads.java 2>&1 | grep -v -e 'incubat' -e '^1 warning' >&2 || true
echo "machine: $(lscpu | sed -n 's/^Model name: *//p'), $(nproc) cores; $threads threads each; HADRON_BLAS=$blas; -Xmx$heap; load $(cut -d' ' -f1-3 /proc/loadavg)"
for w in "${@:-W2 W3 W4 W5 W7}"; do
  for one in $w; do
    HADRON_THREADS="$threads" HADRON_BLAS="$blas" "$JAVA_HOME/bin/java" -Xmx"$heap" -Xss4m --add-modules jdk.incubator.vector \
      --enable-native-access=ALL-UNNAMED -p "$mp" --add-modules dev.hadron.nn -cp "$classes" NnWorkloads "--one=$one" \
      2>&1 | grep -v -e '^WARNING' -e '^$'
    OMP_NUM_THREADS="$threads" /usr/bin/python3 bench/peers/nn_workloads_torch.py "$threads" "--one=$one"
  done
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"

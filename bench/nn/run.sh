#!/usr/bin/env bash
# W2, W3, W4, W5 and W7 of BENCHMARKS.md: Hadron and PyTorch in the same run, one process per
# workload (so each peak-memory figure belongs to one workload), threads pinned to HADRON_THREADS
# (default 2) on both sides.   Usage: bench/nn/run.sh [W2 W3 W4 W5 W7]
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
source ./.ci/find-jdk25
threads="${HADRON_THREADS:-2}"
./mvnw -q -pl hadron-nn -am package -DskipTests >&2
mp="hadron-core/target/classes:hadron-nn/target/classes"
echo "machine: $(lscpu | sed -n 's/^Model name: *//p'), $(nproc) cores; $threads threads each; load $(cut -d' ' -f1-3 /proc/loadavg)"
for w in "${@:-W2 W3 W4 W5 W7}"; do
  for one in $w; do
    HADRON_THREADS="$threads" "$JAVA_HOME/bin/java" -Xss4m --add-modules jdk.incubator.vector \
      --enable-native-access=ALL-UNNAMED -p "$mp" --add-modules dev.hadron.nn bench/nn/NnWorkloads.java "--one=$one" \
      2>&1 | grep -v '^WARNING'
    OMP_NUM_THREADS="$threads" /usr/bin/python3 bench/peers/nn_workloads_torch.py "$threads" "--one=$one"
  done
done

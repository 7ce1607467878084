#!/usr/bin/env bash
# W6 (BENCHMARKS.md): histogram gradient boosting, 400,000 x 28, 200 trees, depth 6, learning rate 0.1,
# 256 bins, binary logistic; Hadron vs XGBoost `hist` and scikit-learn HistGradientBoosting at the same
# thread count, AUC on 100,000 held-out events; then a random forest (100 trees, 100,000 events) vs
# scikit-learn.
#   bench/trees/run.sh [repeats] [threads]        (from anywhere; default 3 repeats, 2 threads)
# The data set is synthetic and HIGGS-shaped (make_higgs_like.py), written once to bench/out/w6.
# Runs alternate Hadron and XGBoost so drifting machine load affects both alike.
set -euo pipefail
cd "$(dirname "$0")/../.."
source ./.ci/find-jdk25
REPEATS="${1:-3}"
THREADS="${2:-2}"
DATA=bench/out/w6
[ -f "$DATA/x_train.npy" ] || /usr/bin/python3 bench/trees/make_higgs_like.py "$DATA"
./mvnw -q -o -pl hadron-ml -am package -DskipTests 2>/dev/null || ./mvnw -q -pl hadron-ml -am package -DskipTests
hadron() {
  # stderr kept (errors must show), less the JDK and source launcher notices about the incubating Vector API
  "$JAVA_HOME/bin/java" -Xmx6g -p hadron-core/target/classes:hadron-ml/target/classes --add-modules dev.hadron.ml \
    bench/trees/W6.java "$DATA" "$1" "$2" "$THREADS" 2> >(grep -v -e 'Using incubator modules' -e 'using incubating module' -e '^1 warning$' >&2)
}
peer() {
  OMP_NUM_THREADS="$THREADS" /usr/bin/python3 bench/trees/peers.py "$DATA" "$1" "$THREADS" "$2"
}
echo "# machine: $(lscpu | sed -n 's/^Model name: *//p'), $(nproc) cores; threads $THREADS; $(date -u +%Y-%m-%d)"
echo "# load before: $(uptime)"
for r in $(seq "$REPEATS"); do
  hadron 1 gbdt
  peer 1 xgb
done
peer 1 hgb
hadron "$REPEATS" rf
peer "$REPEATS" rf
echo "# load after: $(uptime)"

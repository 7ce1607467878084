#!/usr/bin/env bash
# Classic methods (logistic regression, k-means, Gaussian process, SVM, kNN): Hadron and
# scikit-learn in the same run on the same synthetic HIGGS-shaped data, threads pinned to
# HADRON_THREADS (default 2) on the scikit-learn side; Hadron's parallel loops use the common
# fork-join pool (cores - 1 workers plus the calling thread, so 2 threads on a 2-core machine).
# Prints a Markdown table for bench/RESULTS.md.
#   Usage: bench/classic/run.sh [repeats, default 3] [logistic,kmeans,gp,svc,knn]
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
source ./.ci/find-jdk25
repeats="${1:-3}"
groups="${2:-logistic,kmeans,gp,svc,knn}"
threads="${HADRON_THREADS:-2}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
./mvnw -q -pl hadron-ml -am package -DskipTests >&2
echo "date: $(date -u +%Y-%m-%d' '%H:%M' UTC')"
echo "machine: $(lscpu | sed -n 's/^Model name: *//p'), $(nproc) cores; $threads threads; JDK $("$JAVA_HOME/bin/java" -version 2>&1 | head -1)"
echo "peer: scikit-learn $(/usr/bin/python3 -c 'import sklearn, numpy, scipy; print(sklearn.__version__, "/ NumPy", numpy.__version__, "/ SciPy", scipy.__version__)')"
echo "load before: $(uptime | sed 's/.*load average/load average/')"
/usr/bin/python3 bench/classic/make_data.py "$work" 300000
# one group at a time, Hadron then scikit-learn, so that both sides of a row see the same load
for g in ${groups//,/ }; do
  "$JAVA_HOME/bin/java" --add-modules jdk.incubator.vector \
    -p hadron-core/target/classes:hadron-ml/target/classes --add-modules dev.hadron.ml \
    bench/classic/ClassicBench.java "$work" "$repeats" "$g" 2>&1 | grep --line-buffered -v '^WARNING' | tee -a "$work/hadron.tsv" >&2
  OMP_NUM_THREADS="$threads" OPENBLAS_NUM_THREADS="$threads" MKL_NUM_THREADS="$threads" \
    /usr/bin/python3 bench/classic/classic_peer.py "$work" "$repeats" "$g" | tee -a "$work/sklearn.tsv" >&2
  echo "load after $g: $(cut -d' ' -f1-3 /proc/loadavg)"
done
echo
/usr/bin/python3 bench/classic/report.py "$work" "$work/hadron.tsv" "$work/sklearn.tsv"

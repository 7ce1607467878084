#!/bin/sh
# Runs the I/O benchmark and its peers on the same files. From the repository root:
#   sh bench/io/run.sh            (needs JDK 25, python3 with numpy, node with hyparquet, zstd)
# Environment: DATA (default ../shared/data), SCRATCH (default /tmp/hadron-io-bench), NODE_PATH for hyparquet.
set -e
. .ci/find-jdk25
DATA=${DATA:-$(cd .. && pwd)/shared/data}
SCRATCH=${SCRATCH:-/tmp/hadron-io-bench}
mkdir -p "$SCRATCH"
./mvnw -q -pl hadron-io -am package -DskipTests
CP=hadron-core/target/classes:hadron-io/target/classes
for jar in io/jhdf/jhdf org/slf4j/slf4j-api org/apache/commons/commons-lang3 com/ning/compress-lzf; do
  CP=$CP:$(find ~/.m2/repository/$jar -name '*.jar' | sort | tail -1)
done
# a 16 MB float32 column compressed by the reference zstd at level 3
python3 -c "import numpy as np; np.random.default_rng(3).exponential(30, 4_000_000).astype(np.float32).tofile('$SCRATCH/floats.bin')"
zstd -q -f -3 "$SCRATCH/floats.bin" -o "$SCRATCH/floats.bin.zst"
echo "== Hadron"
"$JAVA_HOME/bin/java" --add-modules jdk.incubator.vector -cp "$CP" bench/io/IoBench.java "$DATA" "$SCRATCH" 2>/dev/null
echo "== peers"
python3 bench/io/peers.py "$DATA" "$SCRATCH"
if [ -n "$NODE_PATH" ]; then node bench/io/peer_hyparquet.mjs "$DATA"; fi
echo "reference zstd (C) level 3, compression and decompression speed:"
zstd -b3 -i3 "$SCRATCH/floats.bin" 2>&1 | tail -1
lscpu | grep -E 'Model name|^CPU\(s\)'

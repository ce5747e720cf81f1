#!/usr/bin/env bash
# Benchmark of the workbench-scale Spark job (issue 14) in local mode: generates N synthetic pings as Parquet with the
# job's own generator (once, kept in the scratch folder), then runs `aggregate` by ward × hour (area_time, presence,
# od, od_daily) and by mesh4 × hour, with local[1] and local[2], under /usr/bin/time -v (peak RSS of the one JVM that
# holds driver and executors in local mode).
#
# Usage: scripts/bench/scale-bench.sh ROWS [SCRATCH_DIR] [HEAP]
#   e.g. scripts/bench/scale-bench.sh 10000000 /tmp/wb-scale-bench 6g
#        scripts/bench/scale-bench.sh 100000000 /data/wb-scale-bench 12g     (about 3.5 GB of Parquet; run on an idle machine)
# Needs: mvn -B -q -DskipTests package -pl workbench-scale -am   (builds workbench-scale/target/workbench-scale.jar)
set -euo pipefail
ROWS=${1:?rows}
DIR=${2:-${TMPDIR:-/tmp}/wb-scale-bench}
HEAP=${3:-6g}
JAR=${WB_SCALE_JAR:-"$(cd "$(dirname "$0")/../.." && pwd)/workbench-scale/target/workbench-scale.jar"}
mkdir -p "$DIR"
export WORKBENCH_SCALE_KEY=${WORKBENCH_SCALE_KEY:-benchmark-key-0123456789abcdef0123456789abcdef}
export SPARK_LOCAL_IP=127.0.0.1
WARDS="$DIR/wards.geojson"
unzip -p "$JAR" jp/ebpm/analysis/privacy/location/kawasaki-wards.geojson > "$WARDS"
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GB, load $(cut -d' ' -f1-3 /proc/loadavg), $(java -version 2>&1 | head -1)"
if [ ! -d "$DIR/pings-$ROWS" ]; then
  /usr/bin/time -f "generate: %e s wall, peak RSS %M KB" \
    java -Xmx"$HEAP" -jar "$JAR" generate --master "local[2]" --rows "$ROWS" --out "$DIR/pings-$ROWS"
fi
du -sh "$DIR/pings-$ROWS"
for master in "local[1]" "local[2]"; do
  for by in ward mesh4; do
    out="$DIR/out-$ROWS-$by-${master//[^0-9]/}"
    rm -rf "$out"
    areas=()
    [ "$by" = ward ] && areas=(--areas "$WARDS" --area-key N03_007)
    echo "== $ROWS pings, $master, --by $by --time hour"
    /usr/bin/time -f "wall %e s, user %U s, peak RSS %M KB" \
      java -Xmx"$HEAP" -jar "$JAR" aggregate --master "$master" --input "$DIR/pings-$ROWS" \
        --id-col device_id --time-col timestamp --lat-col lat --lon-col lon "${areas[@]}" \
        --by "$by" --time hour --out "$out"
  done
done

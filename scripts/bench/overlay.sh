#!/usr/bin/env bash
# Overlay and start-up benchmark (issue 10): every figure is a whole `workbench` process, as a user runs it.
#
#   mvn -B -q -DskipTests package            # builds workbench.jar, lib/ and the class-data archive workbench.jsa
#   scripts/bench/overlay.sh DIR [RUNS] [--no-postgis]
#
# DIR receives the inputs (written once by `workbench bench overlay-data`: points.csv = 10,000,000 points,
# polygons.geojson = 1,000 polygons) and the outputs. RUNS (default 3) runs of each command; the median is reported.
# Commands timed, each `java -Xmx1g -XX:SharedArchiveFile=workbench-app/target/workbench.jsa -jar workbench.jar ...`:
#   overlay count --points DIR/points.csv --polygons DIR/polygons.geojson --key id --out DIR/counts.csv
#   overlay join  (same inputs)                                            --out DIR/joined.csv   (10,000,000 rows)
#   mesh encode   --csv DIR/points.csv --lat-col lat --lon-col lon --level 4 --out DIR/mesh.csv
#   catalog --project DIR/small-project   (a project with one 2-row table; 10 runs; also --version)
# Then the PostGIS peer on the same files in the same run (scripts/bench/overlay_postgis.sh, 1 run unless
# POSTGIS_RUNS is set) and the ratio PostGIS (load + query) / workbench overlay count.
# Wall clock and peak RSS come from GNU time (/usr/bin/time); user + sys CPU seconds are printed too, because on a
# shared machine the wall clock depends on the load (the load average is printed before each block).
set -euo pipefail
cd "$(dirname "$0")/../.."
DIR="$1"; RUNS="${2:-3}"; POSTGIS="${3:-}"
JAR=workbench-app/target/workbench.jar
JSA=workbench-app/target/workbench.jsa
[ -f "$JAR" ] || { echo "build first: mvn -B -q -DskipTests package" >&2; exit 2; }
CDS=()
[ -f "$JSA" ] && CDS=(-XX:SharedArchiveFile="$JSA")
WB=(java -Xmx1g "${CDS[@]}" -Xlog:disable -Xlog:all=warning:stderr -jar "$JAR")
mkdir -p "$DIR"
DIR="$(cd "$DIR" && pwd)"
[ -f "$DIR/points.csv" ] && [ -f "$DIR/polygons.geojson" ] || java -jar "$JAR" bench overlay-data --dir "$DIR"

echo "machine: $(nproc) processors, $(free -g | awk '/Mem:/ {print $2}') GB RAM, $(java -version 2>&1 | head -1), $(date -u +%FT%TZ)"
median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

# measure NAME RUNS CMD...: prints each run and "NAME median: W s wall, C s CPU, R MB peak RSS"; sets LAST_MEDIAN
measure() {
  local name="$1" runs="$2"; shift 2
  local walls=() cpus=() rsss=()
  echo "-- $name (load average $(cut -d' ' -f1-3 /proc/loadavg))"
  for i in $(seq "$runs"); do
    /usr/bin/time -f "%e %U %S %M" -o "$DIR/time.txt" "$@" >"$DIR/out.txt" 2>"$DIR/err.txt" || { cat "$DIR/err.txt" >&2; exit 1; }
    read -r wall user sys rss < "$DIR/time.txt"
    walls+=("$wall"); cpus+=("$(echo "$user + $sys" | bc -l)"); rsss+=("$rss")
    printf '%s run %d: %.2f s wall, %.2f s CPU, %d MB peak RSS\n' "$name" "$i" "$wall" "${cpus[-1]}" $((rss / 1024))
  done
  [ -s "$DIR/err.txt" ] && sed 's/^/   stderr: /' "$DIR/err.txt"
  LAST_MEDIAN=$(median "${walls[@]}")
  printf '%s median: %.2f s wall, %.2f s CPU, %d MB peak RSS\n' "$name" "$LAST_MEDIAN" "$(median "${cpus[@]}")" \
    $(( $(median "${rsss[@]}") / 1024 ))
}

measure "overlay count" "$RUNS" "${WB[@]}" overlay count --points "$DIR/points.csv" --polygons "$DIR/polygons.geojson" \
  --key id --out "$DIR/counts.csv"
COUNT=$LAST_MEDIAN
echo "   counted: $(awk -F, 'NR > 1 {s += $2} END {print s}' "$DIR/counts.csv") points in $(($(wc -l < "$DIR/counts.csv") - 1)) polygons"
measure "overlay join" "$RUNS" "${WB[@]}" overlay join --points "$DIR/points.csv" --polygons "$DIR/polygons.geojson" \
  --key id --out "$DIR/joined.csv"
echo "   joined.csv: $(($(wc -l < "$DIR/joined.csv") - 1)) rows"
measure "mesh encode" "$RUNS" "${WB[@]}" mesh encode --csv "$DIR/points.csv" --lat-col lat --lon-col lon --level 4 \
  --out "$DIR/mesh.csv"
rm -f "$DIR/joined.csv" "$DIR/mesh.csv"

if [ ! -f "$DIR/small-project/project.duckdb" ]; then
  printf 'a,b\n1,2\n3,4\n' > "$DIR/small.csv"
  java -jar "$JAR" import --project "$DIR/small-project" --file "$DIR/small.csv" >/dev/null
fi
measure "--version" 10 java "${CDS[@]}" -jar "$JAR" --version
measure "catalog" 10 java "${CDS[@]}" -jar "$JAR" catalog --project "$DIR/small-project"
if [ ${#CDS[@]} -gt 0 ]; then
  measure "catalog without the class-data archive" 10 java -jar "$JAR" catalog --project "$DIR/small-project"
fi

if [ "$POSTGIS" != "--no-postgis" ]; then
  echo "-- PostGIS peer (load average $(cut -d' ' -f1-3 /proc/loadavg))"
  PGOUT=$(scripts/bench/overlay_postgis.sh "$DIR" "${POSTGIS_RUNS:-1}")
  echo "$PGOUT"
  PG=$(echo "$PGOUT" | awk '/postgis median/ {print $(NF-1)}')
  printf 'ratio PostGIS (load + query) / workbench overlay count: %.1fx (%.1f s / %.2f s)\n' \
    "$(echo "$PG / $COUNT" | bc -l)" "$PG" "$COUNT"
fi

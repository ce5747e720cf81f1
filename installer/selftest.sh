#!/usr/bin/env bash
# Self-test of a packaged workbench: runs the command line of an app image or an installed package on
# real files, so that a module missing from the trimmed Java runtime, a missing native library or a
# missing charset fails here and not on a user's PC.
#
#   installer/selftest.sh [--sample-data DIR] -- COMMAND [ARGS...]
#
# COMMAND is the launcher, e.g. installer/target/workbench/bin/workbench or /opt/ebpm-workbench/bin/workbench.
# DIR is the sample-data folder to read (default: the one inside the app image next to the launcher,
# else sample-data/ of the repository).
# Exercises: --version/--help (picocli), a CP932 (windows-31j) CSV import into a new DuckDB project
# (jdk.charsets, DuckDB natives), SQL back with Japanese text, a GeoJSON layer and a point-in-polygon
# overlay (JTS, proj4j EPSG files), a choropleth PNG (java.desktop, fonts) and a KPI register read from
# .xlsx (POI, java.xml). Prints "selftest: N passed, 0 failed" or stops at the first failure.
set -euo pipefail

sample=""
while [ $# -gt 0 ]; do
  case "$1" in
    --sample-data) sample="$2"; shift 2 ;;
    --) shift; break ;;
    *) break ;;
  esac
done
[ $# -gt 0 ] || { echo "usage: $0 [--sample-data DIR] -- COMMAND [ARGS...]" >&2; exit 2; }
if [ -z "$sample" ]; then
  image_data="$(dirname "$(readlink -f "$1")")/../lib/app/sample-data"
  if [ -d "$image_data" ]; then sample="$image_data"; else sample="$(dirname "$0")/../sample-data"; fi
fi
[ -f "$sample/gis/manifest.json" ] || { echo "selftest: no sample data in $sample" >&2; exit 2; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
passed=0
wb() { "$@"; }
check() { # check NAME EXPECTED-SUBSTRING -- command...
  local name="$1" expect="$2"; shift 3
  local out rc=0
  out=$("$@" 2>"$work/err") || rc=$?
  if [ "$rc" != 0 ]; then
    echo "selftest: FAILED $name (exit code $rc)" >&2; cat "$work/err" >&2; echo "selftest: $passed passed, 1 failed"; exit 1
  fi
  if ! grep -qF -- "$expect" <<<"$out"; then
    echo "selftest: FAILED $name: output lacks '$expect'" >&2; echo "$out" | head -20 >&2; cat "$work/err" >&2
    echo "selftest: $passed passed, 1 failed"; exit 1
  fi
  passed=$((passed + 1))
  echo "selftest: ok $name"
}

check version "EBPM Workbench" -- "$@" --version
check help "catalog" -- "$@" --help

# CP932 file: the shelters table re-encoded; windows-31j must be in the runtime (jdk.charsets).
iconv -f UTF-8 -t CP932 "$sample/gis/kawasaki-emergency-evacuation-sites-gsi.csv" >"$work/shelters-cp932.csv"
check import-cp932 "" -- "$@" import --project "$work/p" --file "$work/shelters-cp932.csv" --encoding cp932 --name shelters
check sql-japanese "187,宮崎中学校" -- "$@" sql --project "$work/p" --format csv \
  --query "select count(*) as n, min(施設・場所名) filter (where NO = 37066) as name from shelters"

check layer-import "" -- "$@" layer import --project "$work/p" --name wards --crs EPSG:4326 \
  --file "$sample/gis/kawasaki-wards-n03-2021-simplified.geojson"
check overlay-count "count" -- "$@" overlay count --points "$sample/gis/kawasaki-emergency-evacuation-sites-gsi.csv" \
  --polygons "$sample/gis/kawasaki-wards-n03-2021-simplified.geojson" --key N03_004 --out -
check map-png "breaks" -- "$@" map render --project "$work/p" --layer wards --value N03_007 --classes 3 \
  --label N03_004 --width 400 --height 300 --out "$work/map.png"
[ "$(head -c 8 "$work/map.png" | od -An -tx1 | tr -d ' \n')" = "89504e470d0a1a0a" ] \
  || { echo "selftest: FAILED map-png: not a PNG" >&2; echo "selftest: $passed passed, 1 failed"; exit 1; }

check kpi-xlsx "status" -- "$@" kpi evaluate --kpis "$sample/kpi/kpi-register-sample.xlsx" --format csv

echo "selftest: $passed passed, 0 failed"

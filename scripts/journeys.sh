#!/usr/bin/env bash
# The three user journeys of the user guide (docs/guide/) through the `workbench` command line, on a fresh copy of the
# sample project: planning staff (CP932 survey + codebook, raking, Likert cross-tab, .xlsx), EBPM help desk (map,
# overlays, private pings under disclosure control, audit log) and evaluator (KPI actuals, report). Checks exit codes
# and key numbers. The same journeys run in the app as headless tests (workbench-app/src/test/.../journey/).
#
# Usage: scripts/journeys.sh            (after `mvn package` or `mvn verify`; uses workbench-app/target/)
# CI runs it after `mvn -B verify` (.ci/run). Needs bash, awk, grep, iconv, unzip.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

jar=workbench-app/target/workbench.jar
[ -f "$jar" ] || { echo "no $jar: run mvn -B -DskipTests package first" >&2; exit 2; }
# the launcher uses the class-data archive made by the package step (faster start); the plain jar works too
if [ -x workbench-app/target/workbench ] && [ -f workbench-app/target/workbench.jsa ]; then
  wb() { "$root/workbench-app/target/workbench" "$@"; }
else
  wb() { java -jar "$root/$jar" "$@"; }
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
P="$work/project"
S="$root/sample-data"
start=$(date +%s)
checks=0

fail() { echo "FAIL: $*" >&2; exit 1; }
ok() { checks=$((checks + 1)); echo "  ok: $*"; }
# run a command that must succeed; its stdout goes to $work/out, its stderr to $work/err
run() { local rc=0; wb "$@" >"$work/out" 2>"$work/err" || rc=$?; [ "$rc" = 0 ] || { cat "$work/err" >&2; fail "workbench $* exited with $rc"; }; }
# a JSON number of the last output: json_number KEY
json_number() { grep -o "\"$1\" *: *[-0-9.eE+]*" "$work/out" | head -1 | sed 's/.*: *//'; }
# |a - b| <= tol * |b|
close() { awk -v a="$1" -v b="$2" -v t="$3" 'BEGIN { d = a - b; if (d < 0) d = -d; m = b < 0 ? -b : b; exit !(d <= t * m) }'; }

echo "== sample project"
run sample project --out "$P"
run catalog --project "$P"
grep -q "市民アンケート2018" "$work/out" || fail "catalog lists no sample survey"
ok "fresh sample project built"

echo "== journey 1: planning staff"
# the survey as a city's survey system exports it: CP932, CRLF, with the ward's name (区名) beside its code
awk -F, 'NR == FNR { if ($1 == "ward" && $5 != "") name[$5] = $6; next }
         FNR == 1 { for (i = 1; i <= NF; i++) if ($i == "ward") w = i; printf "%s,区名\r\n", $0; next }
         { printf "%s,%s\r\n", $0, name[$w] }' "$S/survey/codebook.csv" "$S/survey/respondents.csv" \
  | iconv -f UTF-8 -t CP932 >"$work/survey_cp932.csv"
iconv -f UTF-8 -t CP932 "$S/survey/codebook.csv" >"$work/codebook_cp932.csv"
D="市民アンケート_cp932"
run import --project "$P" --file "$work/survey_cp932.csv" --name "$D" --kind survey
run sql --project "$P" --query "select count(*), count(distinct \"区名\") from \"$D\" where \"区名\" like '%区'" --format csv
grep -q "^1500,7" "$work/out" || fail "CP932 import: $(cat "$work/out")"
ok "CP932 survey imported: 1,500 respondents, 7 ward names decoded"
run codebook --project "$P" --dataset "$D" --set "$work/codebook_cp932.csv"
run codebook --project "$P" --dataset "$D"
grep -q "18～19歳" "$work/out" || fail "the CP932 codebook's 18～19歳 (full-width tilde) was not kept"
ok "CP932 codebook stored"
margins=(--margins "ward=@川崎市人口_区性年代" --margins "sex+age_group=@川崎市人口_区性年代")
if wb rake --project "$P" --dataset "$D" "${margins[@]}" --out-weight w_rake >"$work/out" 2>"$work/err"; then
  fail "raking with sex = その他 (no population target) must be refused"
fi
grep -q "no population target" "$work/err" || fail "refusal does not name the category: $(cat "$work/err")"
ok "raking refuses the 7 その他 respondents without a target"
run rake --project "$P" --dataset "$D" "${margins[@]}" --out-weight w_rake --leave-out-unmatched
grep -q '"converged" : true' "$work/out" || fail "raking did not converge"
[ "$(json_number left_out)" = 7 ] && [ "$(json_number respondents)" = 1493 ] || fail "left out / respondents: $(cat "$work/out")"
close "$(json_number sum_weights)" 1202106 1e-9 || fail "sum of weights $(json_number sum_weights)"
ok "raked to ward and sex×age group: 1,493 respondents, 7 left out, Σw = 1,202,106"
run crosstab --project "$P" --dataset "$D" --rows q4a --cols age_group --survey-weight w_rake
# R 4.2.2 / survey 4.1.1: svychisq(~q4a+age_group, rake(subset(design, sex != 3), ...), statistic="F")
# (analysis-lib/src/test/resources/jp/ebpm/analysis/survey/vectors/survey/rake-leave-out/expected.json)
f=$(grep -A1 '"rao_scott"' "$work/out" | grep -o '"f" *: *[-0-9.eE+]*' | sed 's/.*: *//')
close "$f" 1.1900213929735033 1e-8 || fail "Rao-Scott F $f differs from R's 1.19002139297"
grep -q '"▲"\|"▼"' "$work/out" || fail "no residual marker in the table"
ok "q4a × age_group: Rao–Scott F = $f (R: 1.1900213930), markers present"
run crosstab --project "$P" --dataset "$D" --rows q4a --cols age_group --survey-weight w_rake --format xlsx --out "$work"
x=$(ls "$work"/*.xlsx)
unzip -l "$x" | grep "xl/media/image1.png" >/dev/null || fail "no chart picture in $x"
unzip -p "$x" xl/workbook.xml | grep 'name="グラフ"' >/dev/null || fail "no chart sheet in $x"
ok "table and chart written to $(basename "$x")"

echo "== journey 2: EBPM help desk"
run map render --project "$P" --layer kawasaki_mesh500_population_synthetic --overlay kawasaki_shelters \
  --overlay kawasaki_wards --out "$work/mesh.png"
[ "$(head -c 4 "$work/mesh.png" | tail -c 3)" = PNG ] || fail "map render wrote no PNG"
ok "mesh population with shelters and ward outlines: mesh.png"
G="$S/gis"
run overlay count --points "$G/kawasaki-emergency-evacuation-sites-gsi.csv" \
  --polygons "$G/kawasaki-wards-n03-2021-simplified.geojson" --key N03_004 --out "$work/shelters.csv"
# independent check: the ward named in each shelter's address (住所)
awk -F, 'NR == 1 { for (i = 1; i <= NF; i++) if ($i == "住所") a = i; next } { print $a }' \
    "$G/kawasaki-emergency-evacuation-sites-gsi.csv" | sed -E 's/.*川崎市([^区]*区).*/\1/' | sort | uniq -c \
  | awk '{ print $2 "," $1 }' >"$work/by-address.csv"
tail -n +2 "$work/shelters.csv" | sort | diff - "$work/by-address.csv" >&2 || fail "shelters per ward differ from the addresses"
ok "shelters per ward = the wards in their addresses ($(tail -n +2 "$work/shelters.csv" | awk -F, '{s += $2} END {print s}') shelters)"
run overlay area-weight --source "$G/kawasaki-mesh500-population-synthetic.geojson" --value population \
  --target "$G/kawasaki-wards-n03-2021-simplified.geojson" --key N03_004 \
  --near-points "$G/kawasaki-emergency-evacuation-sites-gsi.csv" --distance 500 --within-targets --out "$work/coverage.csv"
total=$(awk -F, 'NR > 1 { s += $3 } END { printf "%.3f", s }' "$work/coverage.csv")
close "$total" 1541159 1e-9 || fail "population total $total"
awk -F, 'NR > 1 && !($5 > 0 && $5 <= 1) { exit 1 }' "$work/coverage.csv" || fail "a share outside (0, 1]"
ok "population within 500 m of a shelter per ward (city total $total)"
export WORKBENCH_PASSPHRASE="journey passphrase for the sample pings"
run location import --project "$P" --file "$S/location/pings-sample.csv" --name pings --kind pings
grep -q "100000" "$work/out" "$work/err" || fail "pings import: $(cat "$work/out" "$work/err")"
ok "100,000 sample pings imported (pseudonymised, encrypted)"
run location aggregate --project "$P" --dataset pings --by ward --time hour --out "$work/ward-hour.csv"
[ "$(tail -n +2 "$work/ward-hour.csv" | wc -l)" = 168 ] || fail "ward × hour rows"
awk -F, 'NR > 1 && $4 != "χ" && $4 > 0 && $4 < 10 { bad++ } END { exit bad > 0 }' "$work/ward-hour.csv" \
  || fail "a published cell below k = 10"
run location aggregate --project "$P" --dataset pings --by mesh3 --time hour --out "$work/mesh-hour.csv"
grep -q "χ" "$work/mesh-hour.csv" || fail "no suppressed cell in the 1 km mesh × hour table"
awk -F, 'NR > 1 && $4 != "χ" && $4 > 0 && $4 < 10 { bad++ } END { exit bad > 0 }' "$work/mesh-hour.csv" \
  || fail "a published mesh cell below k = 10"
ok "guarded tables: 168 ward × hour cells, mesh × hour with χ, nothing visible below k"
run location aggregate --project "$P" --dataset pings --by ward --time hour --out "$work/ward-hour.xlsx"
run location map --project "$P" --dataset pings --at 8 --out "$work/ward-8.png"
[ -s "$work/ward-hour.xlsx" ] && [ -s "$work/ward-8.png" ] || fail "exports missing"
run audit --project "$P" --verify
ok "exports written; audit log verifies: $(head -1 "$work/out")"
unset WORKBENCH_PASSPHRASE

echo "== journey 3: evaluator"
for entry in K06=170000 K03=3 K09=16 K07=360000 K12=106; do
  run kpi set --project "$P" --kpi "${entry%%=*}" --fiscal-year 令和3 --value "${entry#*=}"
done
run report kpi --project "$P" --fiscal-year 2021 --out "$work/kpi.xlsx"
charts=$(unzip -l "$work/kpi.xlsx" | grep -c "xl/charts/chart[0-9]*\.xml")
[ "$charts" = 14 ] || fail "$charts charts for 14 KPIs"
# status and grade of a KPI in the report's summary sheet (KPI一覧): the last two cells of its row
row() { unzip -p "$work/kpi.xlsx" xl/worksheets/sheet2.xml | tr '\n' ' ' | sed 's#</row>#</row>\n#g' | grep "<t>$1</t>" \
  | grep -o '<t>[^<]*</t>' | sed 's#</*t>##g' | tail -2 | tr '\n' ' '; }
for expect in "K06 遅れ A" "K03 達成 S" "K09 達成 S" "K07 遅れ B" "K12 遅れ A"; do
  got="${expect%% *} $(row "${expect%% *}")"
  [ "${got% }" = "$expect" ] || fail "status/grade: expected '$expect', report has '$got'"
done
ok "FY2021 actuals entered: statuses and grades as docs/kpi.md; report with 14 native charts"

echo "journeys: $checks checks passed in $(( $(date +%s) - start )) s"

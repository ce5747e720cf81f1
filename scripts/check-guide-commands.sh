#!/usr/bin/env bash
# Checks the command reference of the user guide (docs/guide/en/reference/commands.md and its Japanese twin):
#  1. every command that `workbench --help` lists (recursively: every leaf command) has an example on the page;
#  2. the Japanese page shows exactly the same example lines, in the same order; every page of the guide exists in
#     both languages with the same screenshots (which exist) and the same command lines;
#  3. every example runs: in the order of the page, in a scratch folder holding sample-data/ and examples/
#     (docs/guide/examples/), exit code 0 — or the code a line ends with ("# exit 1").
# Lines ending in "# Spark" need the Spark job's jar and take a minute: they run only with --with-spark.
#
# Usage: scripts/check-guide-commands.sh [--with-spark]   (after mvn package / verify; CI runs it after the journeys)
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
spark=false
[ "${1:-}" = "--with-spark" ] && spark=true

jar=workbench-app/target/workbench.jar
[ -f "$jar" ] || { echo "no $jar: run mvn -B -DskipTests package first" >&2; exit 2; }
if [ -x workbench-app/target/workbench ] && [ -f workbench-app/target/workbench.jsa ]; then
  workbench() { "$root/workbench-app/target/workbench" "$@"; }
else
  workbench() { java -jar "$root/$jar" "$@"; }
fi
en=docs/guide/en/reference/commands.md
ja=docs/guide/ja/reference/commands.md
start=$(date +%s)

# the example lines of a page: inside ```sh blocks, the commands (workbench …, export …, … workbench-scale.jar …)
examples() {
  awk '/^```sh/ { on = 1; next } /^```/ { on = 0; next } on && /^(workbench |export |WORKBENCH_SCALE_KEY=)/' "$1"
}
diff <(examples "$en") <(examples "$ja") >&2 || { echo "FAIL: the Japanese page shows other examples than the English one" >&2; exit 1; }

# every page of the guide has its twin in the other language, with the same screenshots and the same command lines
for page in $(cd docs/guide/en && find . -name '*.md' | sort) $(cd docs/guide/ja && find . -name '*.md' | sort); do
  [ -f "docs/guide/en/$page" ] && [ -f "docs/guide/ja/$page" ] || { echo "FAIL: $page exists in one language only" >&2; exit 1; }
  shots() { grep -o 'images/[a-z]*/[a-z0-9-]*\.png' "$1" | sed 's#images/[a-z]*/##'; }
  diff <(shots "docs/guide/en/$page") <(shots "docs/guide/ja/$page") >&2 \
    || { echo "FAIL: $page shows other screenshots in Japanese than in English" >&2; exit 1; }
  cmds() { awk '/^```/ { on = !on; next } on && /^(workbench |export )/' "$1" | sed 's/ *#.*$//'; }   # comments may be translated
  diff <(cmds "docs/guide/en/$page") <(cmds "docs/guide/ja/$page") >&2 \
    || { echo "FAIL: $page shows other commands in Japanese than in English" >&2; exit 1; }
  ! grep -q 'images/ja/' "docs/guide/en/$page" && ! grep -q 'images/en/' "docs/guide/ja/$page" \
    || { echo "FAIL: $page shows a screenshot of the other language" >&2; exit 1; }
  for img in $(grep -o 'images/[a-z]*/[a-z0-9-]*\.png' "docs/guide/en/$page" "docs/guide/ja/$page" | sed 's/^[^:]*://'); do
    [ -f "docs/guide/$img" ] || { echo "FAIL: $page shows $img, which does not exist" >&2; exit 1; }
  done
done
echo "the Japanese and English guides have the same pages, screenshots and commands"

# every leaf command of the --help tree
commands() {
  local path="$1" name sub
  for name in $(workbench $path --help | sed -n '/^Commands:/,$p' | grep -E '^  [a-z]' | awk '{ print $1 }'); do
    sub="${path:+$path }$name"
    if [ "$name" = help ] || ! workbench $sub --help | grep '^Commands:' >/dev/null; then
      echo "$sub"
    else
      commands "$sub"
    fi
  done
}
missing=0
total=0
while read -r c; do
  total=$((total + 1))
  if ! examples "$en" | grep -E "^workbench $c( |$)" >/dev/null; then
    echo "FAIL: no example of 'workbench $c' in $en" >&2
    missing=$((missing + 1))
  fi
done < <(commands "")
[ "$missing" = 0 ] || exit 1
echo "all $total commands have an example"

# run them
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
ln -s "$root/sample-data" "$work/sample-data"
ln -s "$root/docs/guide/examples" "$work/examples"
mkdir -p "$work/workbench-scale/target"
[ -f "$root/workbench-scale/target/workbench-scale.jar" ] && ln -s "$root/workbench-scale/target/workbench-scale.jar" "$work/workbench-scale/target/"
cd "$work"
ran=0
skipped=0
while IFS= read -r line; do
  if [[ "$line" == *"# Spark" ]] && [ "$spark" = false ]; then
    skipped=$((skipped + 1))
    continue
  fi
  want=0
  [[ "$line" =~ \#\ exit\ ([0-9]+)$ ]] && want="${BASH_REMATCH[1]}"
  rc=0
  eval "$line" >"$work/.out" 2>"$work/.err" || rc=$?
  if [ "$rc" != "$want" ]; then
    echo "FAIL: exit $rc (expected $want): $line" >&2
    tail -5 "$work/.err" >&2
    exit 1
  fi
  ran=$((ran + 1))
done < <(examples "$root/$en")
echo "guide examples: $ran ran as documented, $skipped Spark examples skipped$([ "$spark" = true ] || echo ' (run with --with-spark)'), in $(( $(date +%s) - start )) s"

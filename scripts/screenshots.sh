#!/usr/bin/env bash
# Refreshes every screenshot of the user guide: docs/guide/images/ja/*.png and docs/guide/images/en/*.png.
#
# The test class GuideScreenshots (workbench-app/src/test/java/jp/ebpm/workbench/journey/) opens the real main window
# at 1280 x 800 on a fresh copy of the sample project, walks the guide's three journeys in Japanese and in English and
# saves the window (and its dialogs) as PNG. It runs headless (TestFX with Monocle and JavaFX's software renderer, as
# the UI tests do), so no display is needed; when Xvfb is installed the script still runs it under xvfb-run at
# 1280x800x24, so that nothing can reach a real display. The pictures show the scene without a desktop title bar.
#
# Needs a Japanese font (fonts-ipafont-gothic), and xvfb/xauth for xvfb-run (optional). About 2 minutes.
# Usage: scripts/screenshots.sh [extra maven arguments, e.g. -o]
set -euo pipefail
cd "$(dirname "$0")/.."
out="$(pwd)/docs/guide/images"
mkdir -p "$out/ja" "$out/en"
fc-list :lang=ja 2>/dev/null | grep -q . || echo "warning: no Japanese font found (apt-get install fonts-ipafont-gothic); Japanese text will show as boxes" >&2

mvn_cmd=(mvn -B -q "$@" -pl analysis-lib,workbench-app -am test -Dtest=GuideScreenshots
  -Dsurefire.failIfNoSpecifiedTests=false -Djacoco.skip=true "-Dguide.screenshots=$out")
if command -v xvfb-run >/dev/null 2>&1; then
  env -u DISPLAY xvfb-run -a -s "-screen 0 1280x800x24 -nolisten tcp" "${mvn_cmd[@]}"
else
  env -u DISPLAY "${mvn_cmd[@]}"
fi

# the PNG files as small as lossless compression makes them (ImageMagick, when installed)
if command -v convert >/dev/null 2>&1; then
  for f in "$out"/ja/*.png "$out"/en/*.png; do
    convert "$f" -strip -define png:compression-level=9 "$f"
  done
fi
ls -l "$out"/ja "$out"/en

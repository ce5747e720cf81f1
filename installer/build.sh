#!/usr/bin/env bash
# Builds a self-contained app image (and, with --deb, a Debian package) of EBPM Workbench with jpackage.
# Run after `mvn -B -DskipTests package`. Needs a full JDK 17+ (jpackage, jlink, jmods) on PATH or JAVA_HOME.
set -euo pipefail
cd "$(dirname "$0")/.."
JDK="${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")}"
VERSION="${VERSION:-0.1.0}"
OUT=installer/target
rm -rf "$OUT"; mkdir -p "$OUT/input"

cp workbench-app/target/workbench.jar "$OUT/input/"
cp -r workbench-app/target/lib "$OUT/input/lib"
# JavaFX ships empty non-classifier jars next to the platform jars; they only confuse the class path.
find "$OUT/input/lib" -name 'javafx-*-[0-9]*.[0-9]*.[0-9]*.jar' ! -name '*-linux.jar' ! -name '*-win.jar' ! -name '*-mac*.jar' -delete
cp -r sample-data "$OUT/input/sample-data"

# jdeps cannot resolve POI's automatic modules, so the module list is explicit (verified by the self-test).
MODS=java.base,java.desktop,java.sql,java.logging,java.xml,java.naming,java.scripting,java.management,java.prefs,jdk.unsupported,jdk.charsets,jdk.localedata,jdk.crypto.ec,jdk.zipfs

"$JDK/bin/jpackage" --type app-image --name workbench --app-version "$VERSION" \
  --input "$OUT/input" --main-jar workbench.jar --main-class jp.ebpm.workbench.Launcher \
  --java-options '-Dprism.order=es2,sw' --java-options '-Dworkbench.sampleData=$APPDIR/sample-data' \
  --add-modules "$MODS" \
  --jlink-options "--strip-debug --no-header-files --no-man-pages --strip-native-commands --include-locales=en,ja" \
  --dest "$OUT"

# Self-test: the image runs the command line (DuckDB natives, windows-31j charset).
"$OUT/workbench/bin/workbench" --version

if [ "${1:-}" = "--deb" ]; then
  "$JDK/bin/jpackage" --type deb --app-image "$OUT/workbench" --name workbench --app-version "$VERSION" \
    --vendor "EBPM Workbench" --linux-package-name ebpm-workbench \
    --linux-package-deps "libgtk-3-0, fonts-ipafont-gothic" --dest "$OUT"
fi
echo "built: $OUT"

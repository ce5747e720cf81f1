#!/usr/bin/env bash
# Builds EBPM Workbench as a self-contained Linux app image and, on request, a Debian package.
# The single source of the Linux packaging: `mvn -Pinstaller package` runs this script (installer/pom.xml),
# and it can be run by hand after `mvn -B -DskipTests package`.
#
#   installer/build.sh [--types "app-image deb"] [--deb] [--no-selftest] [--no-cds]
#
#   --types       what to build, any of: app-image deb (default: app-image); "deb" alone packs the
#                 existing app image in installer/target/workbench (steps 1-5 are skipped)
#   --deb         same as --types "app-image deb"
#   --no-selftest skip installer/selftest.sh on the app image
#   --no-cds      skip the class-data-sharing archive of the application (see step 5)
#
# Environment: JDK (a full JDK 17+ with jlink, jpackage and jmods; default JAVA_HOME, else the JDK of javac),
# VERSION (default: the jar's Implementation-Version without -SNAPSHOT),
# DPKG_DEB_COMPRESSOR_TYPE (dpkg-deb's compressor for the .deb; default xz: the smallest file, but minutes
# of one core; gzip is faster and gives a larger file).
#
# Output in installer/target/: workbench/ (the app image: bin/workbench, lib/runtime, lib/app) and,
# with deb, ebpm-workbench_<version>_<arch>.deb.
set -euo pipefail
cd "$(dirname "$0")/.."

types="app-image"
selftest=1
cds=1
while [ $# -gt 0 ]; do
  case "$1" in
    --types) types="$2"; shift 2 ;;
    --deb) types="app-image deb"; shift ;;
    --no-selftest) selftest=0; shift ;;
    --no-cds) cds=0; shift ;;
    *) echo "unknown option $1 (see the header of $0)" >&2; exit 2 ;;
  esac
done

JDK="${JDK:-${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")}}"
for tool in jlink jpackage; do
  [ -x "$JDK/bin/$tool" ] || { echo "$JDK/bin/$tool not found: set JDK or JAVA_HOME to a full JDK 17+" >&2; exit 2; }
done
APP=workbench-app/target
OUT=installer/target
[ -f "$APP/workbench.jar" ] && [ -d "$APP/lib" ] \
  || { echo "$APP/workbench.jar is missing: run 'mvn -B -DskipTests package' first (or 'mvn -Pinstaller package')" >&2; exit 2; }
if [ -z "${VERSION:-}" ]; then
  VERSION=$(unzip -p "$APP/workbench.jar" META-INF/MANIFEST.MF | sed -n 's/^Implementation-Version: *//p' | tr -d '\r')
fi
VERSION="${VERSION%-SNAPSHOT}"   # jpackage and dpkg want a plain 1.2.3
started=$(date +%s)
IMAGE="$OUT/workbench"
rm -f "$OUT"/*.deb
if [[ " $types " == *" app-image "* ]]; then   # steps 1-5: the app image
rm -rf "$OUT/input" "$OUT/runtime" "$IMAGE"
mkdir -p "$OUT/input/lib"

# 1. Application files: the jar, its libraries without JavaFX (JavaFX goes into the runtime, step 2), and the
#    sample data the first start builds its project from.
cp "$APP/workbench.jar" "$OUT/input/"
find "$APP/lib" -maxdepth 1 -name '*.jar' ! -name 'javafx-*' -exec cp {} "$OUT/input/lib/" \;
# DuckDB's jar holds its native library for four platforms (84 MB). The driver unpacks the one it needs
# (60 MB) into the temp folder at every start when the jar holds it, and otherwise loads it from the jar's
# own folder. The app module's build already puts this platform's library beside the jar under the name the
# driver looks for (workbench-app/pom.xml, src/build/FastStart.java) and takes it out of the jar: copy it
# along. A jar that still holds it (an app module built otherwise) gets the same treatment here. The other
# platforms' libraries are dropped from the jar when a zip tool is there (63 MB less); without one they stay,
# which costs only size.
duck=$(ls "$OUT"/input/lib/duckdb_jdbc-*.jar)
case "$(uname -m)" in x86_64|amd64) arch=amd64 ;; aarch64|arm64) arch=arm64 ;; *) arch="$(uname -m)" ;; esac
native="libduckdb_java.so_linux_$arch"
entries=$(unzip -Z1 "$duck")   # listed first: `unzip | grep -q` fails under pipefail when grep stops early
if [ -f "$APP/lib/$native" ]; then
  cp "$APP/lib/$native" "$OUT/input/lib/"
elif grep -qx "$native" <<<"$entries"; then
  unzip -q -o "$duck" "$native" -d "$OUT/input/lib"
fi
[ -f "$OUT/input/lib/$native" ] \
  || { echo "DuckDB's native library $native is neither beside $APP/lib/$(basename "$duck") nor inside it" >&2; exit 2; }
if command -v zip >/dev/null; then
  if grep -q '^libduckdb_java.so_' <<<"$entries"; then zip -q -d "$duck" 'libduckdb_java.so_*' >/dev/null; fi
else
  echo "note: no zip tool: DuckDB's jar keeps the other platforms' native libraries (a larger image)" >&2
fi
cp -r sample-data "$OUT/input/sample-data"

# 2. The Java runtime: the JDK modules the app uses plus JavaFX, linked from the Maven JavaFX jars (they are
#    modular jars) and their native libraries copied next to the JDK's, where JavaFX looks first (no
#    extraction to ~/.openjfx at run time). jdeps cannot resolve POI's automatic modules, so the list is
#    explicit and checked by the self-test (step 4). Found by `jdeps --ignore-missing-deps -s` on the
#    unpacked class path: java.desktop (AWT/Java2D: charts, map PNGs), java.sql (JDBC), java.xml (POI),
#    java.logging, java.management + jdk.management (the bench command's OS bean), jdk.jfr (DuckDB's
#    memory events), jdk.unsupported (DuckDB, POI). Loaded as services, so jdeps does not see them:
#    jdk.charsets (windows-31j / CP932, EUC-JP) and jdk.localedata (ja). Not found by jdeps but kept as
#    cheap insurance (about 2 MB together) for reflective paths the self-test does not reach: java.naming,
#    java.scripting, java.prefs, jdk.crypto.ec, jdk.zipfs.
fxjars="$OUT/fx-modules"
rm -rf "$fxjars"; mkdir -p "$fxjars"
cp "$APP"/lib/javafx-*-linux.jar "$fxjars/"
JDK_MODS=java.base,java.desktop,java.sql,java.logging,java.xml,java.naming,java.scripting,java.management,java.prefs,jdk.unsupported,jdk.charsets,jdk.localedata,jdk.crypto.ec,jdk.zipfs,jdk.management,jdk.jfr
FX_MODS=javafx.base,javafx.graphics,javafx.controls,javafx.swing
"$JDK/bin/jlink" --module-path "$fxjars" --add-modules "$JDK_MODS,$FX_MODS" \
  --strip-debug --no-header-files --no-man-pages --include-locales=en,ja --generate-cds-archive \
  --output "$OUT/runtime" >/dev/null
unzip -q -o -j "$fxjars"/javafx-graphics-*-linux.jar '*.so' -d "$OUT/runtime/lib"
# Tools the app never runs; the archive for heaps over 32 GB.
rm -f "$OUT/runtime/bin/keytool" "$OUT/runtime/bin/jrunscript" "$OUT/runtime/lib/server/classes_nocoops.jsa"

# 3. The app image. es2 (OpenGL) first, software rendering where there is no usable GPU (VMs, remote desktops).
"$JDK/bin/jpackage" --type app-image --name workbench --app-version "$VERSION" \
  --vendor "EBPM Workbench" --description "Offline data-analysis workbench for EBPM (survey, GIS, KPI)" \
  --runtime-image "$OUT/runtime" --input "$OUT/input" \
  --main-jar workbench.jar --main-class jp.ebpm.workbench.Launcher \
  --java-options '-Dprism.order=es2,sw' --java-options '-Dworkbench.sampleData=$APPDIR/sample-data' \
  --dest "$OUT"

# 4. Self-test: the image runs the command line on real files (DuckDB natives, CP932, POI, JTS, Java2D).
if [ "$selftest" = 1 ]; then
  installer/selftest.sh -- "$IMAGE/bin/workbench"
fi

# 5. GUI smoke test and class-data sharing (AppCDS): the GUI's first start under Xvfb, the list of classes
#    it loads, an archive of them for this image, named in the launcher configuration (cds-archive.sh).
if [ "$cds" = 1 ]; then
  installer/cds-archive.sh "$IMAGE"
fi
fi   # app-image
[ -x "$IMAGE/bin/workbench" ] || { echo "no app image in $IMAGE: build it with --types app-image" >&2; exit 2; }

# 6. The Debian package: /opt/ebpm-workbench, a menu entry "EBPM Workbench". jpackage derives the library
#    dependencies from the runtime's native libraries (GTK 3 included, since JavaFX's are in the runtime);
#    libgtk-3-0 is still named in case that changes, and a Japanese font is needed for Japanese text.
#    linux-resources/ holds jpackage's templates with these changes: the menu entry's name; postinst and
#    prerm do not fail on a machine without a desktop menu system (xdg-desktop-menu exits 3 there); postinst
#    dumps the class-data archive for /opt/ebpm-workbench (lib/app/cds-dump.sh) and prerm deletes it. The
#    archive made for installer/target/workbench is kept out of the package (it is valid only there).
if [[ " $types " == *" deb "* ]]; then
  jsa="$IMAGE/lib/app/workbench.jsa"
  [ -f "$jsa" ] && mv "$jsa" "$OUT/workbench.jsa.local"
  "$JDK/bin/jpackage" --type deb --app-image "$IMAGE" --name workbench --app-version "$VERSION" \
    --vendor "EBPM Workbench" --description "Offline data-analysis workbench for EBPM (survey, GIS, KPI)" \
    --linux-package-name ebpm-workbench --linux-menu-group Science --linux-shortcut \
    --linux-package-deps "libgtk-3-0, fonts-ipafont-gothic | fonts-noto-cjk" \
    --linux-app-category science --resource-dir installer/linux-resources --dest "$OUT"
  [ -f "$OUT/workbench.jsa.local" ] && mv "$OUT/workbench.jsa.local" "$jsa"
fi

echo "built in $(( $(date +%s) - started )) s: $(du -sh "$IMAGE" | cut -f1) app image $IMAGE $(ls "$OUT"/*.deb 2>/dev/null | tr '\n' ' ')"

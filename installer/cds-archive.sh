#!/usr/bin/env bash
# Records which classes the workbench loads at start and sets up class-data sharing (AppCDS) for an app
# image, so that the JVM maps those classes from an archive instead of loading and verifying them from the
# jars at every start.
#
#   installer/cds-archive.sh IMAGE      (IMAGE = installer/target/workbench)
#
# 1. Starts the image's GUI under Xvfb on a scratch workbench folder with -Dworkbench.startupProbe=exit:
#    the first start builds the sample project and the app closes itself once the project is open. This is
#    also the image's GUI smoke test: the step fails when the GUI does not start or the project does not
#    open. Then runs `--help` and `catalog` on that project. -XX:DumpLoadedClassList records the classes of
#    the three runs into lib/app/workbench.classlist.
# 2. Copies installer/cds-dump.sh into the image (lib/app/cds-dump.sh) and runs it: it dumps the archive
#    lib/app/workbench.jsa for the image where it is now. A JDK 17 archive is only valid for the class path
#    it was dumped with, so a copied or installed image dumps its own: the .deb's postinst runs cds-dump.sh.
# 3. Names the archive in lib/app/workbench.cfg (-XX:SharedArchiveFile) and switches off the JVM's warning
#    when it does not match (-Xlog:cds*=off), so that command-line output stays clean wherever it is ignored.
# Without Xvfb the step is skipped with a note and the image works without an archive.
set -euo pipefail
IMAGE="${1:?usage: $0 IMAGE}"
APPDIR="$IMAGE/lib/app"
CFG="$APPDIR/workbench.cfg"
[ -f "$CFG" ] || { echo "cds: $CFG not found" >&2; exit 2; }
if ! command -v Xvfb >/dev/null; then
  echo "cds: Xvfb not installed; no GUI check and no class-data archive (apt-get install xvfb)" >&2
  exit 0
fi

work=$(mktemp -d)
xvfb=""
trap '[ -n "$xvfb" ] && kill "$xvfb" 2>/dev/null; rm -rf "$work"' EXIT
Xvfb -displayfd 3 -screen 0 1280x800x24 -nolisten tcp -noreset 3>"$work/display" >/dev/null 2>&1 &
xvfb=$!
for _ in $(seq 100); do [ -s "$work/display" ] && break; sleep 0.05; done
[ -s "$work/display" ] || { echo "cds: Xvfb did not start" >&2; exit 1; }

sed -i '/SharedArchiveFile/d; /-Xlog:cds/d' "$CFG"
rm -f "$APPDIR/workbench.jsa" "$APPDIR/workbench.classlist"

# 1. The GUI's first start (software rendering, scratch folder), then two commands on its project.
if ! DISPLAY=":$(head -n1 "$work/display")" \
     JAVA_TOOL_OPTIONS="-XX:DumpLoadedClassList=$work/gui.classlist -Dprism.order=sw -Dworkbench.home=$work/home -Dworkbench.startupProbe=exit" \
     timeout 300 "$IMAGE/bin/workbench" >"$work/log" 2>&1; then
  echo "cds: the GUI's first start from the image failed (build.sh --no-cds skips this step):" >&2
  cat "$work/log" >&2; exit 1
fi
if ! grep -q 'startup-probe: start-project-open' "$work/log"; then
  echo "cds: the GUI's first start did not open the sample project:" >&2
  cat "$work/log" >&2; exit 1
fi
JAVA_TOOL_OPTIONS="-XX:DumpLoadedClassList=$work/help.classlist" "$IMAGE/bin/workbench" --help >"$work/cli.log" 2>&1 \
  && JAVA_TOOL_OPTIONS="-XX:DumpLoadedClassList=$work/catalog.classlist" \
       "$IMAGE/bin/workbench" catalog --project "$work/home/sample-project" >>"$work/cli.log" 2>&1 \
  || { echo "cds: a command of the image failed:" >&2; cat "$work/cli.log" >&2; exit 1; }
# One list: the header comments once, then each class once, in first-seen order.
{
  grep '^#' "$work/gui.classlist"
  cat "$work/gui.classlist" "$work/help.classlist" "$work/catalog.classlist" | grep -v '^#' | awk '!seen[$0]++'
} >"$APPDIR/workbench.classlist"

# 2. The archive for the image where it is now.
cp installer/cds-dump.sh "$APPDIR/cds-dump.sh"
chmod 755 "$APPDIR/cds-dump.sh"
"$APPDIR/cds-dump.sh" "$IMAGE"

# 3. The launcher configuration ($APPDIR is expanded by the launcher; [JavaOptions] is the last section).
echo 'java-options=-XX:SharedArchiveFile=$APPDIR/workbench.jsa' >>"$CFG"
echo 'java-options=-Xlog:cds*=off' >>"$CFG"
echo "cds: $(grep -vc '^#' "$APPDIR/workbench.classlist") classes listed, $(du -h "$APPDIR/workbench.jsa" | cut -f1) archive"

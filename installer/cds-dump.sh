#!/bin/sh
# Writes the workbench's class-data-sharing archive (AppCDS) where the workbench is installed:
#
#   cds-dump.sh ROOT        (ROOT = the folder holding bin/workbench, e.g. /opt/ebpm-workbench)
#
# Ships inside the app image as lib/app/cds-dump.sh. The .deb's postinst runs it after unpacking, and
# installer/cds-archive.sh runs it on a freshly built image. It reads the list of classes recorded from the
# GUI's first start and a few commands (lib/app/workbench.classlist) and dumps them, with the JDK classes
# they need, into lib/app/workbench.jsa, which the launcher configuration names. The archive is only valid
# for the class path it was dumped with (the jars' paths, sizes and time stamps), which is why it is made
# in place and not shipped. Without it the workbench starts as usual, a little slower: the JVM ignores a
# missing or non-matching archive, and the launcher switches off its warning (-Xlog:cds*=off).
set -eu
ROOT="${1:?usage: $0 ROOT}"
APPDIR="$ROOT/lib/app"
CFG="$APPDIR/workbench.cfg"
LIST="$APPDIR/workbench.classlist"
JSA="$APPDIR/workbench.jsa"
[ -f "$LIST" ] && [ -f "$CFG" ] || { echo "cds-dump: $LIST or $CFG missing" >&2; exit 2; }
# The class path exactly as the launcher builds it from workbench.cfg.
cp=$(sed -n 's/^app\.classpath=//p' "$CFG" | sed "s|\\\$APPDIR|$APPDIR|" | paste -sd: -)
rm -f "$JSA"
log=$(mktemp)
if "$ROOT/lib/runtime/bin/java" -Xshare:dump -XX:SharedClassListFile="$LIST" -XX:SharedArchiveFile="$JSA" \
     -cp "$cp" >"$log" 2>&1; then
  rm -f "$log"
else
  echo "cds-dump: no class-data archive (the workbench starts without it):" >&2
  tail -n 20 "$log" >&2
  rm -f "$log" "$JSA"
  exit 1
fi

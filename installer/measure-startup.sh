#!/usr/bin/env bash
# Measures the time from launch to the first window of the workbench GUI under Xvfb.
#
#   installer/measure-startup.sh [--runs N] [--shot FILE] -- COMMAND [ARGS...]
#
# COMMAND is the launcher to time, e.g. /opt/ebpm-workbench/bin/workbench (installed .deb),
# installer/target/workbench/bin/workbench (app image) or java -jar workbench-app/target/workbench.jar.
# Each run uses a fresh workbench folder (-Dworkbench.home, passed with JAVA_TOOL_OPTIONS), so every run
# is a pair: a FIRST start (the sample project is built, the splash shows its progress) and a SECOND start
# on the same folder (the sample project exists and opens). One line per start:
#   run=1 start=first first_window_ms=900 main_window_ms=1900 project_open_ms=5200 probe="splash-shown 850 ..."
# first_window_ms  the first visible window of any kind (the splash), polled with xdotool every 20 ms
# main_window_ms   the first visible window at least 1000 px wide (the main window)
# project_open_ms  when the app reports the start project open (the splash closes)
# probe            the app's own marks (-Dworkbench.startupProbe=print; ms since the JVM started,
#                  so a little less than the launch-based figures)
# --shot FILE      a screenshot of the last second start, 3 s after the main window appeared.
# Needs Xvfb and xdotool (apt-get install xvfb xauth xdotool; imagemagick for --shot).
set -euo pipefail

runs=1
shot=""
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) runs="$2"; shift 2 ;;
    --shot) shot="$2"; shift 2 ;;
    --) shift; break ;;
    *) break ;;
  esac
done
[ $# -gt 0 ] || { echo "usage: $0 [--runs N] [--shot FILE] -- COMMAND [ARGS...]" >&2; exit 2; }
for tool in Xvfb xdotool; do
  command -v "$tool" >/dev/null || { echo "$tool is missing (apt-get install xvfb xdotool)" >&2; exit 2; }
done

scratch=$(mktemp -d)
app=""
xvfb=""
cleanup() {
  [ -n "$app" ] && kill "$app" 2>/dev/null || true
  [ -n "$xvfb" ] && kill "$xvfb" 2>/dev/null || true
  rm -rf "$scratch"
}
trap cleanup EXIT
# Xvfb picks a free display number itself and writes it to fd 3; -noreset keeps it from resetting (and
# refusing connections for a moment) whenever its last client disconnects between two starts.
Xvfb -displayfd 3 -screen 0 1280x800x24 -nolisten tcp -noreset 3>"$scratch/display" >/dev/null 2>&1 &
xvfb=$!
for _ in $(seq 100); do [ -s "$scratch/display" ] && break; sleep 0.05; done
[ -s "$scratch/display" ] || { echo "Xvfb did not start" >&2; exit 1; }
export DISPLAY=":$(head -n1 "$scratch/display")"

now_ms() { date +%s%3N; }

# Prints the widest visible window's width (0 when there is none).
widest() {
  local w=0 id g
  for id in $(xdotool search --onlyvisible --name '.' 2>/dev/null || true); do
    g=$(xdotool getwindowgeometry "$id" 2>/dev/null | sed -n 's/.*Geometry: \([0-9]*\)x.*/\1/p')
    [ -n "$g" ] && [ "$g" -gt "$w" ] && w=$g
  done
  echo "$w"
}

time_run() {
  local label="$1" home="$2"; shift 2
  local t0 t w t_first="" t_main="" t_open=""
  t0=$(now_ms)
  JAVA_TOOL_OPTIONS="-Dworkbench.home=$home -Dworkbench.startupProbe=print ${JAVA_TOOL_OPTIONS:-}" \
    "$@" >"$scratch/out.log" 2>&1 &
  app=$!
  while :; do
    t=$(now_ms)
    if [ $((t - t0)) -gt 120000 ]; then
      echo "no main window and open project after 120 s; output:" >&2; cat "$scratch/out.log" >&2; return 1
    fi
    if ! kill -0 "$app" 2>/dev/null; then
      echo "the application exited; output:" >&2; cat "$scratch/out.log" >&2; return 1
    fi
    if [ -z "$t_main" ]; then
      w=$(widest)
      [ "$w" -gt 0 ] && [ -z "$t_first" ] && t_first=$((t - t0))
      [ "$w" -ge 1000 ] && t_main=$((t - t0))
    fi
    if [ -z "$t_open" ] && grep -q 'startup-probe: start-project-' "$scratch/out.log"; then
      t_open=$((t - t0))
    fi
    [ -n "$t_main" ] && [ -n "$t_open" ] && break
    sleep 0.02
  done
  local probe
  probe=$(sed -n 's/^startup-probe: //p' "$scratch/out.log" | tr '\n' ',' | sed 's/ ms,/, /g; s/, $//')
  echo "run=$label first_window_ms=$t_first main_window_ms=$t_main project_open_ms=$t_open probe=\"$probe\""
}

stop_app() {
  kill "$app" 2>/dev/null || true
  wait "$app" 2>/dev/null || true
  app=""
}

for i in $(seq "$runs"); do
  home="$scratch/home-$i"
  mkdir -p "$home"
  time_run "$i start=first" "$home" "$@"
  stop_app
  time_run "$i start=second" "$home" "$@"
  if [ -n "$shot" ] && [ "$i" = "$runs" ]; then
    sleep 3; import -display "$DISPLAY" -window root "$shot"
  fi
  stop_app
done

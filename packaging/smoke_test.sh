#!/usr/bin/env bash
# Does a frozen one-folder app work? It renders a handout (checked by its text) and opens the
# window with a case named on its command line, on a virtual display (Xvfb, openbox, xdotool).
#     bash packaging/smoke_test.sh [dist/vpdischarge]
# Prints the render time and the time from start to the window shown; exit 1 on any failure.
set -euo pipefail
cd "$(dirname "$0")/.."
app="$(cd "${1:-dist/vpdischarge}" && pwd)"
scratch="$(mktemp -d)"
pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; rm -rf "$scratch"; }
trap cleanup EXIT
# Settings and crash reports of this run stay in the scratch folder.
export XDG_CONFIG_HOME="$scratch/config" XDG_STATE_HOME="$scratch/state"
cp resources/samples/typical-case.json "$scratch/bed-4.json"

"$app/vpdischarge" --version
start=$(date +%s.%N)
"$app/vpdischarge" render --case "$scratch/bed-4.json" --output "$scratch/handout.pdf" --lang es 2>/dev/null
echo "handout rendered in $(echo "$(date +%s.%N) - $start" | bc | cut -c1-4) s"
if command -v pdftotext >/dev/null; then
    pdftotext "$scratch/handout.pdf" - | grep -q "Rosa Example Núñez" || { echo "the handout lacks the patient's name"; exit 1; }
fi

display=:$((90 + RANDOM % 100))
Xvfb "$display" -screen 0 1400x950x24 >/dev/null 2>&1 & pids+=($!)
sleep 1
DISPLAY="$display" openbox >/dev/null 2>&1 & pids+=($!)
start=$(date +%s.%N)
DISPLAY="$display" "$app/vpdischarge-gui" "$scratch/bed-4.json" >"$scratch/gui.log" 2>&1 & pids+=($!)
if ! window=$(DISPLAY="$display" timeout 60 xdotool search --sync --onlyvisible --name "bed-4.json"); then
    echo "no window within 60 s"; cat "$scratch/gui.log"; exit 1
fi
echo "window with the case shown $(echo "$(date +%s.%N) - $start" | bc | cut -c1-4) s after start"
DISPLAY="$display" xprop -id "$window" _NET_WM_ICON | grep -q "Icon (" || { echo "the window has no icon"; exit 1; }
sleep 5  # the first preview
if command -v import >/dev/null; then
    DISPLAY="$display" import -window root "${SCREENSHOT:-$scratch/window.png}"
    echo "screenshot: ${SCREENSHOT:-(not kept; set SCREENSHOT=FILE)}"
fi
kill -0 "${pids[2]}" || { echo "the window closed by itself"; cat "$scratch/gui.log"; exit 1; }
echo "frozen app works: $app ($(du -sh "$app" | cut -f1))"

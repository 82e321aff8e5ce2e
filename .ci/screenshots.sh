#!/usr/bin/env bash
# Starts the real Kinerja binary under Xvfb on a fresh demo data file and writes a
# PNG of each main screen. Fails when a window does not appear or is blank.
# Usage: .ci/screenshots.sh BINARY OUTDIR
set -euo pipefail
bin=$(realpath "$1"); out=$2
mkdir -p "$out"
work=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$work"' EXIT

export LANG=en_US.UTF-8 HOME="$work/home"
mkdir -p "$HOME"
"$bin" --data "$work/demo.db" demo --seed 7 >/dev/null

display=:$((90 + RANDOM % 9))
Xvfb "$display" -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 &
export DISPLAY=$display
for _ in $(seq 50); do xdpyinfo >/dev/null 2>&1 && break; sleep 0.2; done

for screen in beranda pegawai kehadiran kinerja dokumen pengaturan; do
  "$bin" --data "$work/demo.db" --screen "$screen" >"$work/$screen.log" 2>&1 &
  pid=$!
  wid=""
  for _ in $(seq 100); do
    wid=$(xdotool search --onlyvisible --name '^Kinerja' 2>/dev/null | head -1 || true)
    [ -n "$wid" ] && break
    sleep 0.2
  done
  if [ -z "$wid" ]; then echo "FAIL $screen: no window appeared"; cat "$work/$screen.log"; exit 1; fi
  sleep 2
  import -window "$wid" "$out/$screen.png"
  kill "$pid"; wait "$pid" 2>/dev/null || true
  colours=$(convert "$out/$screen.png" -format '%k' info:)
  if [ "$colours" -lt 16 ]; then echo "FAIL $screen: window looks blank ($colours colours)"; exit 1; fi
  echo "ok   $screen -> $out/$screen.png ($colours colours)"
done

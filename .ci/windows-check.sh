#!/usr/bin/env bash
# .ci/windows-check.sh — proves the Windows deliverable works, under wine and Xvfb.
#
# Builds dist/ with `make -f .ci/windows.mk windows` (skipped when KINERJA_SKIP_BUILD=1), then in
# a throw-away wine prefix: runs kinerja-cli.exe (64- and 32-bit) on the commands that
# `kinerja-cli.exe help` lists, checking exit codes and output; starts Kinerja.exe (64- and 32-bit)
# on the demo file and checks from a screenshot that the main window was drawn; installs
# Kinerja-Setup-<version>.exe silently, starts the installed program on its default data file,
# uninstalls and checks the data was kept. Prints PASS/FAIL/SKIP per step, exits 1 on any FAIL.
# Screenshots are kept in dist/wine-check/. Every step has a time limit.
set -uo pipefail
cd "$(dirname "$0")/.."
root=$PWD
dist=$root/dist
out=$dist/wine-check
version=$(sed -n 's/^ *Version *= *"\(.*\)"/\1/p' FyneApp.toml)

if [ "${KINERJA_SKIP_BUILD:-}" != 1 ]; then
	make -f .ci/windows.mk --no-print-directory windows windows-check64-installer windows-check-deps || exit 1
fi

failed=0
pass() { echo "PASS  $*"; }
fail() { echo "FAIL  $*"; failed=1; }
skip() { echo "SKIP  $*"; }

tmp=$(mktemp -d /tmp/kinerja-wine.XXXXXX)
xvfb_pid=""
cleanup() {
	wineserver -k >/dev/null 2>&1
	[ -z "$xvfb_pid" ] || kill "$xvfb_pid" 2>/dev/null
	rm -rf "$tmp"
}
trap cleanup EXIT
rm -rf "$out" && mkdir -p "$out"

export WINEPREFIX=$tmp/prefix WINEARCH=win64 WINEDEBUG=-all
# No Mono/Gecko download prompts, no menu entries or .desktop files for the host; our ProcessPrng
# stand-in before any built-in DLL.
export WINEDLLOVERRIDES="mscoree,mshtml=;winemenubuilder.exe=d;bcryptprimitives=n,b"
# wine links the prefix's Desktop and Documents to $HOME: keep the real home out of it
export HOME=$tmp/home
mkdir -p "$HOME"
export LANG=en_US.UTF-8
# 32-bit Windows programs need wine32 (Debian's wine32:i386), which not every machine can install,
# and which some kernels cannot run even when installed (no 32-bit support: "Exec format error").
wine32=0
if [ -x /usr/lib/wine/wine ] && /usr/lib/wine/wine --version >/dev/null 2>&1; then
	wine32=1
elif [ -x /usr/lib/wine/wine64 ]; then
	# Debian's /usr/bin/wine prefers the 32-bit loader whenever it is installed: put a wine that
	# runs the 64-bit loader first on PATH, as /usr/bin/wine does when wine32 is absent.
	mkdir -p "$tmp/bin"
	printf '#!/bin/sh\nexport WINELOADER=/usr/lib/wine/wine64\nexport WINEDEBUG="${WINEDEBUG:-fixme-all}"\nexec /usr/lib/wine/wine64 "$@"\n' >"$tmp/bin/wine"
	chmod +x "$tmp/bin/wine"
	export PATH="$tmp/bin:$PATH"
fi

# --- an X server of our own (a free display number, chosen by Xvfb) ---
Xvfb -displayfd 3 -screen 0 1280x800x24 -nolisten tcp 3>"$tmp/display" 2>"$tmp/xvfb.log" &
xvfb_pid=$!
for _ in $(seq 50); do [ -s "$tmp/display" ] && break; sleep 0.2; done
if [ ! -s "$tmp/display" ]; then fail "Xvfb start"; exit 1; fi
export DISPLAY=:$(cat "$tmp/display")
pass "Xvfb on $DISPLAY"

# --- the wine prefix ---
if timeout 300 wine wineboot -i >"$tmp/wineboot.log" 2>&1 && timeout 60 wineserver -w; then
	pass "wine prefix ($(wine --version 2>/dev/null))"
else
	fail "wineboot (see $tmp/wineboot.log)"; cat "$tmp/wineboot.log"; exit 1
fi
# Wine 8 lacks ProcessPrng, which every Go program needs: install the stand-in for both bitnesses.
sys=$WINEPREFIX/drive_c/windows
if x86_64-w64-mingw32-gcc -O2 -shared -o "$sys/system32/bcryptprimitives.dll" \
		.ci/windows/processprng.c -ladvapi32 &&
	i686-w64-mingw32-gcc -O2 -shared -Wl,--kill-at -o "$sys/syswow64/bcryptprimitives.dll" \
		.ci/windows/processprng.c -ladvapi32; then
	pass "ProcessPrng stand-in in system32 and syswow64"
else
	fail "ProcessPrng stand-in"; exit 1
fi

# wine_run LOG EXE ARGS... runs a console program with a time limit; its output (CR removed)
# goes to LOG and its exit code is returned.
wine_run() {
	local log=$1; shift
	timeout 120 wine "$@" </dev/null 2>&1 | tr -d '\r' >"$log"
	return "${PIPESTATUS[0]}"
}

# --- the CLI ---
work='C:\kinerja-check'
mkdir -p "$WINEPREFIX/drive_c/kinerja-check"
demo="$work\\demo.db"

clis=kinerja-cli.exe
if [ "$wine32" = 1 ]; then clis="$clis x86/kinerja-cli.exe"; else skip "32-bit programs: no 32-bit wine (wine32:i386) on this machine"; fi
for cli in $clis; do
	wine_run "$tmp/version.txt" "$dist/$cli" version
	rc=$?
	if [ "$rc" = 0 ] && grep -q "^Kinerja $version " "$tmp/version.txt"; then
		pass "$cli version: $(head -1 "$tmp/version.txt")"
	else
		fail "$cli version (exit $rc, want \"Kinerja $version ...\"): $(head -3 "$tmp/version.txt")"
	fi
done

cli=$dist/kinerja-cli.exe
wine_run "$tmp/help.txt" "$cli" help
help_rc=$?
if [ "$help_rc" = 0 ] && grep -q '^ *\(kinerja \)\?version' "$tmp/help.txt"; then
	pass "kinerja-cli.exe help ($(grep -c '^  kinerja [a-z]' "$tmp/help.txt") commands)"
else
	fail "kinerja-cli.exe help (exit $help_rc)"
fi
# listed CMD... tells whether `help` lists the command.
listed() { grep -q "^ *\(kinerja \)\?$*\( \|$\)" "$tmp/help.txt"; }

# step NAME WANT CHECK ARGS... runs the CLI with ARGS on the demo file and wants exit code WANT;
# CHECK is a shell condition on the output in $log. With tolerant=1 an exit code of 2 (usage:
# the command takes other arguments than this script knows) is reported as SKIP.
step() {
	local name=$1 want=$2 check=$3; shift 3
	local log=$tmp/step.txt rc
	wine_run "$log" "$cli" "$@" --data "$demo"
	rc=$?
	if [ "$rc" = "$want" ] && eval "$check"; then
		pass "$name"
	elif [ "$rc" = 2 ] && [ "${tolerant:-}" = 1 ]; then
		skip "$name: usage differs: $(head -1 "$log")"
	else
		fail "$name (exit $rc, want $want): $(head -3 "$log")"
	fi
}
c=$WINEPREFIX/drive_c/kinerja-check

if listed demo; then
	step "demo on $demo" 0 '[ -s "$c/demo.db" ]' demo
	step "demo refuses a file that holds data" 1 '[ -s "$log" ]' demo
else
	fail "help does not list demo"
fi
if listed staff list; then
	step "staff list --format json" 0 'head -c1 "$log" | grep -q "\[" && grep -q "\"nip\"" "$log"' \
		staff list --format json
fi
if listed office show; then
	step "office show" 0 '[ -s "$log" ]' office show
fi
if listed export staff; then
	step "export staff --out staff.xlsx" 0 '[ -s "$c/staff.xlsx" ]' export staff --out "$work\\staff.xlsx"
	step "export staff --out staff.csv" 0 '[ -s "$c/staff.csv" ]' export staff --out "$work\\staff.csv"
fi
if listed import staff && [ -s "$c/staff.csv" ]; then
	# Only office set (and demo) may make a data file; import then fills it.
	# A data file of its own folder: the demo's document archive is beside demo.db.
	demo="$work\\roundtrip\\kinerja.db" step "office set makes a new file" 0 '[ -s "$c/roundtrip/kinerja.db" ]' \
		office set --kecamatan Uji --kabupaten Uji
	demo="$work\\roundtrip\\kinerja.db" step "import staff into the new file" 0 '[ -s "$c/roundtrip/kinerja.db" ]' \
		import staff "$work\\staff.csv"
fi
if listed backup; then
	step "backup --out backup.db" 0 '[ -s "$c/backup.db" ]' backup --out "$work\\backup.db"
fi
# export appraisal writes the signed evaluation PDFs of a period whose evaluations are final:
# try the demo's periods in turn; then verify checks the signature of one of them.
if listed export appraisal && listed period list; then
	wine_run "$tmp/periods.txt" "$cli" period list --format json --data "$demo"
	mkdir -p "$c/appraisal"
	rc=1 period=""
	for period in $(sed -n 's/^ *"id": *"\([^"]*\)".*/\1/p' "$tmp/periods.txt"); do
		wine_run "$tmp/appraisal.txt" "$cli" export appraisal --period "$period" --out "$work\\appraisal" --data "$demo"
		rc=$?
		ls "$c/appraisal"/*.pdf >/dev/null 2>&1 && break
	done
	pdf=$(ls "$c/appraisal"/*.pdf 2>/dev/null | head -1)
	if [ "$rc" = 0 ] && [ -n "$pdf" ]; then
		pass "export appraisal --period $period ($(ls "$c/appraisal"/*.pdf | wc -l) PDFs)"
	else
		fail "export appraisal (exit $rc): $(tail -2 "$tmp/appraisal.txt")"
	fi
	if [ -n "$pdf" ] && listed verify; then
		step "verify ${pdf##*/}" 0 'grep -q ": Sah" "$log"' verify "$work\\appraisal\\${pdf##*/}"
	fi
fi

# --- the GUI ---
# drawn PNG GEOMETRY tells whether the window area (WxH+X+Y) of a screenshot was drawn rather
# than left empty: some contrast and enough distinct colours (anti-aliased text gives dozens;
# an empty or solid window has one or two).
drawn() {
	local sd colours
	read -r sd colours < <(convert "$1" -crop "$2" +repage -format '%[fx:standard_deviation] %k\n' info:)
	detail="standard deviation $sd, $colours colours"
	awk -v sd="$sd" -v c="$colours" 'BEGIN { exit !(sd > 0.01 && c > 64) }'
}

# stop_wine [PID] ends every program in the prefix and reaps the background wine PID.
stop_wine() {
	timeout 30 wineserver -k >/dev/null 2>&1
	[ -z "${1:-}" ] || wait "$1" 2>/dev/null
}

# gui NAME EXE ARGS... starts a GUI program, waits for its Kinerja window (at least 600x400), and
# takes screenshots into $out/NAME.png until one shows the window drawn; then stops it.
gui() {
	local name=$1; shift
	local png=$out/$name.png win="" detail="" WIDTH=0 HEIGHT=0 X=0 Y=0
	wine "$@" </dev/null >"$tmp/$name.log" 2>&1 &
	local pid=$!
	for _ in $(seq 90); do
		win=$(xdotool search --onlyvisible --name '^Kinerja' 2>/dev/null | head -1)
		[ -n "$win" ] && break
		kill -0 "$pid" 2>/dev/null || break
		sleep 1
	done
	if [ -z "$win" ]; then
		fail "$name: no Kinerja window within 90 s"; tail -5 "$tmp/$name.log"; stop_wine "$pid"; return
	fi
	eval "$(xdotool getwindowgeometry --shell "$win")"
	local ok=0
	for _ in $(seq 20); do
		sleep 2
		import -window root "$png" && drawn "$png" "${WIDTH}x${HEIGHT}+${X}+${Y}" && { ok=1; break; }
	done
	local title
	title=$(xdotool getwindowname "$win")
	if [ "$ok" = 1 ] && [ "$WIDTH" -ge 600 ] && [ "$HEIGHT" -ge 400 ]; then
		pass "$name: window \"$title\" ${WIDTH}x${HEIGHT} drawn ($detail) -> ${png#"$root"/}"
	else
		fail "$name: window \"$title\" ${WIDTH}x${HEIGHT}, $detail -> ${png#"$root"/}"
	fi
	stop_wine "$pid"
}

gui gui-64bit "$dist/Kinerja.exe" --data "$demo"
[ "$wine32" = 0 ] || gui gui-32bit "$dist/x86/Kinerja.exe" --data "$demo"

# --- the installer ---
# The shipped installer is a 32-bit program (it must run on 32-bit Windows too). Without a 32-bit
# wine, check the same script built on NSIS's 64-bit stub (make windows-check64-installer).
setup=$dist/Kinerja-Setup-$version.exe
if [ "$wine32" = 0 ]; then
	setup=$dist/.windows/Kinerja-Setup-$version-check64.exe
	skip "shipped 32-bit installer: no 32-bit wine; checking ${setup#"$root"/} (same script, 64-bit stub)"
fi
users=$WINEPREFIX/drive_c/users
if timeout 300 wine "$setup" /S </dev/null >"$tmp/setup.log" 2>&1 && timeout 120 wineserver -w; then
	pass "silent install: ${setup#"$root"/} /S"
else
	fail "silent install (see output below)"; cat "$tmp/setup.log"
fi
inst=$(ls -d "$users"/*/AppData/Local/Programs/Kinerja 2>/dev/null | head -1)
if [ -n "$inst" ] && cmp -s "$inst/Kinerja.exe" "$dist/Kinerja.exe" &&
	cmp -s "$inst/kinerja-cli.exe" "$dist/kinerja-cli.exe" && [ -f "$inst/Uninstall.exe" ]; then
	pass "installed the 64-bit programs in ${inst#"$WINEPREFIX"/}"
else
	fail "installed programs missing or not the 64-bit ones in ${inst:-%LOCALAPPDATA%\\Programs\\Kinerja}"
fi
desktop=$(ls "$users"/*/Desktop/Kinerja.lnk 2>/dev/null | head -1)
startmenu=$(ls "$users"/*/AppData/Roaming/Microsoft/Windows/Start\ Menu/Programs/Kinerja.lnk 2>/dev/null | head -1)
if [ -n "$desktop" ] && [ -n "$startmenu" ]; then
	pass "desktop and Start-menu shortcuts"
else
	fail "shortcuts: desktop '${desktop}' Start menu '${startmenu}'"
fi

if [ -n "$inst" ]; then
	# no --data: the installed program makes its default file %AppData%\Kinerja\kinerja.db
	gui gui-installed "$inst/Kinerja.exe"
	data=$(ls "$users"/*/AppData/Roaming/Kinerja/kinerja.db 2>/dev/null | head -1)
	if [ -n "$data" ]; then pass "default data file ${data#"$WINEPREFIX"/}"; else fail "no %AppData%\\Kinerja\\kinerja.db"; fi

	timeout 120 wine "$inst/Uninstall.exe" /S </dev/null >"$tmp/uninstall.log" 2>&1
	# the uninstaller copies itself to %TEMP% and returns at once: wait for it to finish
	timeout 120 wineserver -w
	for _ in $(seq 30); do [ -e "$inst/Kinerja.exe" ] || break; sleep 1; done
	if [ ! -e "$inst/Kinerja.exe" ] && [ ! -e "$inst" ] && ! ls "$users"/*/Desktop/Kinerja.lnk >/dev/null 2>&1; then
		pass "silent uninstall removed the programs and shortcuts"
	else
		fail "uninstall left $(ls "$inst" 2>/dev/null | tr '\n' ' ')"
	fi
	if [ -z "$data" ] || [ -s "$data" ]; then
		pass "uninstall kept the data in %AppData%\\Kinerja"
	else
		fail "uninstall removed $data"
	fi
fi

if [ "$failed" = 0 ]; then
	echo "windows-check: PASS"
else
	echo "windows-check: FAIL"
	exit 1
fi

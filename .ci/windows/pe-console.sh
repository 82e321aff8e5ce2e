#!/bin/sh
# pe-console.sh GUI.exe CONSOLE.exe
#
# Writes a copy of a Windows GUI-subsystem program with its PE subsystem set to
# console (3). For a Go program that is exactly the difference between linking
# with and without -H windowsgui (the linker writes that one header field; the
# code, resources and version information stay byte for byte the same), so
# kinerja-cli.exe needs no second build with a second set of flags. cmd and
# PowerShell wait for a console program and show its output and exit code.
set -eu
in=$1 out=$2

# u16/u32 read a little-endian number at a byte offset of the input.
u16() { od -An -tu2 -j "$1" -N2 "$in" | tr -d ' '; }
u32() { od -An -tu4 -j "$1" -N4 "$in" | tr -d ' '; }

[ "$(head -c2 "$in")" = MZ ] || { echo "pe-console: $in is not a Windows program" >&2; exit 1; }
pe=$(u32 60)
[ "$(dd if="$in" bs=1 skip="$pe" count=4 2>/dev/null | od -An -c | tr -d ' ')" = 'PE\0\0' ] ||
	{ echo "pe-console: $in has no PE header" >&2; exit 1; }
# Subsystem sits 68 bytes into the optional header, which follows the 4-byte
# signature and the 20-byte COFF header, in PE32 and PE32+ alike.
field=$((pe + 24 + 68))
subsystem=$(u16 "$field")
[ "$subsystem" = 2 ] || { echo "pe-console: $in has subsystem $subsystem, want 2 (GUI)" >&2; exit 1; }

cp "$in" "$out.tmp"
printf '\003' | dd of="$out.tmp" bs=1 seek="$field" conv=notrunc 2>/dev/null
mv "$out.tmp" "$out"

# .ci/windows.mk — the Windows deliverable, cross-built from Debian/Ubuntu.
#
# Included by the Makefile; also works alone: make -f .ci/windows.mk windows
#
#   make windows        dist/Kinerja.exe            64-bit GUI program (icon, version info, app metadata)
#                       dist/kinerja-cli.exe        the same program as a console program, for the CLI
#                       dist/x86/Kinerja.exe        32-bit builds of both, for 32-bit Windows 10
#                       dist/x86/kinerja-cli.exe
#                       dist/Kinerja-Setup-$(VERSION).exe   per-user NSIS installer (picks 64/32-bit)
#                       dist/Kinerja-$(VERSION)-portable.zip  both programs + kinerja.portable marker
#   make windows-check  builds, then proves under wine + Xvfb that all of it starts (.ci/windows-check.sh)
#   make windows-icon   re-renders assets/icon.png from assets/icon.svg
#
# Every Windows build goes through `fyne package -os windows --release` (fyne.io/tools, pinned
# below) with the same tags and the same CGO flags, so one Go build cache serves all of them; the
# first mingw build of go-gl takes about ten minutes, later ones seconds. The fyne tool bumps Build
# in FyneApp.toml and drops generated files next to main.go, so it works on a copy of the sources
# in a temporary directory outside the checkout (mktemp -d), removed afterwards even when the build
# fails; the checkout stays clean and no second copy of the tree is left inside it. The version `kinerja version` prints is set by
# a generated file in that copy (the fyne tool drops -ldflags from GOFLAGS on its second build).
#
# Signing (optional): with KINERJA_SIGN_PFX (a .pfx/.p12 file) and KINERJA_SIGN_PASS (its password)
# set, the programs and the installer are signed with osslsigncode; KINERJA_SIGN_TIMESTAMP may name
# an RFC 3161 timestamp server. Without them signing is skipped with a message.

WIN_GO        ?= go
WIN_VERSION   := $(shell sed -n 's/^ *Version *= *"\(.*\)"/\1/p' FyneApp.toml)
WIN_DIST      := dist
WIN_WORK      := $(WIN_DIST)/.windows
WIN_FYNE_VER  := v1.7.4
WIN_FYNE      := $(WIN_WORK)/bin/fyne-$(WIN_FYNE_VER)
# Build tags beyond the ones fyne adds itself (release, and migrated_fynedo from FyneApp.toml).
WIN_TAGS      := no_emoji
WIN_SETUP     := $(WIN_DIST)/Kinerja-Setup-$(WIN_VERSION).exe
WIN_PORTABLE  := $(WIN_DIST)/Kinerja-$(WIN_VERSION)-portable.zip

# Debian packages: the two mingw-w64 cross compilers, NSIS, zip, and ImageMagick for the .ico.
WIN_BUILD_PKGS := gcc-mingw-w64-x86-64 gcc-mingw-w64-i686 nsis zip imagemagick
# What the wine check needs besides. The 32-bit wine (wine32:i386) is tried on top, and the check
# skips the 32-bit programs when it cannot be installed (e.g. an out-of-sync i386 mirror).
WIN_CHECK_PKGS := wine wine64 xvfb xauth xdotool x11-utils imagemagick libgl1-mesa-dri

# apt_install: the one definition, shared with the Makefile.
include $(dir $(lastword $(MAKEFILE_LIST)))apt.mk

.PHONY: windows windows-deps windows-check-deps windows-exe windows-sign windows-installer \
        windows-portable windows-check windows-check64-installer windows-icon

## windows: the Windows programs, installer and portable zip in dist/
windows: windows-exe windows-sign windows-installer windows-portable
	@ls -l $(WIN_DIST)/Kinerja.exe $(WIN_DIST)/kinerja-cli.exe $(WIN_DIST)/x86/*.exe $(WIN_SETUP) $(WIN_PORTABLE)

windows-deps:
	$(call apt_install,$(WIN_BUILD_PKGS))

windows-check-deps:
	$(call apt_install,$(WIN_CHECK_PKGS))
	@dpkg -s wine32:i386 >/dev/null 2>&1 || { \
	  sudo=""; [ "$$(id -u)" = 0 ] || sudo=sudo; added=""; \
	  dpkg --print-foreign-architectures | grep -qx i386 || { $$sudo dpkg --add-architecture i386 && added=1; }; \
	  echo "Memasang wine32:i386 (untuk program 32-bit)"; \
	  $$sudo apt-get update -qq >/dev/null 2>&1; \
	  DEBIAN_FRONTEND=noninteractive $$sudo apt-get install -y -qq wine32:i386 libgl1-mesa-dri:i386 >/dev/null 2>&1 || { \
	    echo "wine32:i386 tidak dapat dipasang: program 32-bit tidak diperiksa di wine"; \
	    [ -z "$$added" ] || { $$sudo dpkg --remove-architecture i386; $$sudo apt-get update -qq >/dev/null 2>&1; }; }; }

$(WIN_FYNE):
	mkdir -p $(@D)
	env -u GOOS -u GOARCH -u CC -u GOFLAGS GOBIN="$(abspath $(@D))" $(WIN_GO) install fyne.io/tools/cmd/fyne@$(WIN_FYNE_VER)
	mv $(@D)/fyne $@

# win_package builds the GUI program for GOARCH $(1) with C compiler $(2) into $(3)/Kinerja.exe,
# and its console twin $(3)/kinerja-cli.exe, from the copy of the sources in $$src (a shell
# fragment of windows-exe's one shell). The fyne tool sets CGO_CFLAGS and CGO_LDFLAGS itself
# (appending to any in the environment, which would change the cache key): unset them, so every
# Windows build compiles the C code with exactly the same flags.
define win_package
	( cd "$$src" && env -u CGO_CFLAGS -u CGO_LDFLAGS GOOS=windows GOARCH=$(1) CC=$(2) CGO_ENABLED=1 \
	  "$(abspath $(WIN_FYNE))" package -os windows --release --tags $(WIN_TAGS) ); \
	mkdir -p $(3); \
	mv "$$src/Kinerja.exe" $(3)/Kinerja.exe; \
	sh .ci/windows/pe-console.sh $(3)/Kinerja.exe $(3)/kinerja-cli.exe
endef

# One shell: the temporary copy lives in $$src and is removed on exit, success or not.
windows-exe: windows-deps $(WIN_FYNE)
	set -e; src=$$(mktemp -d "$${TMPDIR:-/tmp}/kinerja-windows.XXXXXX"); trap 'rm -rf "$$src"' EXIT; \
	tar --exclude=./$(WIN_DIST) --exclude=./.git -cf - . | tar -C "$$src" -xf -; \
	printf '%s\n' '// Code generated by .ci/windows.mk; DO NOT EDIT.' '' 'package main' '' \
	  'func init() { version = "$(WIN_VERSION)" }' > "$$src/zz_version_windows.go"; \
	$(call win_package,amd64,x86_64-w64-mingw32-gcc,$(WIN_DIST)); \
	$(call win_package,386,i686-w64-mingw32-gcc,$(WIN_DIST)/x86)

# win_sign signs the Windows programs $(1) in place when a certificate is configured.
define win_sign
	@if [ -z "$$KINERJA_SIGN_PFX" ] || [ -z "$$KINERJA_SIGN_PASS" ]; then \
	  echo "Penandatanganan dilewati: KINERJA_SIGN_PFX dan KINERJA_SIGN_PASS tidak diisi."; exit 0; fi; \
	command -v osslsigncode >/dev/null 2>&1 || $(MAKE) -f .ci/windows.mk --no-print-directory windows-signer-deps; \
	umask 077; pass="$(WIN_WORK)/sign-pass"; printf '%s' "$$KINERJA_SIGN_PASS" > "$$pass"; \
	ts=""; [ -z "$$KINERJA_SIGN_TIMESTAMP" ] || ts="-ts $$KINERJA_SIGN_TIMESTAMP"; \
	for f in $(1); do \
	  osslsigncode sign -pkcs12 "$$KINERJA_SIGN_PFX" -readpass "$$pass" -n Kinerja -h sha256 $$ts \
	    -in "$$f" -out "$$f.signed" || { rm -f "$$pass"; exit 1; }; \
	  mv "$$f.signed" "$$f"; echo "Ditandatangani: $$f"; \
	done; rm -f "$$pass"
endef

.PHONY: windows-signer-deps
windows-signer-deps:
	$(call apt_install,osslsigncode)

windows-sign: windows-exe
	$(call win_sign,$(WIN_DIST)/Kinerja.exe $(WIN_DIST)/kinerja-cli.exe $(WIN_DIST)/x86/Kinerja.exe $(WIN_DIST)/x86/kinerja-cli.exe)

windows-installer: windows-sign
	convert assets/icon.png -define icon:auto-resize=256,64,48,32,16 $(WIN_WORK)/Kinerja.ico
	sed 's/$$/\r/' .ci/windows/BACA-SAYA.txt > $(WIN_WORK)/BACA-SAYA.txt
	makensis -V2 -DVERSION=$(WIN_VERSION) -DDIST="$(abspath $(WIN_DIST))" \
	  -DICON="$(abspath $(WIN_WORK))/Kinerja.ico" -DREADME="$(abspath $(WIN_WORK))/BACA-SAYA.txt" \
	  -DOUTFILE="$(abspath $(WIN_SETUP))" .ci/windows/installer.nsi
	$(call win_sign,$(WIN_SETUP))

windows-portable: windows-sign
	rm -rf $(WIN_WORK)/portable $(WIN_PORTABLE) && mkdir -p $(WIN_WORK)/portable/Kinerja
	cp $(WIN_DIST)/Kinerja.exe $(WIN_DIST)/kinerja-cli.exe $(WIN_WORK)/portable/Kinerja/
	cp $(WIN_DIST)/x86/Kinerja.exe $(WIN_WORK)/portable/Kinerja/Kinerja-32bit.exe
	cp $(WIN_DIST)/x86/kinerja-cli.exe $(WIN_WORK)/portable/Kinerja/kinerja-cli-32bit.exe
	: > $(WIN_WORK)/portable/Kinerja/kinerja.portable
	sed 's/$$/\r/' .ci/windows/BACA-SAYA.txt > $(WIN_WORK)/portable/Kinerja/BACA-SAYA.txt
	cd $(WIN_WORK)/portable && zip -q -X -r "$(abspath $(WIN_PORTABLE))" Kinerja

# The installer built on NSIS's 64-bit stub, only for checking the script under a 64-bit-only wine.
windows-check64-installer: windows-installer
	makensis -V2 -DCHECK64 -DVERSION=$(WIN_VERSION) -DDIST="$(abspath $(WIN_DIST))" \
	  -DICON="$(abspath $(WIN_WORK))/Kinerja.ico" -DREADME="$(abspath $(WIN_WORK))/BACA-SAYA.txt" \
	  -DOUTFILE="$(abspath $(WIN_WORK))/Kinerja-Setup-$(WIN_VERSION)-check64.exe" .ci/windows/installer.nsi

## windows-check: build, then run the programs and the installer under wine + Xvfb
windows-check: windows windows-check64-installer windows-check-deps
	KINERJA_SKIP_BUILD=1 bash .ci/windows-check.sh

## windows-icon: render assets/icon.png (512x512) from assets/icon.svg
windows-icon:
	convert -background none -density 288 assets/icon.svg -resize 512x512 -depth 8 assets/icon.png

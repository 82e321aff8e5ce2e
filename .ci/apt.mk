# .ci/apt.mk — apt_install, shared by the Makefile and .ci/windows.mk (each includes it).

ifndef KINERJA_APT_MK
KINERJA_APT_MK := 1

# apt_install installs the missing Debian/Ubuntu packages among $(1) (sudo when not root), or
# explains what to install where there is no apt-get.
define apt_install
	@missing=""; for p in $(1); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  if ! command -v apt-get >/dev/null 2>&1; then \
	    echo "Pasang dulu paket ini (nama Debian/Ubuntu):$$missing"; exit 1; fi; \
	  sudo=""; [ "$$(id -u)" = 0 ] || sudo=sudo; \
	  echo "Memasang:$$missing"; \
	  $$sudo apt-get update -qq || echo "apt-get update tidak sempurna; tetap mencoba memasang"; \
	  DEBIAN_FRONTEND=noninteractive $$sudo apt-get install -y -qq $$missing >/dev/null; \
	fi
endef

endif

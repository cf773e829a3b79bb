#!/usr/bin/env bash
# The busybox image kubelab builds comes from the host's static busybox (Debian busybox-static).
set -euo pipefail
if [ -x /bin/busybox ] && /bin/busybox --help >/dev/null 2>&1; then exit 0; fi
if [ "$(id -u)" = "0" ] && [ -f /etc/debian_version ]; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null
  apt-get install -y -qq busybox-static >/dev/null
  exit 0
fi
echo "error: /bin/busybox is missing; install busybox-static (Debian) and try again" >&2
exit 1

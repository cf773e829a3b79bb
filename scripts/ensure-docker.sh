#!/usr/bin/env bash
# Makes sure a Docker engine answers. Where none runs and we are root on Debian, installs
# Debian's docker.io (if missing) and starts dockerd in the background, as a fresh CI machine needs.
set -euo pipefail

if docker info >/dev/null 2>&1; then exit 0; fi

if [ "$(id -u)" != "0" ]; then
  echo "error: no Docker engine is running; start one (e.g. 'sudo systemctl start docker') and try again" >&2
  exit 1
fi

if ! command -v dockerd >/dev/null 2>&1; then
  if [ -f /etc/debian_version ]; then
    echo "Installing Docker (Debian docker.io)..." >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >/dev/null
    apt-get install -y -qq docker.io >/dev/null
  else
    echo "error: no Docker engine is installed; install Docker and try again" >&2
    exit 1
  fi
fi

if command -v systemctl >/dev/null 2>&1 && systemctl is-system-running >/dev/null 2>&1; then
  systemctl start docker || true
fi
if ! docker info >/dev/null 2>&1; then
  echo "Starting dockerd..." >&2
  nohup dockerd >/var/log/kubelab-dockerd.log 2>&1 &
fi
for _ in $(seq 1 100); do
  if docker info >/dev/null 2>&1; then exit 0; fi
  sleep 0.2
done
echo "error: dockerd did not become ready; see /var/log/kubelab-dockerd.log" >&2
exit 1

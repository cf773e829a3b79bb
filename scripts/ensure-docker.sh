#!/usr/bin/env bash
# Makes sure a Docker engine answers. Where none runs and we are root on Debian, installs
# Debian's docker.io (if missing) and starts dockerd in the background, as a fresh CI machine needs.
#
# Debian 12's docker.io (20.10.24) can deadlock in libnetwork when containers of one network go
# away together (moby/moby#46661; fixed in 20.10.27, later than Debian's): it then answers
# nothing that touches networks, `docker info` included, until it is restarted. A dockerd that
# answers nothing in 20 s is restarted when no service manager runs it (this script started
# it); one that systemd runs is left to its owner, with the command that restarts it.
set -euo pipefail

answer=0
timeout 20 docker info >/dev/null 2>&1 || answer=$?
if [ "${answer}" = 0 ]; then exit 0; fi

if [ "$(id -u)" != "0" ]; then
  if [ "${answer}" = 124 ]; then
    echo "error: the Docker engine does not answer (20 s); restart it (e.g. 'sudo systemctl restart docker') and try again" >&2
  else
    echo "error: no Docker engine is running; start one (e.g. 'sudo systemctl start docker') and try again" >&2
  fi
  exit 1
fi

if [ "${answer}" = 124 ]; then
  if command -v systemctl >/dev/null 2>&1 && systemctl is-active --quiet docker 2>/dev/null; then
    echo "error: the Docker engine does not answer (20 s); restart it with 'systemctl restart docker' and try again" >&2
    exit 1
  fi
  echo "The Docker engine does not answer (20 s): restarting dockerd..." >&2
  pids=$(pidof dockerd || true)
  containerd_pid=$(cat /var/run/docker/containerd/containerd.pid 2>/dev/null || true)
  if [ -n "${pids}" ]; then
    kill -TERM ${pids} 2>/dev/null || true
    for _ in $(seq 1 50); do
      alive=0
      for p in ${pids}; do kill -0 "${p}" 2>/dev/null && alive=1; done
      [ "${alive}" = 0 ] && break
      sleep 0.2
    done
    # A deadlocked daemon may not finish shutting down.
    kill -KILL ${pids} 2>/dev/null || true
  fi
  # The containerd it supervised, when it outlived it.
  if [ -n "${containerd_pid}" ] && kill -0 "${containerd_pid}" 2>/dev/null; then
    kill -TERM "${containerd_pid}" 2>/dev/null || true
    for _ in $(seq 1 50); do kill -0 "${containerd_pid}" 2>/dev/null || break; sleep 0.2; done
    kill -KILL "${containerd_pid}" 2>/dev/null || true
  fi
  rm -f /var/run/docker.pid
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
if ! timeout 20 docker info >/dev/null 2>&1; then
  echo "Starting dockerd..." >&2
  nohup dockerd >/var/log/kubelab-dockerd.log 2>&1 &
fi
for _ in $(seq 1 100); do
  if timeout 20 docker info >/dev/null 2>&1; then exit 0; fi
  sleep 0.2
done
echo "error: dockerd did not become ready; see /var/log/kubelab-dockerd.log" >&2
exit 1

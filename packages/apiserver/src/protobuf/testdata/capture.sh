#!/usr/bin/env bash
# Re-captures the fixtures in this directory from real kubectl binaries.
# Usage: capture.sh <kubectl-binary> <out-suffix>   e.g. capture.sh /usr/bin/kubectl 1.32
# Writes <command>.<out-suffix>.pb (protobuf bodies, kubectl >= 1.32) or <command>.<out-suffix>.body.json
# (JSON bodies, kubectl <= 1.31), and <command>.<out-suffix>.dry-run.json: the object as
# `--dry-run=client -o json` prints it (same object, marshalled to JSON by kubectl itself).
set -euo pipefail
KUBECTL=$1
SUFFIX=$2
HERE=$(cd "$(dirname "$0")" && pwd)
WORK=$(mktemp -d)
trap 'kill "$SERVER_PID" 2>/dev/null || true; rm -rf "$WORK"' EXIT
PORT=${PORT:-$(node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")}

openssl req -x509 -newkey rsa:2048 -nodes -days 1 -subj /CN=localhost \
  -keyout "$WORK/server.key" -out "$WORK/server.crt" 2>/dev/null
# The certificate and key that `create secret tls` puts into the Secret: fixed, so that every
# version sends the same bytes.
cp "$HERE/tls.crt" "$HERE/tls.key" "$WORK/"
cat >"$WORK/kubeconfig" <<KC
apiVersion: v1
kind: Config
clusters:
- name: capture
  cluster: { server: "https://127.0.0.1:$PORT", insecure-skip-tls-verify: true }
users:
- name: capture
  user: { token: capture-token }
contexts:
- name: capture
  context: { cluster: capture, user: capture, namespace: default }
current-context: capture
KC

node "$HERE/capture-server.mjs" "$PORT" "$WORK/bodies" "$WORK/server.crt" "$WORK/server.key" >"$WORK/server.log" &
SERVER_PID=$!
for _ in $(seq 50); do grep -q listening "$WORK/server.log" 2>/dev/null && break; sleep 0.1; done
grep -q listening "$WORK/server.log" || { echo "capture server did not start" >&2; exit 1; }

run() {
  local name=$1; shift
  rm -rf "$WORK/bodies"/* "$WORK/cache"
  (cd "$WORK" && KUBECONFIG="$WORK/kubeconfig" "$KUBECTL" --cache-dir="$WORK/cache" "$@" >/dev/null)
  local f ext
  f=$(ls "$WORK/bodies")
  ext=${f##*.}
  [ "$ext" = json ] && ext=body.json
  cp "$WORK/bodies/$f" "$HERE/$name.$SUFFIX.$ext"
  echo "$name -> $name.$SUFFIX.$ext"
  if [ "$1" != auth ]; then
    # The dry-run flags go before a `--` (whatever follows it is the container command).
    local args=() a inserted=
    for a in "$@"; do
      if [ "$a" = -- ] && [ -z "$inserted" ]; then args+=(--dry-run=client -o json); inserted=1; fi
      args+=("$a")
    done
    [ -z "$inserted" ] && args+=(--dry-run=client -o json)
    (cd "$WORK" && KUBECONFIG="$WORK/kubeconfig" "$KUBECTL" --cache-dir="$WORK/cache" "${args[@]}" \
      >"$HERE/$name.$SUFFIX.dry-run.json")
  fi
}

run create-deployment create deployment web --image=nginx:1.27 --replicas=3 --port=8080
run create-namespace create namespace team-a
run create-configmap create configmap app-config --from-literal=mode=prod --from-literal=level=debug
run create-secret-generic create secret generic db --from-literal=user=admin --from-literal=password='s3cr3t!'
run create-secret-tls create secret tls web-tls --cert=tls.crt --key=tls.key
run create-secret-docker-registry create secret docker-registry regcred \
  --docker-server=registry.example.com --docker-username=dev --docker-password=pa55 --docker-email=dev@example.com
run create-service-clusterip create service clusterip web --tcp=80:8080
run create-service-nodeport create service nodeport web-np --tcp=80:8080 --node-port=30080
run create-job create job hello --image=busybox:1.36 -- echo hello
run create-cronjob create cronjob tick --image=busybox:1.36 --schedule='*/5 * * * *' -- date
run create-serviceaccount create serviceaccount builder
run auth-can-i auth can-i list pods
run auth-can-i-list auth can-i --list
run autoscale autoscale deployment web --min=2 --max=5 --cpu-percent=80
run create-job-from-cronjob create job rich-manual --from=cronjob/rich

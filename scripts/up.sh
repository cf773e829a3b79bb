#!/usr/bin/env bash
# One command from a fresh machine to a running cluster: dependencies, a Docker engine (installed
# and started if none runs and we are root on Debian), the build, then `kubelab create cluster`
# and `kubectl get pods -A`. Arguments go to `kubelab create cluster` (e.g. --workers 2).
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund
fi
bash scripts/ensure-docker.sh
bash scripts/ensure-busybox.sh
npx turbo run build --output-logs=errors-only

kubelab=(node packages/cli/dist/main.js)
name=kubelab
args=("$@")
for ((i = 0; i < ${#args[@]}; i++)); do
  case "${args[$i]}" in
    --name) name="${args[$((i + 1))]}" ;;
    --name=*) name="${args[$i]#--name=}" ;;
  esac
done
if "${kubelab[@]}" get clusters | grep -qx "${name}"; then
  echo "Cluster \"${name}\" already exists."
else
  "${kubelab[@]}" create cluster --wait 2m "$@"
fi
echo
kubectl --context "kubelab-${name}" get pods -A

#!/usr/bin/env bash
# The whole test suite: dependencies, build, unit and integration tests of every package, then
# the end-to-end suites. This is what the README tells users to run and what .ci/run runs.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund
fi
# The kubelet's tests and the end-to-end suites need a Docker engine and the host's busybox.
bash scripts/ensure-docker.sh
bash scripts/ensure-busybox.sh
npx turbo run build --output-logs=errors-only
npx turbo run typecheck --output-logs=errors-only
npx tsc -p bench/tsconfig.json --noEmit
npx eslint packages bench $( [ -d e2e ] && echo e2e ) --cache --cache-location node_modules/.cache/eslint
# The benchmarks' own helpers (statistics, parsers, report layout) have unit tests too.
npx vitest run --root bench
# Test packages one after another: the integration suites start servers and real kubectl.
npx turbo run test --concurrency=1 --output-logs=new-only

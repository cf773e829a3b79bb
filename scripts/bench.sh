#!/usr/bin/env bash
# Every benchmark (bench/*.bench.ts), one after another, from the sources. Arguments are passed
# to each benchmark. Exits non-zero if any benchmark failed or missed a target, after running
# them all. Figures and their context are recorded in BENCHMARKS.md.
set -uo pipefail
cd "$(dirname "$0")/.."

status=0
for bench in bench/*.bench.ts; do
  echo "== ${bench}"
  npx tsx --conditions=development "${bench}" "$@" || status=1
done
exit "${status}"

/** What the cluster benchmark's figures mean, where the time and memory go (from the runs recorded in BENCHMARKS.md). */
export const CLUSTER_FINDINGS = `### Findings

(pending)`;

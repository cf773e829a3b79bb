/**
 * The Node.js flags kube-apiserver runs with (the control-plane image's entrypoint passes them;
 * a shebang carries one flag, so there is one). A 16 MB semi-space lets a request's short-lived
 * objects die young instead of being promoted: with 10,000 pods stored, 2 MB semi-spaces
 * promoted about 3.7 KB per GET and spent 17% of the time in scavenges, and the old space grew
 * by 60–120 MB between major GCs. Measured with 10,000 pods (bench/apiserver.bench.ts):
 * GETs 33,000/s -> 46,000/s, creates 2,360/s -> 2,850/s, RSS after loading 239 -> 212 MB.
 */
export const APISERVER_NODE_FLAGS: readonly string[] = ['--max-semi-space-size=16'];

/**
 * The environment kube-apiserver runs with (the control-plane image sets it): glibc's malloc
 * told to give freed memory back. By default each thread that allocates (LevelDB's writes and
 * compaction on the libuv pool, V8's helper threads) gets an arena of its own that keeps what
 * is freed in it, and the threshold above which a block is mapped (and unmapped when freed)
 * rises with the largest block freed so far, so after 60 LISTs of 10,000 pods the process held
 * 16–40 MB more outside the V8 heap than before them, for good. With one arena and fixed
 * thresholds: 150–165 -> 127 MB resident after the LISTs and at rest (bench/apiserver.bench.ts).
 */
export const APISERVER_ENV: Readonly<Record<string, string>> = {
  MALLOC_ARENA_MAX: '1',
  MALLOC_MMAP_THRESHOLD_: '131072',
  MALLOC_TRIM_THRESHOLD_: '131072',
};

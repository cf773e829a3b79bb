/**
 * Reads a V8 sampling heap profile (`node --heap-prof`, written at exit: the sampled objects
 * still alive then) of the bundled kubelet and totals the live bytes by where they were
 * allocated: the kubelab source file (through the bundle's `// path` comments), the npm
 * package, or Node.js itself.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { bundleSourceMap } from './apiserver-build.js';

interface ProfileNode {
  callFrame: { functionName: string; url: string; lineNumber: number };
  selfSize: number;
  children: ProfileNode[];
}

export interface HeapSite {
  where: string;
  bytes: number;
}

/** Where an allocation happened, at the granularity that explains memory. */
export function allocationSite(
  url: string,
  line: number,
  bundleFile: string,
  sourceOf: (line: number) => string | undefined,
): string {
  if (!url) return '(V8 / native)';
  if (url.startsWith('node:')) return 'Node.js internals';
  const mod = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (mod) return `npm: ${mod[1] as string}`;
  if (url.endsWith(bundleFile)) return sourceOf(line) ?? 'kubelet bundle (unmapped)';
  return url;
}

/** Live bytes by allocation site, largest first, from the newest profile in dir. */
export function summarizeHeapProfile(
  dir: string,
  bundleFile: string,
  top = 15,
): { totalBytes: number; sites: HeapSite[] } {
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.heapprofile'))
    .sort();
  const file = files[files.length - 1];
  if (!file) throw new Error(`no .heapprofile in ${dir}`);
  const profile = JSON.parse(readFileSync(join(dir, file), 'utf8')) as { head: ProfileNode };
  const sourceOf = bundleSourceMap(bundleFile);
  const totals = new Map<string, number>();
  let totalBytes = 0;
  const stack: ProfileNode[] = [profile.head];
  while (stack.length) {
    const n = stack.pop() as ProfileNode;
    if (n.selfSize) {
      const site = allocationSite(n.callFrame.url, n.callFrame.lineNumber, bundleFile, sourceOf);
      totals.set(site, (totals.get(site) ?? 0) + n.selfSize);
      totalBytes += n.selfSize;
    }
    stack.push(...n.children);
  }
  const sites = [...totals]
    .map(([where, bytes]) => ({ where, bytes }))
    .sort((a, b) => b.bytes - a.bytes);
  return { totalBytes, sites: sites.slice(0, top) };
}

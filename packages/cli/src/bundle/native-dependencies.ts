/**
 * The files of a native addon package and its runtime dependencies, for shipping beside a
 * bundle that keeps it external (classic-level: LevelDB's N-API addon). Dependencies are found
 * as Node resolves them (node_modules upwards from the dependent) and keep their nesting under
 * node_modules/; sources, docs, tests and other platforms' prebuilt binaries are left out.
 */
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';

const SKIP_DIRS = new Set(['node_modules', 'deps', 'test', 'tests', '.github', 'src', 'docs', 'benchmark', 'benchmarks']);
const SKIP_FILES = /(\.(cc|c|h|hpp|gyp|gypi|md|markdown|ts|map)|^\.npmignore|^\.eslintrc.*|^tsconfig.*\.json)$/i;

function findPackageDir(name: string, fromDir: string): string {
  let dir = fromDir;
  for (;;) {
    const candidate = join(dir, 'node_modules', name);
    if (existsSync(join(candidate, 'package.json'))) return candidate;
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`cannot find package ${name} from ${fromDir}`);
    dir = parent;
  }
}

function imagePath(packageDir: string): string {
  const at = packageDir.indexOf(`${'/'}node_modules/`);
  if (at < 0) throw new Error(`${packageDir} is not inside node_modules`);
  return packageDir.slice(at + 1);
}

/** prebuilds/<platform>-<arch>[+<arch>…] directories: only this machine's. */
export function prebuildMatches(dirName: string, platformArch: string): boolean {
  const [platform, arch] = platformArch.split('-');
  const dash = dirName.indexOf('-');
  return dirName.slice(0, dash) === platform && dirName.slice(dash + 1).split('+').includes(arch ?? '');
}

async function walk(dir: string, base: string, platformArch: string, out: Map<string, string>): Promise<void> {
  for (const e of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, e.name);
    const rel = relative(base, path);
    if (e.isDirectory()) {
      if (SKIP_DIRS.has(e.name)) continue;
      if (rel.startsWith('prebuilds/') && !prebuildMatches(e.name, platformArch)) continue;
      await walk(path, base, platformArch, out);
    } else if (e.isFile()) {
      if (SKIP_FILES.test(e.name)) continue;
      if (rel.startsWith('build/') && !e.name.endsWith('.node')) continue;
      out.set(rel, path);
    }
  }
}

/** Image-relative path (node_modules/…) → host file, for the packages and their dependency closure. */
export async function nativeDependencyFiles(
  names: string[],
  fromDir: string,
  platformArch = `${process.platform}-${process.arch}`,
): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  const seen = new Set<string>();
  const queue = names.map((name) => ({ name, fromDir }));
  while (queue.length > 0) {
    const { name, fromDir: from } = queue.shift() as { name: string; fromDir: string };
    const dir = findPackageDir(name, from);
    if (seen.has(dir)) continue;
    seen.add(dir);
    const pkg = JSON.parse(await readFile(join(dir, 'package.json'), 'utf8')) as { dependencies?: Record<string, string> };
    const own = new Map<string, string>();
    await walk(dir, dir, platformArch, own);
    for (const [rel, host] of own) files.set(join(imagePath(dir), rel), host);
    for (const dep of Object.keys(pkg.dependencies ?? {})) queue.push({ name: dep, fromDir: dir });
  }
  return files;
}

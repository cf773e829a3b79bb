/**
 * Runs every matrix command under every kubectl version (each version's commands in order,
 * versions side by side in a small pool) and records a result per cell.
 */
import type { MatrixCommand } from './matrix-command.js';
import type { MatrixCluster, MatrixContext } from './matrix-context.js';
import { createMatrixContext } from './matrix-context.js';
import type { KubectlVersion } from './matrix-kubectl.js';
import { Mutex, runPool } from './matrix-mutex.js';

export interface CellResult {
  pass: boolean;
  ms: number;
  error?: string;
}

export interface MatrixResults {
  versions: readonly KubectlVersion[];
  commands: readonly string[];
  /** cells[command][version] */
  cells: Map<string, Map<KubectlVersion, CellResult>>;
  wallMs: number;
  /** Wall time of each version's whole run. */
  versionMs: Map<KubectlVersion, number>;
}

export interface MatrixRunOptions {
  versions: readonly KubectlVersion[];
  commands: readonly MatrixCommand[];
  cluster: MatrixCluster;
  /** Scratch root; every version gets a directory below it. */
  dir: string;
  /** How many versions run at once. */
  concurrency: number;
  /** Called after each cell (progress output). */
  onCell?: (version: KubectlVersion, command: string, result: CellResult) => void;
}

async function runCell(cmd: MatrixCommand, ctx: MatrixContext): Promise<CellResult> {
  const start = Date.now();
  try {
    await cmd.run(ctx);
    return { pass: true, ms: Date.now() - start };
  } catch (err) {
    return { pass: false, ms: Date.now() - start, error: err instanceof Error ? err.message : String(err) };
  }
}

export async function runMatrix(opts: MatrixRunOptions): Promise<MatrixResults> {
  const cells = new Map<string, Map<KubectlVersion, CellResult>>(opts.commands.map((c) => [c.name, new Map()]));
  const versionMs = new Map<KubectlVersion, number>();
  const nodeLock = new Mutex();
  const start = Date.now();
  await runPool(opts.versions, opts.concurrency, async (version) => {
    const begin = Date.now();
    const ctx = await createMatrixContext(version, opts.cluster, opts.dir, nodeLock);
    // A failed command does not stop the version: the matrix records every cell.
    for (const cmd of opts.commands) {
      const result = await runCell(cmd, ctx);
      cells.get(cmd.name)?.set(version, result);
      opts.onCell?.(version, cmd.name, result);
    }
    versionMs.set(version, Date.now() - begin);
  });
  return { versions: opts.versions, commands: opts.commands.map((c) => c.name), cells, wallMs: Date.now() - start, versionMs };
}

/** The failing cells of one command, as "version: message" blocks. */
export function failuresOf(results: MatrixResults, command: string): string[] {
  const row = results.cells.get(command);
  return results.versions.flatMap((v) => {
    const cell = row?.get(v);
    if (!cell) return [`kubectl ${v}: not run`];
    return cell.pass ? [] : [`kubectl ${v}: ${cell.error ?? 'failed'}`];
  });
}

/**
 * However the kubelet benchmark ends, the lab goes: lab.cleanup() on the normal path and on
 * SIGINT/SIGTERM/SIGHUP; if the process exits without it (an uncaught error, process.exit), a
 * synchronous fallback kills the kubelets and removes, by the lab's label, every container and
 * network, and the lab's directory.
 */
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import type { Lab } from '../../packages/kubelet/test/harness/lab.js';

export function guardLab(lab: Lab): { cleanup: () => Promise<void> } {
  let done = false;
  const syncFallback = (): void => {
    if (done) return;
    done = true;
    for (const n of lab.nodes.values())
      if (n.process && n.process.exitCode === null) n.process.kill('SIGKILL');
    const label = `label=io.kubelab.cluster=${lab.name}`;
    const run = (args: string[]): string => {
      try {
        return execFileSync('docker', args, {
          encoding: 'utf8',
          stdio: ['ignore', 'pipe', 'ignore'],
        });
      } catch {
        return '';
      }
    };
    const ids = run(['ps', '-aq', '--filter', label]).split('\n').filter(Boolean);
    if (ids.length) run(['rm', '-f', ...ids]);
    const nets = run(['network', 'ls', '-q', '--filter', label]).split('\n').filter(Boolean);
    if (nets.length) run(['network', 'rm', ...nets]);
    rmSync(lab.dir, { recursive: true, force: true });
  };
  const cleanup = async (): Promise<void> => {
    if (done) return;
    await lab.cleanup();
    done = true;
  };
  process.once('exit', syncFallback);
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.once(sig, () => {
      void cleanup()
        .catch(syncFallback)
        .finally(() => process.exit(128 + (sig === 'SIGINT' ? 2 : sig === 'SIGTERM' ? 15 : 1)));
    });
  }
  return { cleanup };
}

/** The kubelet refuses bad flags and configs with the real kubelet's one-line error and exit 1. */
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const MAIN = join(dirname(fileURLToPath(import.meta.url)), '..', 'src', 'main.ts');
let root: string;

function run(args: string[]): Promise<{ code: number; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['--conditions=development', '--import', 'tsx', MAIN, ...args], (err, _o, stderr) =>
      resolve({ code: err ? Number(err.code ?? 1) : 0, stderr: String(stderr) }),
    );
  });
}

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'kubelet-flags-'));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

const line = /^E\d{4} \d\d:\d\d:\d\d\.\d{6} +\d+ run\.go:\d+\] "command failed" err=/;

describe('kubelet start-up errors', () => {
  it('refuses an unknown flag', async () => {
    const r = await run(['--no-such-flag', `--kubelab-node-root=${root}`]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(line);
    expect(r.stderr).toContain('err="failed to parse kubelet flag: unknown flag: --no-such-flag"');
  });

  it('names a missing --config file as the real kubelet does', async () => {
    const r = await run(['--config=/var/lib/kubelet/config.yaml', `--kubelab-node-root=${root}`]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(line);
    expect(r.stderr).toContain(
      'failed to load kubelet config file, path: /var/lib/kubelet/config.yaml, error: failed to load Kubelet config file /var/lib/kubelet/config.yaml, error failed to read kubelet config file \\"/var/lib/kubelet/config.yaml\\", error: open /var/lib/kubelet/config.yaml: no such file or directory',
    );
  });

  it('refuses a config of the wrong kind', async () => {
    await mkdir(join(root, 'var/lib/kubelet'), { recursive: true });
    await writeFile(join(root, 'var/lib/kubelet/config.yaml'), 'apiVersion: kubelet.config.k8s.io/v1beta1\nkind: NotKubeletConfiguration\n');
    const r = await run(['--config=/var/lib/kubelet/config.yaml', `--kubelab-node-root=${root}`]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('no kind \\"NotKubeletConfiguration\\" is registered for version \\"kubelet.config.k8s.io/v1beta1\\"');
  });

  it('refuses a kubeconfig that does not exist', async () => {
    await writeFile(join(root, 'var/lib/kubelet/config.yaml'), 'apiVersion: kubelet.config.k8s.io/v1beta1\nkind: KubeletConfiguration\n');
    const r = await run(['--config=/var/lib/kubelet/config.yaml', '--kubeconfig=/etc/kubernetes/kubelet.conf', `--kubelab-node-root=${root}`]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('invalid kubeconfig: stat /etc/kubernetes/kubelet.conf: no such file or directory');
  });
});

/** kube-apiserver refuses bad flags with one line naming them, and a non-zero exit. */
import { execFile } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const MAIN = join(dirname(fileURLToPath(import.meta.url)), '..', 'src', 'main.ts');

function run(args: string[]): Promise<{ code: number; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['--conditions=development', '--import', 'tsx', MAIN, ...args], (err, _out, stderr) => {
      resolve({ code: err ? Number(err.code ?? 1) : 0, stderr: String(stderr) });
    });
  });
}

describe('kube-apiserver flags', () => {
  it('refuses an unknown flag', async () => {
    const r = await run(['--no-such-flag=1']);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('Error: unknown flag: --no-such-flag\n');
  });

  it('refuses an unusable value, naming the flag', async () => {
    const r = await run(['--secure-port=abc']);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('Error: invalid argument "abc" for "--secure-port" flag: strconv.ParseInt: parsing "abc": invalid syntax\n');
  });

  it('refuses a missing certificate file', async () => {
    const r = await run(['--tls-cert-file=/nonexistent/apiserver.crt', '--tls-private-key-file=/nonexistent/apiserver.key']);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('Error: --tls-cert-file: open /nonexistent/apiserver.crt: no such file or directory\n');
  });
});

/**
 * `kubectl port-forward TARGET 0:PORT`: waits for the "Forwarding from 127.0.0.1:N -> PORT"
 * line, fetches one HTTP path through the local port, and ends kubectl.
 */
import { get } from 'node:http';
import type { MatrixContext } from './matrix-context.js';
import { CheckError } from './matrix-check.js';

function httpGet(port: number, path: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const req = get({ host: '127.0.0.1', port, path, timeout: 20_000 }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (d: string) => (body += d));
      res.on('end', () => (res.statusCode === 200 ? resolve(body) : reject(new CheckError(`GET ${path} through port-forward: HTTP ${res.statusCode}: ${body}`))));
    });
    req.on('timeout', () => req.destroy(new CheckError(`GET ${path} through port-forward: no answer in 20s`)));
    req.on('error', reject);
  });
}

export async function portForwardGet(x: MatrixContext, target: string, port: number, path: string): Promise<string> {
  const child = x.spawn(['port-forward', target, `0:${port}`]);
  let stdout = '';
  let stderr = '';
  child.stdout?.setEncoding('utf8').on('data', (d: string) => (stdout += d));
  child.stderr?.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  try {
    const local = await new Promise<number>((resolve, reject) => {
      const timer = setTimeout(() => reject(new CheckError(`port-forward printed no "Forwarding from" line in 30s\nstdout: ${stdout}\nstderr: ${stderr}`)), 30_000);
      const check = (): void => {
        const m = new RegExp(`^Forwarding from 127\\.0\\.0\\.1:(\\d+) -> ${port}$`, 'm').exec(stdout);
        if (m) {
          clearTimeout(timer);
          resolve(Number(m[1]));
        }
      };
      child.stdout?.on('data', check);
      child.on('exit', (code) => {
        clearTimeout(timer);
        reject(new CheckError(`port-forward exited with ${code}\nstdout: ${stdout}\nstderr: ${stderr}`));
      });
    });
    // Two requests: a forwarded port serves more than one connection.
    const first = await httpGet(local, path);
    const second = await httpGet(local, path);
    if (first !== second) throw new CheckError(`two GETs through port-forward differ: ${JSON.stringify(first)} / ${JSON.stringify(second)}`);
    if (!/^Handling connection for \d+$/m.test(stdout)) throw new CheckError(`port-forward did not print "Handling connection for"\nstdout: ${stdout}`);
    return first;
  } catch (err) {
    if (err instanceof CheckError) throw err;
    throw new CheckError(`${err instanceof Error ? err.message : String(err)}\nstdout: ${stdout}\nstderr: ${stderr}`);
  } finally {
    child.kill('SIGTERM');
  }
}

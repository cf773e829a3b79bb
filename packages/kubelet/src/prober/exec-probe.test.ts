import { describe, expect, it } from 'vitest';
import { FakeClock } from '@kubelab/api/testing';
import { runExecProbe, type ExecSync } from './exec-probe.js';

const req = { containerId: 'c1', command: ['cat', '/tmp/healthy'], timeoutMs: 1000 };

describe('runExecProbe', () => {
  it('succeeds on exit code 0 with the output', async () => {
    const calls: unknown[] = [];
    const exec: ExecSync = (id, cmd, timeout) => {
      calls.push([id, cmd, timeout]);
      return Promise.resolve({ exitCode: 0, output: 'ok\n' });
    };
    expect(await runExecProbe(exec, new FakeClock(), req)).toEqual({ result: 'success', output: 'ok\n' });
    expect(calls).toEqual([['c1', ['cat', '/tmp/healthy'], 1000]]);
  });

  it('fails with the output on a non-zero exit code', async () => {
    const exec: ExecSync = () =>
      Promise.resolve({ exitCode: 1, output: "cat: can't open '/tmp/healthy': No such file or directory\n" });
    expect(await runExecProbe(exec, new FakeClock(), req)).toEqual({
      result: 'failure',
      output: "cat: can't open '/tmp/healthy': No such file or directory\n",
    });
  });

  it('fails with the timeout message when the command outlives timeoutSeconds', async () => {
    const clock = new FakeClock();
    const p = runExecProbe(() => new Promise(() => {}), clock, req);
    await clock.waitForSleepers(1);
    clock.advance(1000);
    expect(await p).toEqual({ result: 'failure', output: 'command "cat /tmp/healthy" timed out' });
  });

  it('reports a runtime error as an error, not a failure', async () => {
    const out = await runExecProbe(() => Promise.reject(new Error('No such container: c1')), new FakeClock(), req);
    expect(out.result).toBe('unknown');
    expect(out.error?.message).toBe('No such container: c1');
  });
});

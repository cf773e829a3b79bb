import { describe, expect, it } from 'vitest';
import { createProgress } from './progress.js';

function sink(isTTY: boolean) {
  const chunks: string[] = [];
  return { stream: { isTTY, write: (s: string) => chunks.push(s) }, text: () => chunks.join('') };
}

describe('progress', () => {
  it('prints only the lines off a terminal', () => {
    const s = sink(false);
    const p = createProgress(s.stream);
    p.phase('Writing certificates');
    p.line('[certs] Generating "ca" certificate and key');
    p.end(true);
    expect(s.text()).toBe('[certs] Generating "ca" certificate and key\n');
  });

  it('marks phases with a spinner and a check on a terminal', () => {
    const s = sink(true);
    const p = createProgress(s.stream);
    p.phase('Writing certificates');
    p.line('[certs] x');
    p.phase('Starting kubelets');
    p.end(false);
    const text = s.text();
    expect(text).toContain('[certs] x\n');
    expect(text).toContain(' ✓ Writing certificates\n');
    expect(text).toContain(' ✗ Starting kubelets\n');
    expect(text).toContain('⠋ Writing certificates');
  });

  it('prints nothing when quiet', () => {
    const s = sink(true);
    const p = createProgress(s.stream, true);
    p.phase('a');
    p.line('b');
    p.end(true);
    expect(s.text()).toBe('');
  });
});

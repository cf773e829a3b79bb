import { describe, expect, it } from 'vitest';
import { summarizeProfile, type CpuProfile } from './apiserver-cpu-profile.js';

const frame = (
  functionName: string,
  url = 'file:///w/packages/apiserver/src/x.ts',
  lineNumber = 0,
) => ({ functionName, url, lineNumber });

// root -> handle -> (parse, write); samples are 1 ms apart.
const profile: CpuProfile = {
  startTime: 0,
  nodes: [
    { id: 1, callFrame: frame('(root)', ''), children: [2, 5] },
    { id: 2, callFrame: frame('handle'), children: [3, 4] },
    { id: 3, callFrame: frame('parse', '', 0) },
    { id: 4, callFrame: frame('write', 'node:net', 9) },
    { id: 5, callFrame: frame('(idle)', '') },
  ],
  samples: [3, 3, 4, 5, 2, 3],
  timeDeltas: [1000, 1000, 1000, 1000, 1000, 1000],
};

describe('summarizeProfile', () => {
  it('attributes self and total time within a window, without idle', () => {
    const [all] = summarizeProfile(profile, [{ name: 'all', startMs: 0, endMs: 100 }]);
    expect(all?.totalMs).toBe(4);
    expect(all?.byFunction.map((s) => [s.label, s.ms])).toEqual([
      ['parse (native):1', 2],
      ['write node:net:10', 1],
      ['handle packages/apiserver/src/x.ts:1', 1],
    ]);
    expect(all?.inclusive[0]).toEqual({
      label: 'handle packages/apiserver/src/x.ts:1',
      ms: 4,
      share: 1,
    });
  });

  it('names bundled frames after their source file', () => {
    const locate = (url: string): string | undefined =>
      url.endsWith('x.ts') ? 'packages/apiserver/src/http/app.ts' : undefined;
    const [all] = summarizeProfile(profile, [{ name: 'all', startMs: 0, endMs: 100 }], locate);
    expect(all?.byFile.map((s) => s.label)).toEqual([
      '(native)',
      'node:net',
      'packages/apiserver/src/http/app.ts',
    ]);
    expect(all?.inclusive[0]?.label).toBe('handle packages/apiserver/src/http/app.ts');
  });

  it('keeps only the samples inside the window', () => {
    const [early] = summarizeProfile(profile, [{ name: 'early', startMs: 0, endMs: 2.5 }]);
    expect(early?.byFunction.map((s) => s.label)).toEqual(['parse (native):1']);
  });
});

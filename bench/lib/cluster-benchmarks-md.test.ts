import { describe, expect, it } from 'vitest';
import { withSection } from './cluster-benchmarks-md.js';

const H = '## kubelab create cluster (issue 5)';

describe('withSection', () => {
  it('appends the section at the end when it is missing', () => {
    expect(withSection('# Benchmarks\n\n## API server (issue 2)\n\nx\n', H, 'new')).toBe(
      `# Benchmarks\n\n## API server (issue 2)\n\nx\n\n${H}\n\nnew\n`,
    );
  });

  it('replaces only its own section and keeps the ones after it', () => {
    const text = `# B\n\n${H}\n\nold\n\n### sub\n\nold too\n\n## Kubelet (issue 3)\n\nk\n`;
    expect(withSection(text, H, 'new')).toBe(`# B\n\n${H}\n\nnew\n\n## Kubelet (issue 3)\n\nk\n`);
  });

  it('creates the file content when there is none', () => {
    expect(withSection('', H, 'new')).toBe(`${H}\n\nnew\n`);
  });
});

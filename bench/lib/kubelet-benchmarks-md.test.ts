import { describe, expect, it } from 'vitest';
import { replaceSection } from './kubelet-benchmarks-md.js';

const H = '## Kubelet (issue 3)';

describe('replaceSection', () => {
  it('creates the file text with just the section', () => {
    expect(replaceSection('', H, 'figures')).toBe(`${H}\n\nfigures\n`);
  });

  it('appends the section after the other sections', () => {
    expect(replaceSection('## API server (issue 2)\n\napi figures\n', H, 'figures')).toBe(
      `## API server (issue 2)\n\napi figures\n\n${H}\n\nfigures\n`,
    );
  });

  it('replaces only its own section, up to the next ## heading, keeping ### inside', () => {
    const text = `# Benchmarks\n\n${H}\n\nold\n\n### detail\n\nold detail\n\n## API server (issue 2)\n\napi figures\n`;
    expect(replaceSection(text, H, 'new')).toBe(
      `# Benchmarks\n\n${H}\n\nnew\n\n## API server (issue 2)\n\napi figures\n`,
    );
  });

  it('replaces a section at the end of the file', () => {
    const text = `## API server (issue 2)\n\napi\n\n${H}\n\nold\n`;
    expect(replaceSection(text, H, 'new')).toBe(`## API server (issue 2)\n\napi\n\n${H}\n\nnew\n`);
  });
});

import { describe, expect, it } from 'vitest';
import { bindingValidation } from './binding.js';

const strs = (errs: { toString(): string }[]): string[] => errs.map((e) => e.toString());

describe('binding validation', () => {
  it.each([
    [{ kind: 'Node', name: 'n1' }, []],
    [{ name: 'n1' }, []],
    [{ kind: 'Pod', name: 'n1' }, ['target.kind: Unsupported value: "Pod": supported values: "Node", "<empty>"']],
    [{ kind: 'Node' }, ['target.name: Required value']],
  ])('%j', (target, want) => {
    expect(strs(bindingValidation.create({ metadata: { name: 'web' }, target }))).toEqual(want);
  });
});

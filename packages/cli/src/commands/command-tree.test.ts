import { describe, expect, it } from 'vitest';
import type { Command } from './command.js';
import { resolveCommand, type CommandTree } from './command-tree.js';
import { commandHelp, flagLines, groupHelp } from './help.js';

const leaf = (path: string[], extra: Partial<Command> = {}): Command => ({ path, short: `does ${path.join(' ')}`, run: async () => undefined, ...extra });
const TREE: CommandTree = {
  commands: [leaf(['create', 'cluster']), leaf(['get', 'nodes']), leaf(['version']), leaf(['node', 'exec'], { usage: 'NODE -- COMMAND [ARG...]' })],
  groups: [
    { path: [], short: 'root' },
    { path: ['create'], short: 'Creates one of [cluster]' },
    { path: ['get'], short: 'Gets things' },
    { path: ['node'], short: 'Node things' },
    { path: ['load'], short: 'Loads images' },
  ],
};

describe('resolveCommand', () => {
  it('finds the command after global flags and keeps the rest', () => {
    const r = resolveCommand(TREE, ['-v', '3', 'create', 'cluster', '--name', 'x']);
    expect(r.kind === 'command' && r.command.path).toEqual(['create', 'cluster']);
    expect(r.rest).toEqual(['-v', '3', '--name', 'x']);
  });

  it('passes everything after the command through, `--` included', () => {
    const r = resolveCommand(TREE, ['node', 'exec', 'n1', '--', 'ls', '-l']);
    expect(r.rest).toEqual(['n1', '--', 'ls', '-l']);
  });

  it('stops at a group and rejects unknown words as cobra does', () => {
    expect(resolveCommand(TREE, ['get'])).toEqual({ kind: 'group', path: ['get'], rest: [] });
    expect(() => resolveCommand(TREE, ['get', 'pods'])).toThrow('unknown command "pods" for "kubelab get"');
    expect(() => resolveCommand(TREE, ['load', 'image'])).toThrow('unknown command "load" for "kubelab"');
  });
});

describe('help', () => {
  it('lists commands and groups that have commands', () => {
    const text = groupHelp(TREE, []);
    expect(text).toContain('Available Commands:\n  create     Creates one of [cluster]\n  get        Gets things\n  node       Node things\n  version    does version\n');
    expect(text).not.toContain('load');
  });

  it('aligns flags as pflag does', () => {
    expect(flagLines([
      { name: 'name', short: 'n', type: 'string', default: 'kubelab', usage: 'the name' },
      { name: 'retain', type: 'bool', default: false, usage: 'keep it' },
      { name: 'wait', type: 'duration', default: 0, usage: 'wait' },
    ])).toEqual(['  -n, --name string     the name (default kubelab)', '      --retain          keep it', '      --wait duration   wait (default 0s)']);
    expect(commandHelp(leaf(['node', 'exec'], { usage: 'NODE -- COMMAND [ARG...]' }))).toContain('Usage:\n  kubelab node exec NODE -- COMMAND [ARG...]\n');
  });
});

import { describe, expect, it } from 'vitest';
import { commandAndArgs, expandCommandOnlyStatic } from './command-and-args.js';

describe('commandAndArgs', () => {
  const env = [
    { name: 'GREETING', value: 'hello' },
    { name: 'TARGET', value: 'world' },
  ];
  it('expands $(VAR) in command and args, leaving unknown and escaped references', () => {
    expect(
      commandAndArgs(
        { command: ['sh', '-c', 'echo $(GREETING)'], args: ['$(TARGET)', '$$(TARGET)', '$(NOPE)', '$HOME'] },
        env,
      ),
    ).toEqual({ command: ['sh', '-c', 'echo hello'], args: ['world', '$(TARGET)', '$(NOPE)', '$HOME'] });
  });
  it('keeps empty lists empty so the image entrypoint and cmd apply', () => {
    expect(commandAndArgs({}, env)).toEqual({ command: [], args: [] });
  });
});

describe('expandCommandOnlyStatic', () => {
  it('uses only literal values of the spec', () => {
    expect(
      expandCommandOnlyStatic(
        ['cat', '$(FILE)', '$(FROM_FIELD)', '$(MISSING)'],
        [{ name: 'FILE', value: '/tmp/healthy' }, { name: 'FROM_FIELD', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } }],
      ),
    ).toEqual(['cat', '/tmp/healthy', '', '$(MISSING)']);
  });
});

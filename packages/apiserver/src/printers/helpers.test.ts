import { describe, expect, it } from 'vitest';
import { formatLabels, layoutContainerCells, parseTime, printBoolPtr, since } from './helpers.js';
import { resolveCells } from './printer.js';
import { SWAGGER_DOC } from './swagger-doc.js';
import { DAY, NOW, SECOND, ago } from './test-time.js';

describe('since (translateTimestampSince)', () => {
  it.each<[string, string | undefined, string]>([
    ['absent', undefined, '<unknown>'],
    ['Go zero time', '0001-01-01T00:00:00Z', '<unknown>'],
    ['unparsable', 'yesterday', '<unknown>'],
    ['RFC3339', ago(3 * DAY + 12 * 60 * 60 * SECOND), '3d12h'],
    ['RFC3339 with an offset', '2025-03-01T13:59:00+02:00', '60s'],
    ['RFC3339 micro', '2025-03-01T11:59:15.250001Z', '44s'],
    ['one second in the future (clock skew)', ago(-1 * SECOND), '0s'],
    ['further in the future', ago(-5 * SECOND), '<invalid>'],
  ])('%s', (_name, ts, want) => {
    expect(resolveCells([since(ts)], NOW)).toEqual([want]);
  });

  it('parses to epoch milliseconds', () => {
    expect(parseTime('2025-03-01T12:00:00Z')).toBe(NOW);
    expect(parseTime('')).toBeUndefined();
  });
});

describe('cell helpers', () => {
  it('formats labels sorted by key, <none> when empty', () => {
    expect(formatLabels({ 'kubernetes.io/os': 'linux', app: 'web' })).toBe('app=web,kubernetes.io/os=linux');
    expect(formatLabels({})).toBe('<none>');
    expect(formatLabels(undefined)).toBe('<none>');
  });

  it('lays out container names and images in spec order', () => {
    expect(layoutContainerCells([{ name: 'b', image: 'img-b' }, { name: 'a', image: 'img-a' }])).toEqual({
      names: 'b,a',
      images: 'img-b,img-a',
    });
    expect(layoutContainerCells(undefined)).toEqual({ names: '', images: '' });
  });

  it('prints optional booleans', () => {
    expect([printBoolPtr(true), printBoolPtr(false), printBoolPtr(undefined)]).toEqual(['True', 'False', '<unset>']);
  });

  it('keeps the swagger texts intact (quotes, paragraphs)', () => {
    expect(SWAGGER_DOC['PodSpec.nodeSelector']).toContain("match a node's labels");
    expect(SWAGGER_DOC['ObjectMeta.creationTimestamp']).toContain('in UTC.\n\nPopulated by the system.');
    expect(SWAGGER_DOC['PodSpec.readinessGates']).toContain('status equal to "True" More info');
  });
});

import { describe, expect, it } from 'vitest';
import {
  decodeWellKnown,
  formatGoDuration,
  formatRfc3339,
  isWellKnownType,
} from './well-known-types.js';
import { WireWriter } from './wire-writer.js';

const timestamp = (seconds: number, nanos = 0): Uint8Array =>
  new WireWriter().varintField(1, seconds).varintField(2, nanos).finish();

describe('meta.v1.Time', () => {
  it('formats RFC3339 in UTC with whole seconds, dropping nanos as metav1.Time.Unmarshal does', () => {
    expect(decodeWellKnown('meta.v1.Time', timestamp(1795821485, 999_999_999))).toBe(
      '2026-11-27T23:18:05Z',
    );
  });

  it('treats the empty message (gogo writes the zero time that way) as null', () => {
    expect(decodeWellKnown('meta.v1.Time', new Uint8Array())).toBeUndefined();
    expect(decodeWellKnown('meta.v1.Time', undefined)).toBeUndefined();
    expect(decodeWellKnown('meta.v1.Time', timestamp(-62135596800))).toBeUndefined();
  });

  it('keeps an explicit epoch and pre-epoch times', () => {
    expect(decodeWellKnown('meta.v1.Time', new WireWriter().varintField(1, 0).finish())).toBe(
      '1970-01-01T00:00:00Z',
    );
    expect(decodeWellKnown('meta.v1.Time', timestamp(-1))).toBe('1969-12-31T23:59:59Z');
  });

  it('rejects years Go cannot marshal', () => {
    expect(() => formatRfc3339(253402300800, 0)).toThrow('year outside of range [0,9999]');
  });
});

describe('meta.v1.MicroTime', () => {
  it('keeps microseconds, truncating like Go', () => {
    expect(decodeWellKnown('meta.v1.MicroTime', timestamp(1795821485, 123_456_789))).toBe(
      '2026-11-27T23:18:05.123456Z',
    );
    expect(decodeWellKnown('meta.v1.MicroTime', timestamp(1795821485))).toBe(
      '2026-11-27T23:18:05.000000Z',
    );
  });
});

describe('meta.v1.Duration', () => {
  it.each([
    [0n, '0s'],
    [1n, '1ns'],
    [1_500n, '1.5µs'],
    [300_000_000n, '300ms'],
    [1_500_000_000n, '1.5s'],
    [90_000_000_000n, '1m30s'],
    [3_600_000_000_000n, '1h0m0s'],
    [-5_000_000_000n, '-5s'],
  ])('formats %s ns as %s', (ns, text) => {
    expect(formatGoDuration(ns)).toBe(text);
  });

  it('decodes {duration(1)}', () => {
    const d = new WireWriter().varintField(1, 3_600_000_000_000n).finish();
    expect(decodeWellKnown('meta.v1.Duration', d)).toBe('1h0m0s');
  });
});

describe('intstr.IntOrString', () => {
  it('is a number for type 0 and a string for type 1', () => {
    const int = new WireWriter().varintField(1, 0).varintField(2, 8080).bytesField(3, '').finish();
    const str = new WireWriter().varintField(1, 1).varintField(2, 0).bytesField(3, '25%').finish();
    expect(decodeWellKnown('intstr.IntOrString', int)).toBe(8080);
    expect(decodeWellKnown('intstr.IntOrString', str)).toBe('25%');
    expect(decodeWellKnown('intstr.IntOrString', undefined)).toBe(0);
  });

  it('rejects other types', () => {
    const bad = new WireWriter().varintField(1, 2).finish();
    expect(() => decodeWellKnown('intstr.IntOrString', bad)).toThrow('impossible IntOrString.Type');
  });
});

describe('resource.Quantity', () => {
  it('is its string; the zero Quantity is "0"', () => {
    expect(
      decodeWellKnown('resource.Quantity', new WireWriter().bytesField(1, '500m').finish()),
    ).toBe('500m');
    expect(decodeWellKnown('resource.Quantity', new Uint8Array())).toBe('0');
  });
});

describe('raw JSON types', () => {
  it('parses RawExtension.raw and FieldsV1.Raw; nil raw is null', () => {
    const raw = new WireWriter().bytesField(1, '{"f:metadata":{"f:labels":{}}}').finish();
    expect(decodeWellKnown('runtime.RawExtension', raw)).toEqual({
      'f:metadata': { 'f:labels': {} },
    });
    expect(decodeWellKnown('meta.v1.FieldsV1', raw)).toEqual({ 'f:metadata': { 'f:labels': {} } });
    expect(decodeWellKnown('runtime.RawExtension', new Uint8Array())).toBeUndefined();
  });

  it('rejects raw bytes that are not JSON', () => {
    const raw = new WireWriter().bytesField(1, Uint8Array.from([0x6b, 0x38, 0x73, 0])).finish();
    expect(() => decodeWellKnown('runtime.RawExtension', raw)).toThrow('does not hold valid JSON');
  });
});

it('lists the well-known types', () => {
  expect(isWellKnownType('meta.v1.Time')).toBe(true);
  expect(isWellKnownType('meta.v1.ObjectMeta')).toBe(false);
  expect(() => decodeWellKnown('meta.v1.ObjectMeta', undefined)).toThrow('not a well-known type');
});

describe('authentication.v1.ExtraValue', () => {
  it('is a list of strings in JSON, null when empty', () => {
    const value = new WireWriter().bytesField(1, 'a').bytesField(1, 'b').finish();
    expect(decodeWellKnown('authentication.v1.ExtraValue', value)).toEqual(['a', 'b']);
    expect(decodeWellKnown('authentication.v1.ExtraValue', new Uint8Array())).toBeUndefined();
  });
});

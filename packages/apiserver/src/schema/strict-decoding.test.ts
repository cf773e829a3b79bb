import { describe, expect, it } from 'vitest';
import {
  goQuote,
  strictDecodingBadRequestMessage,
  strictDecodingMessage,
  unknownFieldError,
  unknownFieldWarnings,
  warningHeaderValue,
} from './strict-decoding.js';

describe('strict decoding messages', () => {
  it('formats one and several unknown fields as upstream', () => {
    expect(strictDecodingMessage(['spec.foo'])).toBe(
      'strict decoding error: unknown field "spec.foo"',
    );
    expect(strictDecodingMessage(['spec.containers[0].imagee', 'spec.foo'])).toBe(
      'strict decoding error: unknown field "spec.containers[0].imagee", unknown field "spec.foo"',
    );
  });

  it('builds the create/update BadRequest message', () => {
    expect(strictDecodingBadRequestMessage('Pod', 'v1', ['spec.invalid-spec'])).toBe(
      'Pod in version "v1" cannot be handled as a Pod: strict decoding error: unknown field "spec.invalid-spec"',
    );
  });

  it('accepts paths written with a leading dot', () => {
    expect(unknownFieldError('.spec.foo')).toBe('unknown field "spec.foo"');
  });

  it('gives one warning per field and the Warning header value', () => {
    expect(unknownFieldWarnings(['spec.a', 'spec.b'])).toEqual([
      'unknown field "spec.a"',
      'unknown field "spec.b"',
    ]);
    expect(warningHeaderValue('unknown field "spec.a"')).toBe('299 - "unknown field \\"spec.a\\""');
  });

  it('quotes like Go %q', () => {
    expect(goQuote('a"b\\c\nd\u0001é')).toBe('"a\\"b\\\\c\\nd\\x01é"');
  });
});

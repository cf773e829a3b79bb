import { describe, expect, it } from 'vitest';
import { isProtobufContentType, unsupportedMediaType } from './content-type.js';

describe('isProtobufContentType', () => {
  it.each([
    ['application/vnd.kubernetes.protobuf', true],
    ['application/vnd.kubernetes.protobuf; charset=binary', true],
    ['Application/VND.Kubernetes.Protobuf', true],
    ['application/vnd.kubernetes.protobuf;stream=watch', true],
    ['application/json', false],
    ['application/vnd.kubernetes.protobuf+json', false],
    ['', false],
  ])('%s -> %s', (ct, want) => {
    expect(isProtobufContentType(ct)).toBe(want);
  });
});

it('builds the apiserver 415 for an unknown body format', () => {
  const err = unsupportedMediaType();
  expect(err.code).toBe(415);
  expect(err.toStatus()).toMatchObject({
    reason: 'UnsupportedMediaType',
    message:
      'the body of the request was in an unknown format - accepted media types include: ' +
      'application/json, application/yaml, application/vnd.kubernetes.protobuf',
  });
});

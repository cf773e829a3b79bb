/**
 * The errors the patch machinery answers with, shaped as the real apiserver shapes them
 * (k8s.io/apiserver/pkg/endpoints/handlers/patch.go and k8s.io/apimachinery/pkg/util/mergepatch).
 */
import { ApiError, badRequest } from '@kubelab/api';
import { goSprintS, goSprintV, goTypeName } from './go-format.js';

/** The message of errors.NewGenericServerResponse(422, ...): the underlying cause is not sent. */
export const REJECTED_REQUEST_MESSAGE =
  'the server rejected our request due to an error in our request';

/**
 * 422 Invalid with empty details, as patch.go answers a JSON patch that fails to apply and a
 * strategic patch with lists of lists. kubectl prints `The request is invalid: the server
 * rejected our request due to an error in our request`. The cause is kept for logs only.
 */
export function unprocessablePatch(cause: string): ApiError {
  return new ApiError('Invalid', REJECTED_REQUEST_MESSAGE, {
    code: 422,
    details: {},
    cause: new Error(cause),
  });
}

/** A plain Go error that reached the handler: 500, no reason, the error text as the message. */
export function unknownPatchError(message: string): ApiError {
  return new ApiError('', message, { code: 500 });
}

export function requestEntityTooLarge(message: string): ApiError {
  return new ApiError('RequestEntityTooLarge', `Request entity too large: ${message}`);
}

export { badRequest };

/** `json: cannot unmarshal array into Go value of type map[string]interface {}` */
export function unmarshalTypeError(value: unknown, goType: string): string {
  return `json: cannot unmarshal ${jsonKind(value)} into Go value of type ${goType}`;
}

function jsonKind(v: unknown): string {
  if (Array.isArray(v)) return 'array';
  if (v === null) return 'null';
  if (typeof v === 'object') return 'object';
  if (typeof v === 'boolean') return 'bool';
  return typeof v;
}

// mergepatch errors, mapped to HTTP the way patch.go's interpretStrategicMergePatchError does.

export const errBadPatchFormatForPrimitiveList = (): ApiError =>
  badRequest('invalid patch format of primitive list');
export const errBadPatchFormatForRetainKeys = (): ApiError =>
  badRequest('invalid patch format of retainKeys');
export const errBadPatchFormatForSetElementOrderList = (): ApiError =>
  badRequest('invalid patch format of setElementOrder list');
export const errUnsupportedStrategicMergePatchFormat = (): ApiError =>
  badRequest('strategic merge patch format is not supported');
export const errNoListOfLists = (): ApiError =>
  unprocessablePatch('lists of lists are not supported');

export const errNoMergeKey = (m: unknown, mergeKey: string): ApiError =>
  unknownPatchError(`map: ${goSprintV(m)} does not contain declared merge key: ${mergeKey}`);

/** mergepatch.ErrBadArgType: `expected a map[string]interface {}, but received a string`. */
export const errBadArgType = (expected: string, actual: unknown): ApiError =>
  unknownPatchError(`expected a ${expected}, but received a ${goTypeName(actual)}`);

export const errBadPatchType = (directive: unknown, m: unknown): ApiError =>
  unknownPatchError(`unknown patch type: ${goSprintS(directive)} in map: ${goSprintV(m)}`);

export const MAP_TYPE = 'map[string]interface {}';
export const SLICE_TYPE = '[]interface {}';

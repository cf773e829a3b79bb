/**
 * Decodes a Kubernetes protobuf request body (`Content-Type: application/vnd.kubernetes.protobuf`,
 * sent by kubectl >= 1.32's typed clients) into the JSON object the same request would have
 * carried as `application/json`.
 */
import { ApiError } from '@kubelab/api';
import { MESSAGES, ROOT_KINDS } from './schema/index.js';
import type { MessageTable, RootKind } from './schema/field-spec.js';
import { decodeMessage } from './message-decoder.js';
import { decodeUnknownEnvelope } from './unknown-envelope.js';
import { WireFormatError } from './wire-reader.js';

export interface DecodedProtobufObject {
  apiVersion: string;
  kind: string;
  /** The object as its JSON body: `kind` and `apiVersion` first, then the message's fields. */
  object: Record<string, unknown>;
  /** `<json path>#<field number>` of every field the schema tables do not know (skipped). */
  unknownFields: string[];
}

export interface DecodeOptions {
  /** The kind the endpoint expects (`Deployment`), used in error messages as upstream does. */
  readonly into?: string;
  readonly messages?: MessageTable;
  readonly rootKinds?: readonly RootKind[];
}

/** The scheme name in kube-apiserver's "no kind is registered" errors. */
export const LEGACY_SCHEME_NAME = 'k8s.io/kubernetes/pkg/api/legacyscheme/scheme.go:29';

/** apimachinery's summarizeData: up to 30 bytes, as text when it looks like JSON, else hex. */
function summarizeData(data: Uint8Array, maxLength = 30): string {
  if (data.length === 0) return '<empty>';
  const head = data.subarray(0, maxLength);
  const text =
    data[0] === 0x7b ? Buffer.from(head).toString('utf8') : Buffer.from(head).toString('hex');
  return data.length > maxLength ? `${text} ...` : text;
}

function groupVersionOf(apiVersion: string): { group: string; version: string } {
  const slash = apiVersion.indexOf('/');
  return slash < 0
    ? { group: '', version: apiVersion }
    : { group: apiVersion.slice(0, slash), version: apiVersion.slice(slash + 1) };
}

/**
 * As the apiserver's transformDecodeError: with the body's kind known,
 * `<Kind> in version "<v>" cannot be handled as a <Into>: <err>`; without it,
 * `the object provided is unrecognized (must be of type <Into>): <err> (<data summary>)`.
 */
function decodeError(
  err: string,
  body: Uint8Array,
  into: string | undefined,
  typeMeta?: { apiVersion: string; kind: string },
): ApiError {
  if (!into) return new ApiError('BadRequest', err);
  if (typeMeta?.kind) {
    const { version } = groupVersionOf(typeMeta.apiVersion);
    return new ApiError(
      'BadRequest',
      `${typeMeta.kind} in version "${version}" cannot be handled as a ${into}: ${err}`,
    );
  }
  return new ApiError(
    'BadRequest',
    `the object provided is unrecognized (must be of type ${into}): ${err} (${summarizeData(body)})`,
  );
}

export function decodeProtobufObject(
  body: Uint8Array,
  opts: DecodeOptions = {},
): DecodedProtobufObject {
  const messages = opts.messages ?? MESSAGES;
  const rootKinds = opts.rootKinds ?? ROOT_KINDS;
  let envelope;
  try {
    envelope = decodeUnknownEnvelope(body);
  } catch (err) {
    if (err instanceof WireFormatError) throw decodeError(err.message, body, opts.into);
    throw err;
  }
  const { apiVersion, kind } = envelope;
  const root = rootKinds.find((r) => r.apiVersion === apiVersion && r.kind === kind);
  if (!root) {
    const typeMeta = `runtime.TypeMeta{APIVersion:${JSON.stringify(apiVersion)}, Kind:${JSON.stringify(kind)}}`;
    const why = !kind
      ? `Object 'Kind' is missing in '${typeMeta}'`
      : !apiVersion
        ? `Object 'apiVersion' is missing in '${typeMeta}'`
        : `no kind "${kind}" is registered for version "${apiVersion}" in scheme "${LEGACY_SCHEME_NAME}"`;
    throw decodeError(why, body, opts.into, envelope);
  }
  const unknownFields: string[] = [];
  try {
    const fields = decodeMessage(envelope.raw, root.message, { messages, unknownFields });
    return { apiVersion, kind, object: { kind, apiVersion, ...fields }, unknownFields };
  } catch (err) {
    if (err instanceof WireFormatError) throw decodeError(err.message, body, opts.into, envelope);
    throw err;
  }
}

/**
 * Request bodies: read with a size limit, decoded from JSON, YAML or Kubernetes protobuf into
 * an object of the expected group/version/kind, with upstream error messages.
 */
import type { IncomingMessage } from 'node:http';
import type { ApiObject } from '@kubelab/api';
import { ApiError, badRequest } from '@kubelab/api';
import { parse as parseYaml } from 'yaml';
import { decodeProtobufObject, isProtobufContentType } from '../protobuf/index.js';
import { baseContentType } from './negotiation.js';

/** kube-apiserver --max-request-bytes defaults to 3 MiB for writes. */
export const MAX_REQUEST_BODY_BYTES = 3 * 1024 * 1024;

export function readBody(req: IncomingMessage, limit = MAX_REQUEST_BODY_BYTES): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? NaN);
    if (declared > limit) {
      reject(tooLarge(limit));
      req.resume();
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let failed = false;
    req.on('data', (c: Buffer) => {
      if (failed) return;
      size += c.length;
      if (size > limit) {
        failed = true;
        reject(tooLarge(limit));
        return;
      }
      chunks.push(c);
    });
    req.on('end', () => {
      if (!failed) resolve(chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks));
    });
    req.on('error', (e) => {
      if (!failed) reject(e);
    });
  });
}

function tooLarge(limit: number): ApiError {
  return new ApiError('RequestEntityTooLarge', `Request entity too large: limit is ${limit}`);
}

export interface ExpectedKind {
  group: string;
  version: string;
  kind: string;
}

const gvString = (group: string, version: string): string => (group ? `${group}/${version}` : version);

function summarize(body: Buffer): string {
  if (body.length === 0) return '<empty>';
  const text = body.subarray(0, 31).toString('utf8');
  if (body[0] === 0x7b /* { */) return body.length > 30 ? `${text.slice(0, 30)} ...` : text;
  return body.length > 30 ? `${text.slice(0, 30)} ...` : text;
}

/** Parses the body as a generic JSON/YAML/protobuf value (no kind checks): for patches too. */
export function parseBodyValue(body: Buffer, contentType: string | undefined): unknown {
  const ct = baseContentType(contentType);
  if (ct === 'application/yaml' || ct === 'application/apply-patch+yaml' && !looksLikeJson(body)) {
    return parseYaml(body.toString('utf8'));
  }
  return JSON.parse(body.toString('utf8'));
}

function looksLikeJson(body: Buffer): boolean {
  for (const b of body) {
    if (b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09) continue;
    return b === 0x7b || b === 0x5b;
  }
  return false;
}

/** Decodes a create/update body into an object of the expected kind (defaulting a missing
 * apiVersion/kind from the URL, as the apiserver's codec does). */
export function decodeObject(body: Buffer, contentType: string | undefined, expected: ExpectedKind): ApiObject {
  const ct = baseContentType(contentType);
  let obj: unknown;
  if (isProtobufContentType(ct)) {
    const decoded = decodeProtobufObject(body, { into: expected.kind });
    obj = { ...decoded.object, apiVersion: decoded.apiVersion, kind: decoded.kind };
  } else if (ct === '' || ct === 'application/json' || ct === 'application/yaml' || ct === '*/*') {
    try {
      obj = ct === 'application/yaml' ? parseYaml(body.toString('utf8')) : JSON.parse(body.toString('utf8'));
    } catch (err) {
      const why = err instanceof Error ? err.message : String(err);
      throw badRequest(
        `the object provided is unrecognized (must be of type ${expected.kind}): couldn't get version/kind; json parse error: ${why} (${summarize(body)})`,
      );
    }
  } else {
    throw new ApiError('UnsupportedMediaType', `the body of the request was in an unknown format - accepted media types include: application/json, application/yaml, application/vnd.kubernetes.protobuf`);
  }
  if (obj === null || typeof obj !== 'object' || Array.isArray(obj)) {
    throw badRequest(`the object provided is unrecognized (must be of type ${expected.kind}): couldn't get version/kind; json parse error: json: cannot unmarshal ${Array.isArray(obj) ? 'array' : typeof obj} into Go value of type struct { APIVersion string "json:\\"apiVersion,omitempty\\""; Kind string "json:\\"kind,omitempty\\"" } (${summarize(body)})`);
  }
  const o = obj as ApiObject;
  const wantGv = gvString(expected.group, expected.version);
  if (o.apiVersion === undefined || o.apiVersion === '') o.apiVersion = wantGv;
  if (o.kind === undefined || o.kind === '') o.kind = expected.kind;
  if (typeof o.apiVersion !== 'string' || typeof o.kind !== 'string') {
    throw badRequest(`the object provided is unrecognized (must be of type ${expected.kind}): couldn't get version/kind; json parse error: json: cannot unmarshal ${typeof o.apiVersion} into Go struct field .apiVersion of type string (${summarize(body)})`);
  }
  if (o.apiVersion !== wantGv) {
    throw badRequest(`the API version in the data (${o.apiVersion}) does not match the expected API version (${wantGv})`);
  }
  if (o.kind !== expected.kind) {
    const version = o.apiVersion.includes('/') ? o.apiVersion.split('/')[1] : o.apiVersion;
    throw badRequest(
      `${o.kind} in version "${version}" cannot be handled as a ${expected.kind}: the kind in the data (${o.kind}) does not match the expected kind (${expected.group}/${expected.version}, Kind=${expected.kind})`,
    );
  }
  if (o.metadata !== undefined && (o.metadata === null || typeof o.metadata !== 'object' || Array.isArray(o.metadata))) {
    throw badRequest(`${o.kind} in version "${expected.version}" cannot be handled as a ${expected.kind}: json: cannot unmarshal ${Array.isArray(o.metadata) ? 'array' : typeof o.metadata} into Go struct field ${expected.kind}.metadata of type v1.ObjectMeta`);
  }
  return o;
}

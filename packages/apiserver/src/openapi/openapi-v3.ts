/**
 * `/openapi/v3` (the root listing one document per group version, each URL carrying a hash of
 * its content) and `/openapi/v3/<group-version path>`. All documents are rendered and
 * serialised once, on first use or at startup through `warmOpenApi()`.
 */
import { createHash } from 'node:crypto';
import { servedGroups } from '../discovery/served-groups.js';
import { apiPaths } from './api-operations.js';
import { v3Document } from './v3-document.js';

export interface OpenApiV3Document {
  body: string;
  /** Upper-case hex sha512 of the body, as upstream's root uses for `?hash=`. */
  hash: string;
}

let documents: Map<string, OpenApiV3Document> | undefined;
let root: object | undefined;

/** `api/v1`, `apis/apps/v1`: the document keys of every served group version. */
function groupVersionPaths(): { key: string; group: string; version: string }[] {
  return servedGroups().flatMap((g) =>
    g.versions.map((version) => ({
      key: g.name ? `apis/${g.name}/${version}` : `api/${version}`,
      group: g.name,
      version,
    })),
  );
}

function allDocuments(): Map<string, OpenApiV3Document> {
  if (!documents) {
    documents = new Map();
    for (const { key, group, version } of groupVersionPaths()) {
      const body = JSON.stringify(sortKeys(v3Document(apiPaths(group, version))));
      documents.set(key, {
        body,
        hash: createHash('sha512').update(body).digest('hex').toUpperCase(),
      });
    }
  }
  return documents;
}

/** The body of `GET /openapi/v3`. */
export function openApiV3Root(): object {
  if (!root) {
    const paths: Record<string, { serverRelativeURL: string }> = {};
    for (const [key, doc] of [...allDocuments()].sort(([a], [b]) => (a < b ? -1 : 1))) {
      paths[key] = { serverRelativeURL: `/openapi/v3/${key}?hash=${doc.hash}` };
    }
    root = { paths };
  }
  return root;
}

/** The document of `GET /openapi/v3/<path>` (`api/v1`, `apis/apps/v1`; slashes around are ignored). */
export function openApiV3Document(path: string): OpenApiV3Document | undefined {
  return allDocuments().get(path.replace(/^\/+|\/+$/g, '').replace(/^openapi\/v3\//, ''));
}

/** Upstream serialises object keys in alphabetical order (Go maps); so do we. */
function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([k, v]) => [k, sortKeys(v)]),
  );
}

/** Renders every document now, so that the first kubectl request does not pay for it. */
export function warmOpenApiV3(): void {
  openApiV3Root();
}

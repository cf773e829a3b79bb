/** /api, /apis, /api/v1, /apis/<g>[/<v>], /version and /openapi/{v2,v3}. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  aggregatedDiscovery,
  aggregatedDiscoveryContentType,
  apiGroup,
  apiResourceList,
  chooseDiscoveryResponse,
  legacyApiGroupList,
  legacyApiVersions,
  versionInfo,
} from '../discovery/index.js';
import { openApiV2Protobuf, openApiV3Document, openApiV3Root } from '../openapi/index.js';
import { notFoundResource } from './api-dispatch.js';
import { writeJson } from './responses.js';

function writeRaw(res: ServerResponse, contentType: string, body: string | Buffer): void {
  res.writeHead(200, { 'Content-Type': contentType, 'Content-Length': String(Buffer.byteLength(body)) });
  res.end(body);
}

/** Returns false when the path is not a discovery/OpenAPI path. */
export function serveDiscovery(req: IncomingMessage, res: ServerResponse, path: string, serverAddress: string): boolean {
  const accept = req.headers.accept;
  const parts = path.split('/').filter(Boolean);
  if (path === '/version' || path === '/version/') {
    writeJson(res, 200, versionInfo());
    return true;
  }
  if (parts[0] === 'api' && parts.length <= 2) {
    if (parts.length === 1) {
      const choice = chooseDiscoveryResponse(accept ?? '');
      if (choice.kind === 'aggregated') {
        writeRaw(res, aggregatedDiscoveryContentType(choice.version), JSON.stringify(aggregatedDiscovery('api', choice.version)));
      } else writeJson(res, 200, legacyApiVersions(serverAddress));
      return true;
    }
    const list = apiResourceList('', parts[1] ?? '');
    if (!list) throw notFoundResource();
    writeJson(res, 200, list);
    return true;
  }
  if (parts[0] === 'apis' && parts.length <= 3) {
    if (parts.length === 1) {
      const choice = chooseDiscoveryResponse(accept ?? '');
      if (choice.kind === 'aggregated') {
        writeRaw(res, aggregatedDiscoveryContentType(choice.version), JSON.stringify(aggregatedDiscovery('apis', choice.version)));
      } else writeJson(res, 200, legacyApiGroupList());
      return true;
    }
    if (parts.length === 2) {
      const g = apiGroup(parts[1] ?? '');
      if (!g) throw notFoundResource();
      writeJson(res, 200, g);
      return true;
    }
    const list = apiResourceList(parts[1] ?? '', parts[2] ?? '');
    if (!list) throw notFoundResource();
    writeJson(res, 200, list);
    return true;
  }
  if (parts[0] === 'openapi') {
    if (parts[1] === 'v2' && parts.length === 2) {
      writeRaw(res, 'application/com.github.proto-openapi.spec.v2.v1.0+protobuf', openApiV2Protobuf());
      return true;
    }
    if (parts[1] === 'v3') {
      if (parts.length === 2) {
        writeJson(res, 200, openApiV3Root());
        return true;
      }
      const doc = openApiV3Document(parts.slice(2).join('/'));
      if (!doc) throw notFoundResource();
      res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': String(Buffer.byteLength(doc.body)), Etag: `"${doc.hash}"` });
      res.end(doc.body);
      return true;
    }
  }
  if (path === '/swagger-2.0.0.pb-v1') {
    writeRaw(res, 'application/com.github.proto-openapi.spec.v2.v1.0+protobuf', openApiV2Protobuf());
    return true;
  }
  return false;
}

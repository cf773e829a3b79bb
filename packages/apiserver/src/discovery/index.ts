export type {
  APIGroupDiscovery,
  APIGroupDiscoveryList,
  APIResourceDiscovery,
  APISubresourceDiscovery,
  AggregatedDiscoveryVersion,
} from './aggregated-discovery.js';
export { aggregatedDiscovery, aggregatedDiscoveryContentType } from './aggregated-discovery.js';
export type { DiscoveryResponse } from './discovery-accept.js';
export { chooseDiscoveryResponse } from './discovery-accept.js';
export type {
  APIGroup,
  APIResource,
  APIResourceList,
  GroupVersionForDiscovery,
} from './legacy-discovery.js';
export {
  apiGroup,
  apiResourceList,
  legacyApiGroupList,
  legacyApiVersions,
} from './legacy-discovery.js';
export type { ServedGroup } from './served-groups.js';
export { servedGroups } from './served-groups.js';
export { storageVersionHash } from './storage-version-hash.js';
export type { VersionInfo } from './version-info.js';
export {
  KUBERNETES_GIT_VERSION,
  KUBERNETES_MAJOR,
  KUBERNETES_MINOR,
  versionInfo,
} from './version-info.js';

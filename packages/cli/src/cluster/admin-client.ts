/** A REST client as the cluster's admin (kubernetes-admin), for kubeadm's post-boot steps and --wait. */
import { createRestClient, type RestClient } from '@kubelab/api/client';
import { apiServerUrl } from './kubeconfigs.js';
import type { ClusterRecord } from './layout.js';
import { KUBELAB_VERSION } from './version.js';

export function adminClient(record: ClusterRecord, caPem: string, token: string): RestClient {
  return createRestClient(
    { server: apiServerUrl(record.apiServer.port, record.apiServer.host), caData: Buffer.from(caPem), token },
    { userAgent: `kubelab/${KUBELAB_VERSION}`, timeoutMs: 10_000 },
  );
}

/**
 * What kubeadm's certs phase makes, for kubelab: the cluster CA, the apiserver's serving
 * certificate (SANs for the service IP, the advertise address, loopback and the kubernetes
 * names), the apiserver-kubelet-client certificate, the service-account key pair, and, since
 * the kubelab apiserver authenticates bearer tokens, one static token per identity: the admin
 * (kubernetes-admin, kubeadm:cluster-admins), the super admin (system:masters), each node
 * (system:node:<name>, system:nodes), the scheduler and the controller-manager.
 */
import { generateKeyPair, randomBytes } from 'node:crypto';
import { promisify } from 'node:util';
import { createCertificateAuthority, issueCertificate, type CertificateAndKey } from '@kubelab/api/pki';

export const SERVICE_CIDR = '10.96.0.0/12';
/** The first address of the service CIDR: the `kubernetes` Service's ClusterIP. */
export const KUBERNETES_SERVICE_IP = '10.96.0.1';
/** The tenth: kubeadm's clusterDNS. */
export const CLUSTER_DNS_IP = '10.96.0.10';
export const CLUSTER_DOMAIN = 'cluster.local';

export interface TokenIdentity {
  token: string;
  user: string;
  uid: string;
  groups: string[];
}

export interface ClusterCredentials {
  ca: CertificateAndKey;
  apiserver: CertificateAndKey;
  apiserverKubeletClient: CertificateAndKey;
  serviceAccount: { privateKeyPem: string; publicKeyPem: string };
  admin: TokenIdentity;
  superAdmin: TokenIdentity;
  scheduler: TokenIdentity;
  controllerManager: TokenIdentity;
  /** By node name. */
  nodes: Map<string, TokenIdentity>;
}

export interface ApiServerSans {
  dnsNames: string[];
  ipAddresses: string[];
}

/** kubeadm's SANs plus loopback (kubectl and the kubelets reach the apiserver on 127.0.0.1). */
export function apiServerSans(controlPlaneNode: string, advertiseAddress: string): ApiServerSans {
  const dnsNames = ['kubernetes', 'kubernetes.default', 'kubernetes.default.svc', `kubernetes.default.svc.${CLUSTER_DOMAIN}`, 'localhost', controlPlaneNode];
  const ipAddresses = [...new Set([KUBERNETES_SERVICE_IP, advertiseAddress, '127.0.0.1'])];
  return { dnsNames, ipAddresses };
}

function identity(user: string, groups: string[]): TokenIdentity {
  return { token: randomBytes(16).toString('hex'), user, uid: '', groups };
}

/** The --token-auth-file CSV: token,user,uid,"group1,group2". The uid stays empty: kubeadm
 * identities are certificates, which carry none (`kubectl auth whoami` shows no UID). */
export function tokenAuthFile(ids: TokenIdentity[]): string {
  return ids.map((i) => `${i.token},${i.user},${i.uid},"${i.groups.join(',')}"\n`).join('');
}

export function allIdentities(c: ClusterCredentials): TokenIdentity[] {
  return [c.admin, c.superAdmin, c.scheduler, c.controllerManager, ...c.nodes.values()];
}

const generateKeyPairAsync = promisify(generateKeyPair);

async function serviceAccountKeys(): Promise<{ privateKeyPem: string; publicKeyPem: string }> {
  const { privateKey, publicKey } = await generateKeyPairAsync('ec', { namedCurve: 'prime256v1' });
  return {
    privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
  };
}

export interface GenerateCredentialsOptions {
  controlPlaneNode: string;
  nodeNames: string[];
  /** Resolves with the advertise address once known (the network's gateway). */
  advertiseAddress: Promise<string> | string;
  /** An existing CA to issue from (otherwise a new one). */
  ca?: CertificateAndKey;
}

export async function generateCredentials(o: GenerateCredentialsOptions): Promise<ClusterCredentials> {
  const caPromise = o.ca ? Promise.resolve(o.ca) : createCertificateAuthority({ commonName: 'kubernetes' });
  const saPromise = serviceAccountKeys();
  const ca = await caPromise;
  const sans = apiServerSans(o.controlPlaneNode, await o.advertiseAddress);
  const [apiserver, apiserverKubeletClient, serviceAccount] = await Promise.all([
    issueCertificate(ca, { commonName: 'kube-apiserver', ...sans, usage: 'server' }),
    issueCertificate(ca, { commonName: 'kube-apiserver-kubelet-client', organizations: ['kubeadm:cluster-admins'], usage: 'client' }),
    saPromise,
  ]);
  return {
    ca,
    apiserver,
    apiserverKubeletClient,
    serviceAccount,
    admin: identity('kubernetes-admin', ['kubeadm:cluster-admins']),
    superAdmin: identity('kubernetes-super-admin', ['system:masters']),
    scheduler: identity('system:kube-scheduler', []),
    controllerManager: identity('system:kube-controller-manager', []),
    nodes: new Map(o.nodeNames.map((n) => [n, identity(`system:node:${n}`, ['system:nodes'])])),
  };
}

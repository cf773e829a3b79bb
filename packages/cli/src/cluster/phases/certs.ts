/**
 * [certs]: the cluster CA and the control plane's certificates and keys in the control-plane
 * node's /etc/kubernetes/pki (keys 0600), the static token file the apiserver authenticates
 * with, and the CA certificate in every node's /etc/kubernetes/pki (the kubelets' clientCAFile).
 */
import { apiServerSans, allIdentities, generateCredentials, tokenAuthFile } from '../pki/cluster-credentials.js';
import { TOKEN_AUTH_FILE } from '../manifests/control-plane-options.js';
import { writeNodeFile } from '../node-files.js';
import { controlPlaneOf, recordOf, workersOf, type Phase } from './create-context.js';

const PKI = '/etc/kubernetes/pki';

export const certsPhase: Phase = {
  name: 'certs',
  title: 'Generating certificates',
  async run(ctx) {
    const record = recordOf(ctx);
    const cp = controlPlaneOf(ctx);
    const advertise = record.apiServer.advertiseAddress;
    const p = ctx.progress;
    p.line(`[certs] Using certificateDir folder "${PKI}"`);
    const creds = await generateCredentials({ controlPlaneNode: cp.name, nodeNames: record.nodes.map((n) => n.name), advertiseAddress: advertise });
    ctx.credentials = creds;
    const sans = apiServerSans(cp.name, advertise);
    p.line('[certs] Generating "ca" certificate and key');
    p.line('[certs] Generating "apiserver" certificate and key');
    p.line(`[certs] apiserver serving cert is signed for DNS names [${sans.dnsNames.join(' ')}] and IPs [${sans.ipAddresses.join(' ')}]`);
    p.line('[certs] Generating "apiserver-kubelet-client" certificate and key');
    p.line('[certs] Generating "sa" key and public key');
    p.line(`[certs] Generating the static token file "${TOKEN_AUTH_FILE}" for the admin, the nodes, the scheduler and the controller-manager`);
    const root = cp.root;
    await Promise.all([
      writeNodeFile(root, `${PKI}/ca.crt`, creds.ca.certPem, 0o644),
      writeNodeFile(root, `${PKI}/ca.key`, creds.ca.keyPem, 0o600),
      writeNodeFile(root, `${PKI}/apiserver.crt`, creds.apiserver.certPem, 0o644),
      writeNodeFile(root, `${PKI}/apiserver.key`, creds.apiserver.keyPem, 0o600),
      writeNodeFile(root, `${PKI}/apiserver-kubelet-client.crt`, creds.apiserverKubeletClient.certPem, 0o644),
      writeNodeFile(root, `${PKI}/apiserver-kubelet-client.key`, creds.apiserverKubeletClient.keyPem, 0o600),
      writeNodeFile(root, `${PKI}/sa.key`, creds.serviceAccount.privateKeyPem, 0o600),
      writeNodeFile(root, `${PKI}/sa.pub`, creds.serviceAccount.publicKeyPem, 0o644),
      writeNodeFile(root, TOKEN_AUTH_FILE, tokenAuthFile(allIdentities(creds)), 0o600),
      ...workersOf(ctx).map((n) => writeNodeFile(n.root, `${PKI}/ca.crt`, creds.ca.certPem, 0o644)),
    ]);
  },
};

import { X509Certificate } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { allIdentities, apiServerSans, generateCredentials, tokenAuthFile } from './cluster-credentials.js';

describe('cluster credentials', () => {
  it('issues the apiserver certificate for the service IP, the node IP, loopback and the kubernetes names', async () => {
    const c = await generateCredentials({ controlPlaneNode: 'lab-control-plane', nodeNames: ['lab-control-plane', 'lab-worker'], advertiseAddress: '10.244.3.1' });
    const cert = new X509Certificate(c.apiserver.certPem);
    for (const san of ['DNS:kubernetes', 'DNS:kubernetes.default.svc.cluster.local', 'DNS:localhost', 'DNS:lab-control-plane', 'IP Address:10.96.0.1', 'IP Address:10.244.3.1', 'IP Address:127.0.0.1']) {
      expect(cert.subjectAltName).toContain(san);
    }
    expect(cert.verify(new X509Certificate(c.ca.certPem).publicKey)).toBe(true);
    expect(new X509Certificate(c.apiserverKubeletClient.certPem).subject).toContain('O=kubeadm:cluster-admins');
    expect(c.nodes.get('lab-worker')).toMatchObject({ user: 'system:node:lab-worker', groups: ['system:nodes'] });
  });

  it('writes the token file as kube-apiserver reads it', async () => {
    const c = await generateCredentials({ controlPlaneNode: 'cp', nodeNames: ['cp'], advertiseAddress: '10.0.0.1' });
    const lines = tokenAuthFile(allIdentities(c)).trim().split('\n');
    expect(lines).toHaveLength(5);
    expect(lines[0]).toBe(`${c.admin.token},kubernetes-admin,,"kubeadm:cluster-admins"`);
    expect(lines[2]).toBe(`${c.scheduler.token},system:kube-scheduler,,""`);
    expect(new Set(allIdentities(c).map((i) => i.token)).size).toBe(5);
  });

  it('orders the SANs as kubeadm prints them', () => {
    expect(apiServerSans('cp', '127.0.0.1').ipAddresses).toEqual(['10.96.0.1', '127.0.0.1']);
  });
});

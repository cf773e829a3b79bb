import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ERR_EMPTY_CONFIG, loadKubeconfig } from './load-kubeconfig.js';

const b64 = (s: string): string => Buffer.from(s).toString('base64');

const CONFIG = `
apiVersion: v1
kind: Config
clusters:
- name: lab
  cluster:
    server: https://127.0.0.1:6443
    certificate-authority-data: ${b64('CA-PEM')}
- name: files
  cluster:
    server: https://10.0.0.1:6443
    certificate-authority: pki/ca.crt
- name: plain
  cluster:
    server: http://127.0.0.1:8080
- name: insecure
  cluster:
    server: https://127.0.0.1:6443
    insecure-skip-tls-verify: true
- name: noserver
  cluster:
    insecure-skip-tls-verify: true
users:
- name: admin
  user:
    token: abc123
    client-certificate-data: ${b64('CERT')}
    client-key-data: ${b64('KEY')}
- name: fromfiles
  user:
    tokenFile: token
    client-certificate: pki/admin.crt
    client-key: /ABS/admin.key
- name: certonly
  user:
    client-certificate-data: ${b64('CERT')}
contexts:
- name: lab
  context: {cluster: lab, user: admin, namespace: team-a}
- name: files
  context: {cluster: files, user: fromfiles}
- name: plain
  context: {cluster: plain, user: admin}
- name: insecure
  context: {cluster: insecure}
- name: ghost-cluster
  context: {cluster: nowhere, user: admin}
- name: ghost-user
  context: {cluster: lab, user: nobody}
- name: noserver
  context: {cluster: noserver}
- name: certonly
  context: {cluster: lab, user: certonly}
current-context: lab
`;

describe('loadKubeconfig', () => {
  let dir: string;
  let path: string;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'kubelab-kubeconfig-'));
    mkdirSync(join(dir, 'pki'));
    mkdirSync(join(dir, 'ABS'));
    writeFileSync(join(dir, 'pki/ca.crt'), 'CA-FROM-FILE');
    writeFileSync(join(dir, 'pki/admin.crt'), 'CERT-FROM-FILE');
    writeFileSync(join(dir, 'ABS/admin.key'), 'KEY-FROM-FILE');
    writeFileSync(join(dir, 'token'), '  tok-from-file\n');
    path = join(dir, 'config');
    writeFileSync(path, CONFIG.replace('/ABS/', `${dir}/ABS/`));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('resolves the current context with inline data', () => {
    expect(loadKubeconfig(path)).toEqual({
      server: 'https://127.0.0.1:6443',
      caData: Buffer.from('CA-PEM'),
      token: 'abc123',
      clientCertData: Buffer.from('CERT'),
      clientKeyData: Buffer.from('KEY'),
      namespace: 'team-a',
    });
  });

  it('reads referenced files relative to the kubeconfig directory and trims token files', () => {
    expect(loadKubeconfig(path, { context: 'files' })).toEqual({
      server: 'https://10.0.0.1:6443',
      caData: Buffer.from('CA-FROM-FILE'),
      token: 'tok-from-file',
      clientCertData: Buffer.from('CERT-FROM-FILE'),
      clientKeyData: Buffer.from('KEY-FROM-FILE'),
    });
  });

  it('drops user credentials for a plain-http server, as clientcmd does', () => {
    expect(loadKubeconfig(path, { context: 'plain' })).toEqual({ server: 'http://127.0.0.1:8080' });
  });

  it('carries insecure-skip-tls-verify and allows a context without a user', () => {
    expect(loadKubeconfig(path, { context: 'insecure' })).toEqual({
      server: 'https://127.0.0.1:6443',
      insecureSkipTlsVerify: true,
    });
  });

  it('reports a missing file as stat does', () => {
    const missing = join(dir, 'nope');
    expect(() => loadKubeconfig(missing)).toThrow(`stat ${missing}: no such file or directory`);
  });

  it('reports empty configs with client-go wording', () => {
    writeFileSync(path, '');
    expect(() => loadKubeconfig(path)).toThrow(ERR_EMPTY_CONFIG);
    writeFileSync(path, 'apiVersion: v1\nkind: Config\nclusters: null\n');
    expect(() => loadKubeconfig(path)).toThrow(
      'invalid configuration: no configuration has been provided',
    );
  });

  it('reports unknown contexts as kubectl does', () => {
    expect(() => loadKubeconfig(path, { context: 'x' })).toThrow('context "x" does not exist');
    writeFileSync(path, CONFIG.replace('current-context: lab', 'current-context: gone'));
    expect(() => loadKubeconfig(path)).toThrow(
      'invalid configuration: context was not found for specified context: gone',
    );
  });

  it('reports broken references inside a context', () => {
    expect(() => loadKubeconfig(path, { context: 'ghost-cluster' })).toThrow(
      'invalid configuration: cluster "nowhere" was not found for context "ghost-cluster"',
    );
    expect(() => loadKubeconfig(path, { context: 'ghost-user' })).toThrow(
      'invalid configuration: user "nobody" was not found for context "ghost-user"',
    );
    expect(() => loadKubeconfig(path, { context: 'noserver' })).toThrow(
      'invalid configuration: no server found for cluster "noserver"',
    );
    expect(() => loadKubeconfig(path, { context: 'certonly' })).toThrow(
      'client-key-data or client-key must be specified for certonly',
    );
  });

  it('reports an unreadable certificate-authority file', () => {
    rmSync(join(dir, 'pki/ca.crt'));
    expect(() => loadKubeconfig(path, { context: 'files' })).toThrow(
      `invalid configuration: unable to read certificate-authority ${dir}/pki/ca.crt for files due to open ${dir}/pki/ca.crt: no such file or directory`,
    );
  });
});

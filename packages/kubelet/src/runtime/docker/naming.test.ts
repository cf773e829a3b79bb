import { describe, expect, it } from 'vitest';
import { makeContainerName, makeSandboxName, parseContainerName, withRandomSuffix } from './naming.js';

const pod = { name: 'kube-apiserver-controlplane', namespace: 'kube-system', uid: 'e62b9c3ab48bb2ebb392179898b5495e' };

describe('dockershim names', () => {
  it('names sandboxes and containers as dockershim did', () => {
    expect(makeSandboxName(pod, 0)).toBe('k8s_POD_kube-apiserver-controlplane_kube-system_e62b9c3ab48bb2ebb392179898b5495e_0');
    expect(makeContainerName(pod, 'kube-apiserver', 3)).toBe(
      'k8s_kube-apiserver_kube-apiserver-controlplane_kube-system_e62b9c3ab48bb2ebb392179898b5495e_3',
    );
  });

  it('round-trips through parse, with the leading slash and a conflict suffix', () => {
    const name = makeContainerName(pod, 'etcd', 2);
    expect(parseContainerName(`/${name}`)).toEqual({ containerName: 'etcd', pod, attempt: 2 });
    expect(parseContainerName(withRandomSuffix(makeSandboxName(pod, 1)))).toEqual({ containerName: 'POD', pod, attempt: 1 });
  });

  it('rejects names that are not the kubelet’s', () => {
    expect(parseContainerName('/kind-control-plane')).toBeUndefined();
    expect(parseContainerName('k8s_a_b_c_d_x')).toBeUndefined();
    expect(parseContainerName('k8s_a_b_c_d')).toBeUndefined();
  });
});

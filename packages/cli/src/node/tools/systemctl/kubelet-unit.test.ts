import { describe, expect, it } from 'vitest';
import { kubeadmDropIn, programOf, quoteExecArg, systemctlCat } from './kubelet-unit.js';

const CMD = ['/usr/bin/node', '/opt/kubelab/kubelet.mjs', '--config=/var/lib/kubelet/config.yaml', '--kubeconfig=/etc/kubernetes/kubelet.conf', '--hostname-override=kubelab-worker', '--kubelab-node-root=/root/.kubelab/clusters/kubelab/nodes/kubelab-worker'];

describe('the kubelet unit', () => {
  it('is printed as systemctl cat prints a unit and its drop-in', () => {
    const out = systemctlCat(CMD);
    expect(out.startsWith('# /usr/lib/systemd/system/kubelet.service\n[Unit]\nDescription=kubelet: The Kubernetes Node Agent\n')).toBe(true);
    expect(out).toContain('\n[Service]\nExecStart=/usr/bin/node /opt/kubelab/kubelet.mjs\nRestart=always\n');
    expect(out).toContain('\n\n# /usr/lib/systemd/system/kubelet.service.d/10-kubeadm.conf\n# Note: This dropin only works with kubeadm and kubelet v1.11+\n');
    expect(out).toContain('Environment="KUBELET_CONFIG_ARGS=--config=/var/lib/kubelet/config.yaml"\n');
    expect(out).toContain('Environment="KUBELET_KUBECONFIG_ARGS=--kubeconfig=/etc/kubernetes/kubelet.conf"\n');
    expect(out).toContain(`ExecStart=\nExecStart=${CMD.join(' ')}\n`);
  });

  it('keeps kubeadm defaults when the command line is unknown', () => {
    expect(kubeadmDropIn([])).toContain('ExecStart=/usr/bin/kubelet $KUBELET_KUBECONFIG_ARGS $KUBELET_CONFIG_ARGS $KUBELET_KUBEADM_ARGS $KUBELET_EXTRA_ARGS');
  });

  it('finds the program of a Node.js command line and quotes arguments for ExecStart', () => {
    expect(programOf(['/usr/bin/node', '--import', 'tsx', '/src/main.ts', '--v=2'])).toEqual(['/usr/bin/node', '--import', 'tsx', '/src/main.ts']);
    expect(programOf(['/usr/bin/kubelet', '--v=2'])).toEqual(['/usr/bin/kubelet']);
    expect(quoteExecArg('--node-labels=a b')).toBe('"--node-labels=a b"');
    expect(quoteExecArg('plain')).toBe('plain');
  });
});

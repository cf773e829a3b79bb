import { describe, expect, it } from 'vitest';
import { formatUnitStatus } from './unit-status.js';
import { parseStat, parseStatus } from './proc-info.js';

const NOW = new Date('2025-11-27T12:05:00Z');

describe('systemctl status kubelet', () => {
  it('prints an active unit as systemd 252 does', () => {
    const out = formatUnitStatus({
      running: true,
      pid: 4242,
      since: new Date('2025-11-27T12:00:00Z'),
      now: NOW,
      commandLine: ['/usr/bin/node', '/k/kubelet.mjs', '--config=/var/lib/kubelet/config.yaml'],
      proc: { comm: 'node', tasks: 11, memoryBytes: 61_132_800, cpuMs: 1532 },
      journal: ['Nov 27 12:00:01 kubelab-worker kubelet[4242]: I1127 12:00:01.000000    4242 server.go:1] "Started kubelet"\n'],
    });
    const lines = out.split('\n');
    expect(lines[0]).toBe('● kubelet.service - kubelet: The Kubernetes Node Agent');
    expect(lines[1]).toBe('     Loaded: loaded (/usr/lib/systemd/system/kubelet.service; enabled; preset: enabled)');
    expect(lines[2]).toBe('    Drop-In: /usr/lib/systemd/system/kubelet.service.d');
    expect(lines[3]).toBe('             └─10-kubeadm.conf');
    expect(lines[4]).toMatch(/^ {5}Active: active \(running\) since \w{3} 2025-11-27 \d\d:00:00 \S+; 5min ago$/);
    expect(lines.slice(5, 12)).toEqual([
      '       Docs: https://kubernetes.io/docs/',
      '   Main PID: 4242 (node)',
      '      Tasks: 11',
      '     Memory: 58.3M',
      '        CPU: 1.532s',
      '     CGroup: /system.slice/kubelet.service',
      '             └─4242 /usr/bin/node /k/kubelet.mjs --config=/var/lib/kubelet/config.yaml',
    ]);
    expect(lines.slice(12)).toEqual(['', 'Nov 27 12:00:01 kubelab-worker kubelet[4242]: I1127 12:00:01.000000    4242 server.go:1] "Started kubelet"', '']);
  });

  it('prints a stopped unit as inactive (dead) without a process', () => {
    const out = formatUnitStatus({ running: false, now: NOW, commandLine: [], journal: [] });
    expect(out.split('\n')).toEqual([
      '○ kubelet.service - kubelet: The Kubernetes Node Agent',
      '     Loaded: loaded (/usr/lib/systemd/system/kubelet.service; enabled; preset: enabled)',
      '    Drop-In: /usr/lib/systemd/system/kubelet.service.d',
      '             └─10-kubeadm.conf',
      '     Active: inactive (dead)',
      '       Docs: https://kubernetes.io/docs/',
      '',
    ]);
  });

  it('reads /proc stat and status lines', () => {
    expect(parseStat('4242 (node main) S 1 4242 4242 0 -1 4194560 100 0 0 0 120 33 0 0 20 0 11 0')).toEqual({ comm: 'node main', utime: 120, stime: 33 });
    expect(parseStatus('Name:\tnode\nVmRSS:\t   59700 kB\nThreads:\t11\n')).toEqual({ threads: 11, rssBytes: 59700 * 1024 });
  });
});

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildKubeconfig } from '../kubeconfig/build-kubeconfig.js';
import { RecordingLogger, TempDirs } from '../testing/index.js';
import { ERR_NOT_IN_CLUSTER, loadComponentConnection } from './component-kubeconfig.js';

const temp = new TempDirs();
afterAll(() => temp.removeAll());

const dir = temp.makeSync('component-kubeconfig-');
const good = join(dir, 'scheduler.conf');
writeFileSync(good, buildKubeconfig({ clusterName: 'kubernetes', server: 'https://127.0.0.1:6443', user: 'system:kube-scheduler', token: 't' }));
const missing = '/etc/kubernetes/scheduler.conf-missing';

describe('loadComponentConnection', () => {
  it('resolves --kubeconfig once the delegated kubeconfigs load', () => {
    const conn = loadComponentConnection(
      { kubeconfig: good, authenticationKubeconfig: good, authorizationKubeconfig: good },
      'delegated-auth-first',
    );
    expect(conn).toMatchObject({ server: 'https://127.0.0.1:6443', token: 't' });
  });

  it('fails on a missing --kubeconfig with the stat error', () => {
    expect(() => loadComponentConnection({ kubeconfig: missing }, 'delegated-auth-first')).toThrow(
      `stat ${missing}: no such file or directory`,
    );
  });

  it('names the delegated authentication kubeconfig first for the scheduler, wrapped twice as upstream', () => {
    const all = { kubeconfig: missing, authenticationKubeconfig: missing, authorizationKubeconfig: missing };
    expect(() => loadComponentConnection(all, 'delegated-auth-first')).toThrow(
      new Error(
        `failed to get delegated authentication kubeconfig: failed to get delegated authentication kubeconfig: stat ${missing}: no such file or directory`,
      ),
    );
    expect(() => loadComponentConnection({ ...all, authenticationKubeconfig: good }, 'delegated-auth-first')).toThrow(
      new Error(`failed to get delegated authorization kubeconfig: stat ${missing}: no such file or directory`),
    );
  });

  it('reads --kubeconfig first for the controller-manager', () => {
    const all = { kubeconfig: missing, authenticationKubeconfig: missing, authorizationKubeconfig: missing };
    expect(() => loadComponentConnection(all, 'kubeconfig-first')).toThrow(`stat ${missing}: no such file or directory`);
  });

  it('falls back to the in-cluster config without --kubeconfig, warning as client-go', () => {
    const logger = new RecordingLogger();
    const saved = process.env['KUBERNETES_SERVICE_HOST'];
    delete process.env['KUBERNETES_SERVICE_HOST'];
    try {
      expect(() => loadComponentConnection({ kubeconfig: '' }, 'delegated-auth-first', logger)).toThrow(ERR_NOT_IN_CLUSTER);
    } finally {
      if (saved !== undefined) process.env['KUBERNETES_SERVICE_HOST'] = saved;
    }
    expect(logger.at('warn')[0]?.msg).toBe(
      'Neither --kubeconfig nor --master was specified.  Using the inClusterConfig.  This might not work.',
    );
  });
});

import { describe, expect, it } from 'vitest';
import { healthResponse, LOG_CHECK, PING_CHECK, type HealthCheck } from './health-checks.js';

const failing: HealthCheck = { name: 'leaderElection', check: () => 'failed election to renew leadership on lease kube-scheduler' };

describe('healthResponse', () => {
  it('answers ok, or the per-check list with ?verbose', () => {
    expect(healthResponse('healthz', [PING_CHECK, LOG_CHECK], undefined, false)).toEqual({ status: 200, body: 'ok', failures: [] });
    expect(healthResponse('livez', [PING_CHECK, LOG_CHECK], undefined, true)?.body).toBe(
      '[+]ping ok\n[+]log ok\nlivez check passed\n',
    );
  });

  it('withholds the reason of a failing check and answers 500', () => {
    const r = healthResponse('healthz', [PING_CHECK, failing], undefined, false);
    expect(r?.status).toBe(500);
    expect(r?.body).toBe('[+]ping ok\n[-]leaderElection failed: reason withheld\nhealthz check failed\n');
    expect(r?.failures).toEqual(['leaderElection: failed election to renew leadership on lease kube-scheduler']);
  });

  it('serves single checks and 404s unknown ones', () => {
    expect(healthResponse('readyz', [PING_CHECK], 'ping', false)?.body).toBe('ok');
    expect(healthResponse('healthz', [failing], 'leaderElection', false)?.body).toBe(
      'internal server error: failed election to renew leadership on lease kube-scheduler\n',
    );
    expect(healthResponse('readyz', [PING_CHECK], 'nope', false)).toBeUndefined();
  });
});

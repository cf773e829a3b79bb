import { describe, expect, it } from 'vitest';
import { computeHash, fnv32a, safeEncodeString } from './compute-hash.js';
import { goQuantity } from './go-quantity.js';
import { spewSprint } from './spew-printer.js';

/** `kubectl create deployment nginx --image=nginx`'s template as the 1.32 apiserver defaults it. */
const NGINX = {
  metadata: { creationTimestamp: null, labels: { app: 'nginx' } },
  spec: {
    containers: [
      {
        name: 'nginx',
        image: 'nginx',
        resources: {},
        terminationMessagePath: '/dev/termination-log',
        terminationMessagePolicy: 'File',
        imagePullPolicy: 'Always',
      },
    ],
    restartPolicy: 'Always',
    terminationGracePeriodSeconds: 30,
    dnsPolicy: 'ClusterFirst',
    securityContext: {},
    schedulerName: 'default-scheduler',
  },
};

describe('computeHash', () => {
  it('reproduces the pod-template-hash a 1.32 cluster gives `kubectl create deployment nginx --image=nginx`', () => {
    // nginx-5869d7778c-xxxxx is what kind/minikube clusters of that era print.
    expect(computeHash(NGINX as never)).toBe('5869d7778c');
  });

  it('changes with the template and with the collision count', () => {
    const other = structuredClone(NGINX);
    other.spec.containers[0] = { ...other.spec.containers[0], image: 'nginx:1.27' } as never;
    expect(computeHash(other as never)).not.toBe('5869d7778c');
    expect(computeHash(NGINX as never, 1)).not.toBe(computeHash(NGINX as never, 0));
    expect(computeHash(NGINX as never, 0)).not.toBe(computeHash(NGINX as never));
  });

  it('ignores key order and treats empty lists and maps as unset', () => {
    const reordered = {
      spec: { ...NGINX.spec, volumes: [], nodeSelector: {} },
      metadata: NGINX.metadata,
    };
    expect(computeHash(reordered as never)).toBe('5869d7778c');
  });

  it('uses fnv32a and the vowel-free alphabet', () => {
    expect(fnv32a(new TextEncoder().encode(''))).toBe(0x811c9dc5);
    expect(fnv32a(new TextEncoder().encode('a'))).toBe(0xe40c292c);
    expect(safeEncodeString('0123456789')).toBe(
      'bcdfghjklm'
        .split('')
        .map((_, i) => 'bcdfghjklmnpqrstvwxz2456789'[(48 + i) % 27])
        .join(''),
    );
  });
});

describe('spew rendering', () => {
  it('prints types, pointers and nil collections as go-spew %#v does', () => {
    const out = spewSprint('v1.PodTemplateSpec', NGINX);
    expect(
      out.startsWith(
        '(v1.PodTemplateSpec){ObjectMeta:(v1.ObjectMeta){Name:(string) GenerateName:(string) ',
      ),
    ).toBe(true);
    expect(out).toContain(
      'CreationTimestamp:(v1.Time){Time:(time.Time){wall:(uint64)0 ext:(int64)0 loc:(*time.Location)<nil>}}',
    );
    expect(out).toContain(
      'Labels:(map[string]string)map[app:nginx] Annotations:(map[string]string)<nil>',
    );
    expect(out).toContain(
      'TerminationGracePeriodSeconds:(*int64)30 ActiveDeadlineSeconds:(*int64)<nil>',
    );
    expect(out).toContain(
      'SecurityContext:(*v1.PodSecurityContext){SELinuxOptions:(*v1.SELinuxOptions)<nil>',
    );
  });

  it('renders quantities as their decoded Go struct', () => {
    const out = spewSprint('v1.ResourceRequirements', { limits: { memory: '128Mi', cpu: '500m' } });
    expect(out).toBe(
      '(v1.ResourceRequirements){Limits:(v1.ResourceList)map[' +
        'cpu:{i:(resource.int64Amount){value:(int64)500 scale:(resource.Scale)-3} d:(resource.infDecAmount){Dec:(*inf.Dec)<nil>} s:(string)500m Format:(resource.Format)DecimalSI} ' +
        'memory:{i:(resource.int64Amount){value:(int64)134217728 scale:(resource.Scale)0} d:(resource.infDecAmount){Dec:(*inf.Dec)<nil>} s:(string) Format:(resource.Format)BinarySI}' +
        '] Requests:(v1.ResourceList)<nil> Claims:([]v1.ResourceClaim)<nil>}',
    );
  });
});

describe('goQuantity', () => {
  it('keeps the string only for canonical input, as ParseQuantity does', () => {
    expect(goQuantity('1Gi')).toMatchObject({
      i: { value: 1073741824n, scale: 0 },
      s: '1Gi',
      format: 'BinarySI',
    });
    expect(goQuantity('0.5')).toMatchObject({
      i: { value: 5n, scale: -1 },
      s: '',
      format: 'DecimalSI',
    });
    expect(goQuantity('1000')).toMatchObject({ i: { value: 1000n, scale: 0 }, s: '' });
    expect(goQuantity('0')).toMatchObject({ s: '0', format: 'DecimalSI' });
  });

  it('falls back to an inf.Dec rounded up to nanos', () => {
    expect(goQuantity('0.5Gi')).toMatchObject({
      dec: { unscaled: 536870912000000000n, scale: 9 },
      format: 'BinarySI',
    });
    expect(goQuantity('nope')).toBeUndefined();
  });
});

import { describe, expect, it } from 'vitest';
import { allocatePorts } from './port-allocator.js';

const freeExcept = (busy: number[]) => (p: number) => Promise.resolve(!busy.includes(p));

describe('allocatePorts', () => {
  it('uses the upstream defaults when they are free', async () => {
    const plan = await allocatePorts({ nodes: [{}], reserved: [], probe: freeExcept([]) });
    expect(plan).toEqual({ apiServer: 6443, controllerManager: 10257, scheduler: 10259, nodes: [{ kubelet: 10250, healthz: 10248 }] });
  });

  it('moves past ports in use and ports other clusters hold, never giving one twice', async () => {
    const plan = await allocatePorts({
      nodes: [{}, {}, {}],
      reserved: [6443, 10250, 10248, 10257, 10259],
      probe: freeExcept([6444, 10251]),
    });
    expect(plan.apiServer).toBe(6445);
    const all = [plan.apiServer, plan.scheduler, plan.controllerManager, ...plan.nodes.flatMap((n) => [n.kubelet, n.healthz])];
    expect(new Set(all).size).toBe(all.length);
    expect(all).not.toContain(10251);
    expect(plan.nodes[0]).toEqual({ kubelet: 10252, healthz: 10249 });
  });

  it('keeps ports a node config fixes', async () => {
    const plan = await allocatePorts({ nodes: [{ kubelet: 20250 }, {}], reserved: [], probe: freeExcept([]) });
    expect(plan.nodes).toEqual([
      { kubelet: 20250, healthz: 10248 },
      { kubelet: 10250, healthz: 10249 },
    ]);
  });
});

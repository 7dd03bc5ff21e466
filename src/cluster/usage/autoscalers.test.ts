// HPAs and VPAs read from the sim, with and without the VPA's CRD.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startSim, type Sim } from '../../sim/sim.ts';
import { kubeconfigClient } from '../kubeconfig-client.ts';
import { loadAutoscalers } from './autoscalers.ts';

describe('loadAutoscalers', () => {
  let withDemo: Sim;
  let plain: Sim;

  before(async () => {
    [withDemo, plain] = await Promise.all([startSim({ nodes: 1, rightSizing: true, log: () => undefined }), startSim({ nodes: 1, log: () => undefined })]);
  });
  after(() => Promise.all([withDemo.close(), plain.close()]));

  it("reads the cluster's CPU HPA and the VPA's recommendation when the CRD is installed", async () => {
    const loaded = await loadAutoscalers(kubeconfigClient(withDemo.kubeconfigPath), 'default');
    assert.ok(loaded.ok, loaded.ok ? '' : loaded.error.message);
    const { hpas, vpas, vpaInstalled } = loaded.value;
    assert.equal(vpaInstalled, true);
    assert.deepEqual(hpas.find('default', 'hpa-demo', 'Deployment')?.utilization, { cpu: 60 });
    assert.equal(hpas.find('default', 'vpa-demo'), undefined);
    assert.deepEqual(vpas.find('default', 'vpa-demo', 'Deployment')?.containers.get('app')?.target, { cpu: 0.35, memory: 300 * 2 ** 20 });
    const elsewhere = await loadAutoscalers(kubeconfigClient(withDemo.kubeconfigPath), 'kube-system');
    assert.ok(elsewhere.ok);
    assert.deepEqual([elsewhere.value.hpas.size, elsewhere.value.vpas.size], [0, 0]);
  });

  it('says the VPA is not installed, without an error, when its CRD is missing', async () => {
    const loaded = await loadAutoscalers(kubeconfigClient(plain.kubeconfigPath), undefined);
    assert.ok(loaded.ok, loaded.ok ? '' : loaded.error.message);
    assert.equal(loaded.value.vpaInstalled, false);
    assert.equal(loaded.value.vpas.size, 0);
  });
});

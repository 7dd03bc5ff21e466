import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { builtinTypes } from './resources.ts';
import { validateSchema } from './schema-validation.ts';
import { seedShowcase, showcaseObjects } from './showcase.ts';
import { startSim, type Sim } from './sim.ts';
import { call } from './test-helpers.ts';

describe('the showcase objects', () => {
  let sim: Sim;
  before(async () => {
    sim = await startSim({ nodes: 1, pods: 0, frozenClock: true, log: () => undefined });
  });
  after(() => sim.close());

  it('are valid under the bundled schema, as a strict API server write would check', () => {
    for (const object of showcaseObjects('team-a', 'web')) {
      const type = builtinTypes.find((candidate) => candidate.kind === object.kind && candidate.virtual !== true)!;
      assert.doesNotThrow(() => validateSchema(type, structuredClone(object), 'Strict', () => undefined), `${object.kind} ${object.metadata.name}`);
    }
  });

  it('are served once seeded, one of each listed kind, namespaced ones in the namespace given', async () => {
    seedShowcase(sim.store, 'default', 'web');
    const paths = [
      '/apis/networking.k8s.io/v1/namespaces/default/ingresses/web',
      '/apis/networking.k8s.io/v1/namespaces/default/networkpolicies/web-ingress',
      '/apis/autoscaling/v2/namespaces/default/horizontalpodautoscalers/web',
      '/apis/policy/v1/namespaces/default/poddisruptionbudgets/web',
      '/api/v1/namespaces/default/persistentvolumeclaims/web-data',
      '/api/v1/namespaces/default/secrets/web-credentials',
      '/api/v1/namespaces/default/serviceaccounts/web',
      '/apis/rbac.authorization.k8s.io/v1/namespaces/default/rolebindings/web-reader',
      '/apis/rbac.authorization.k8s.io/v1/clusterrolebindings/kube-workbench-viewers',
      '/apis/storage.k8s.io/v1/storageclasses/standard',
      '/api/v1/persistentvolumes/pv-web-data',
      '/apis/scheduling.k8s.io/v1/priorityclasses/batch-low',
      '/apis/networking.k8s.io/v1/ingressclasses/nginx',
    ];
    for (const path of paths) assert.equal((await call(sim, path)).status, 200, path);
    const service = await call(sim, '/api/v1/namespaces/default/services/web');
    assert.match(service.text, /"clusterIP":"10\.96\.200\.\d+"/, 'defaulted as the API server would');
    const claim = await call(sim, '/api/v1/namespaces/default/persistentvolumeclaims/web-data');
    assert.match(claim.text, /"status":\{"phase":"Bound"/, 'the claim written bound');
  });
});

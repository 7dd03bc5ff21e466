import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseYaml } from '../yaml/parse.ts';
import { hpaAdvice, HpaIndex, hpaReplicas, hpaScaling } from './hpa-scaling.ts';
import { rightSizingRows, setByText } from './right-sizing.ts';

const MIB = 2 ** 20;

// As a file set holds it: autoscaling/v2, namespace left to `kubectl apply -n`.
const manifest = `apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata:
  name: web
spec:
  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}
  minReplicas: 2
  maxReplicas: 10
  metrics:
    - type: Resource
      resource: {name: cpu, target: {type: Utilization, averageUtilization: 60}}
    - type: Pods
      pods: {metric: {name: qps}, target: {type: AverageValue, averageValue: "10"}}
---
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata: {name: queue}
spec:
  scaleTargetRef: {kind: Deployment, name: queue}
  maxReplicas: 5
  metrics:
    - type: External
      external: {metric: {name: depth}, target: {type: Value, value: "30"}}
`;

// As the cluster serves it: autoscaling/v1 with the CPU percentage, and a memory ContainerResource in v2.
const fromCluster = [
  { apiVersion: 'autoscaling/v1', kind: 'HorizontalPodAutoscaler', metadata: { namespace: 'shop', name: 'api' }, spec: { scaleTargetRef: { kind: 'Deployment', name: 'api' }, minReplicas: 1, maxReplicas: 4, targetCPUUtilizationPercentage: 80 } },
  {
    apiVersion: 'autoscaling/v2',
    kind: 'HorizontalPodAutoscaler',
    metadata: { namespace: 'shop', name: 'cache' },
    spec: { scaleTargetRef: { kind: 'StatefulSet', name: 'cache' }, maxReplicas: 3, metrics: [{ type: 'ContainerResource', containerResource: { name: 'memory', container: 'redis', target: { type: 'Utilization', averageUtilization: 75 } } }] },
  },
];

describe('hpaScaling', () => {
  it('reads the utilisation targets of HPAs in a file set; other metrics do not count', () => {
    const objects = parseYaml(manifest).documents.map((document) => document.value);
    const found = objects.map((object) => hpaScaling(object, 'shop'));
    assert.deepEqual(found[0], { namespace: 'shop', name: 'web', targetKind: 'Deployment', targetName: 'web', minReplicas: 2, maxReplicas: 10, utilization: { cpu: 60 } });
    assert.equal(found[1], undefined, 'scales on an external metric only');
  });

  it('reads the HPAs the cluster serves, v1 and v2', () => {
    const [api, cache] = fromCluster.map((object) => hpaScaling(object));
    assert.deepEqual(api?.utilization, { cpu: 80 });
    assert.deepEqual([api?.minReplicas, api?.maxReplicas], [1, 4]);
    assert.deepEqual(cache?.utilization, { memory: 75 });
    assert.equal(cache?.minReplicas, 1);
    assert.equal(hpaScaling({ kind: 'Deployment', apiVersion: 'apps/v1' }), undefined);
    const index = new HpaIndex([api, cache].filter((hpa) => hpa !== undefined));
    assert.equal(index.find('shop', 'api', 'Deployment')?.name, 'api');
    assert.equal(index.find('shop', 'api', 'StatefulSet'), undefined);
    assert.equal(index.find('other', 'api'), undefined);
  });
});

describe('hpaAdvice', () => {
  const hpa = hpaScaling(fromCluster[0]);
  assert.ok(hpa !== undefined);

  it("follows the HPA's rule: ceil(replicas × utilisation / target), 10% tolerance, clamped", () => {
    assert.equal(hpaReplicas(hpa, 2, 160, 80), 4);
    assert.equal(hpaReplicas(hpa, 2, 85, 80), 2, 'within the tolerance');
    assert.equal(hpaReplicas(hpa, 2, 400, 80), 4, 'at most maxReplicas');
    assert.equal(hpaReplicas(hpa, 3, 10, 80), 1, 'at least minReplicas');
  });

  it('says what the HPA would do at the suggested request, at today\'s usage', () => {
    // 2 pods using 0.4 cores each of a 1-core request (40%): the HPA shrinks to 1. At 0.25 cores
    // they would be at 160%, and the HPA would grow to 4.
    const advice = hpaAdvice(hpa, { resource: 'cpu', replicas: 2, current: 1, suggested: 0.25, usagePerPod: 0.4, format: (cores) => `${cores * 1000}m` });
    assert.ok(advice !== undefined);
    assert.deepEqual([advice.utilizationNow, advice.replicasNow, advice.replicasAtSuggested, advice.targetPercent], [40, 1, 4, 80]);
    assert.match(advice.message, /^HPA api scales this workload to keep cpu at 80% of the request: at today's usage \(400m per pod\) it runs 1 replica with 1000m, and would run 4 with 250m; the request is left as it is unless you choose the suggestion$/);
    assert.equal(hpaAdvice(hpa, { resource: 'memory', replicas: 2, current: 1, suggested: 1, usagePerPod: 1, format: String }), undefined);
  });

  it('leaves an HPA-scaled resource at today\'s request in the report rows, the other one suggested', () => {
    const rows = rightSizingRows(
      [{ namespace: 'shop', workload: 'api', container: 'app', recommendation: { target: { cpu: 0.25, memory: 300 * MIB }, lowerBound: { cpu: 0.4, memory: 200 * MIB }, upperBound: { cpu: 1, memory: 600 * MIB } }, confidenceDays: 8 }],
      () => ({ kind: 'Deployment', replicas: 2, containers: [{ name: 'app', cpu: 1, memory: 1024 * MIB }] }),
      { hpaOf: (namespace, workload, kind) => (namespace === 'shop' && workload === 'api' && kind === 'Deployment' ? hpa : undefined) },
    );
    const row = rows[0];
    assert.ok(row !== undefined);
    assert.equal(row.target.cpu, 1, 'no blind CPU suggestion');
    assert.equal(row.freedCores, 0);
    assert.equal(row.target.memory, 300 * MIB);
    assert.equal(row.hpa[0]?.suggested, 0.25, 'offered as a choice');
    assert.equal(setByText(row), 'hpa/');
  });
});

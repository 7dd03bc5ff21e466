// request-suggestion under an HPA of the same file set: no blind suggestion for the resource it
// scales on, the HPA's arithmetic in the message, the change as an explicit fix of its own.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findingsOf, strip } from '../testing/expect-rule.ts';
import { deployment } from '../testing/manifests.ts';

const hpa = `---
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata: {name: web, namespace: shop}
spec:
  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}
  minReplicas: 2
  maxReplicas: 10
  metrics:
  - type: Resource
    resource: {name: cpu, target: {type: Utilization, averageUtilization: 60}}
`;
const manifest = deployment('        image: nginx:1.27\n        resources:\n          requests:\n            cpu: "1"\n            memory: 1Gi');
const suggestion = { kind: 'Deployment', namespace: 'shop', name: 'web', container: 'app', requests: { cpu: '250m', memory: '363Mi' }, lowerBound: { cpu: '200m', memory: '300Mi' }, upperBound: { cpu: '500m', memory: '600Mi' }, usage: { cpu: '300m', memory: '280Mi' } };

describe('request-suggestion with an HPA in the file set', () => {
  it('suggests memory, holds CPU back with what the HPA would do, and offers CPU as its own fix', () => {
    const text = `${manifest}${hpa}`;
    const [finding, ...rest] = findingsOf('request-suggestion', text, { cluster: { suggestions: [suggestion] } });
    assert.equal(rest.length, 0);
    // 2 pods at 300m of 1 core (30%) against 60%: the HPA settles on 2 (its minimum); at 250m they would be at 120%: 4.
    assert.equal(
      finding?.message,
      "Observed usage suggests requests of memory 363Mi (set: 1Gi). HPA web scales this workload to keep cpu at 60% of the request: at today's usage (300m per pod) it runs 2 replicas with 1000m, and would run 4 with 250m; the request is left as it is unless you choose the suggestion.",
    );
    assert.equal(finding?.fix?.title, 'Apply suggested requests: 363Mi');
    const [choice, ...others] = finding?.alternatives ?? [];
    assert.equal(choice?.title, 'Set 250m anyway (HPA web then rescales)');
    assert.equal(others.length, 0, 'no QoS fixes that would set the held CPU request silently');
    const { text: plain } = strip(text);
    const applied = [...(finding?.fix?.edits ?? [])].sort((a, b) => b.start - a.start).reduce((result, edit) => result.slice(0, edit.start) + edit.newText + result.slice(edit.end), plain);
    assert.match(applied, /cpu: "1"\n {12}memory: "363Mi"\n/);
  });

  it("offers the cluster VPA's recommendation as a choice of its own", () => {
    const [finding] = findingsOf('request-suggestion', manifest, { cluster: { suggestions: [{ ...suggestion, vpa: { name: 'web-vpa', requests: { cpu: '300m', memory: '400Mi' } } }] } });
    const titles = (finding?.alternatives ?? []).map((fix) => fix.title);
    assert.equal(titles.at(-1), "Use VPA web-vpa's recommendation: 300m / 400Mi");
    assert.equal(finding?.fix?.title, 'Apply suggested requests: 250m / 363Mi', 'ours stays the main fix');
  });

  it('says the change is a choice even without today\'s usage, and ignores an HPA of another workload', () => {
    const { usage: _usage, ...withoutUsage } = suggestion;
    const [held] = findingsOf('request-suggestion', `${deployment('        image: nginx:1.27\n        resources:\n          requests: {cpu: "1", memory: 363Mi}')}${hpa}`, { cluster: { suggestions: [withoutUsage] } });
    assert.equal(held?.message, 'HPA web scales this workload to keep cpu at 60% of the request: a new request changes how many replicas it runs, so 250m is offered only as its own fix.');
    assert.equal(held?.fix, undefined);
    const [other] = findingsOf('request-suggestion', `${manifest}${hpa.replace('name: web}', 'name: api}')}`, { cluster: { suggestions: [suggestion] } });
    assert.match(other?.message ?? '', /^Observed usage suggests requests of cpu 250m \(set: 1\), memory 363Mi \(set: 1Gi\)\.$/);
  });
});

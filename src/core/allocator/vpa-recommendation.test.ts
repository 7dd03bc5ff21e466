import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { RecommendationExplanation } from './recommendation-explain.ts';
import { rightSizingCsv, rightSizingRows } from './right-sizing.ts';
import { compareWithVpa, vpaRecommendation } from './vpa-recommendation.ts';

const MIB = 2 ** 20;

const vpaObject = {
  apiVersion: 'autoscaling.k8s.io/v1',
  kind: 'VerticalPodAutoscaler',
  metadata: { namespace: 'shop', name: 'web-vpa' },
  spec: { targetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web' }, updatePolicy: { updateMode: 'Off' } },
  status: {
    recommendation: {
      containerRecommendations: [
        { containerName: 'app', target: { cpu: '250m', memory: '512Mi' }, lowerBound: { cpu: '100m', memory: '256Mi' }, upperBound: { cpu: '1', memory: '1Gi' } },
        { containerName: 'sidecar', target: { memory: '64Mi' } },
      ],
    },
  },
};

function explanation(days: number, memory: RecommendationExplanation['setBy']['memory']): RecommendationExplanation {
  const flat = { p50: 0, p90: 0, p95: 0 };
  return {
    samples: days * 1440, days, cpu: flat, memory: flat, oomKills: { count: 2, floorBytes: 900 * MIB, lastMs: 0, floorWeight: 1 }, startup: { starts: 0, cpuP95: 0, memoryP95: 0 },
    minimums: { cpu: 0.025, memory: 250 * MIB }, marginFraction: 0.15, setBy: { cpu: 'usage', memory }, reasons: [],
  };
}

describe('vpaRecommendation', () => {
  it('reads status.recommendation per container; a VPA without one, or another kind, is nothing', () => {
    const vpa = vpaRecommendation(vpaObject);
    assert.ok(vpa !== undefined);
    assert.deepEqual([vpa.name, vpa.targetKind, vpa.targetName], ['web-vpa', 'Deployment', 'web']);
    assert.deepEqual(vpa.containers.get('app')?.target, { cpu: 0.25, memory: 512 * MIB });
    assert.deepEqual(vpa.containers.get('app')?.upperBound, { cpu: 1, memory: 1024 * MIB });
    assert.ok(Number.isNaN(vpa.containers.get('sidecar')?.target.cpu));
    assert.equal(vpaRecommendation({ ...vpaObject, status: {} }), undefined);
    assert.equal(vpaRecommendation({ ...vpaObject, kind: 'Deployment' }), undefined);
  });

  it('flags differences beyond the tolerance and names the reasons it knows', () => {
    const vpa = vpaRecommendation(vpaObject);
    assert.ok(vpa !== undefined);
    const close = compareWithVpa(vpa, 'app', { cpu: 0.26, memory: 530 * MIB }, explanation(8, 'usage'));
    assert.deepEqual(close?.differs, { cpu: false, memory: false });
    assert.deepEqual(close?.reasons, []);
    const apart = compareWithVpa(vpa, 'app', { cpu: 0.26, memory: 1080 * MIB }, explanation(3, 'oom'));
    assert.deepEqual(apart?.differs, { cpu: false, memory: true });
    assert.match(apart?.reasons[0] ?? '', /3\.0 days of history/);
    assert.match(apart?.reasons[1] ?? '', /OOM kills.*issue 4152/);
    assert.deepEqual(compareWithVpa(vpa, 'app', { cpu: 1, memory: 512 * MIB }, undefined, 0.5)?.differs, { cpu: true, memory: false });
    assert.equal(compareWithVpa(vpa, 'other', { cpu: 1, memory: 1 }, undefined), undefined);
  });

  it('puts the VPA target beside ours in the report rows and the CSV', () => {
    const vpa = vpaRecommendation(vpaObject);
    const rows = rightSizingRows(
      [{ namespace: 'shop', workload: 'web', container: 'app', recommendation: { target: { cpu: 0.3, memory: 600 * MIB }, lowerBound: { cpu: 0.1, memory: 300 * MIB }, upperBound: { cpu: 1, memory: 900 * MIB } }, confidenceDays: 8 }],
      () => ({ kind: 'Deployment', replicas: 1, containers: [{ name: 'app', cpu: 1, memory: 1024 * MIB }] }),
      { vpaOf: (_namespace, workload) => (workload === 'web' ? vpa : undefined) },
    );
    assert.equal(rows[0]?.vpa?.vpa, 'web-vpa');
    const [header, line] = rightSizingCsv(rows).split('\r\n');
    assert.match(header ?? '', /,vpa_cpu,vpa_memory$/);
    assert.match(line ?? '', /,250m,512Mi$/);
  });
});

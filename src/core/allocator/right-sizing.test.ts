import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { requestsYaml, requestTexts, rightSizingCsv, rightSizingRows, rightSizingTotals, type RecommendedContainer, type WorkloadRequests } from './right-sizing.ts';

const MIB = 2 ** 20;
const estimate = (cpu: number, memoryMi: number) => ({ cpu, memory: memoryMi * MIB });

function recommended(workload: string, container: string, targetCpu: number, targetMi: number): RecommendedContainer {
  return { namespace: 'shop', workload, container, recommendation: { target: estimate(targetCpu, targetMi), lowerBound: estimate(targetCpu / 2, targetMi / 2), upperBound: estimate(targetCpu * 2, targetMi * 2) }, confidenceDays: 8 };
}

const workloads: Record<string, WorkloadRequests> = {
  web: { kind: 'Deployment', replicas: 4, containers: [{ name: 'app', cpu: 1, memory: 1024 * MIB }] },
  db: { kind: 'StatefulSet', replicas: 2, containers: [{ name: 'pg', cpu: 0.1, memory: undefined }] },
};

describe('right-sizing', () => {
  const rows = rightSizingRows(
    [recommended('web', 'app', 0.25, 256), recommended('db', 'pg', 0.5, 512), { namespace: 'shop', workload: 'new', container: 'x', recommendation: undefined, confidenceDays: 0 }, recommended('gone', 'y', 0.1, 100)],
    (namespace, workload) => (namespace === 'shop' ? workloads[workload] : undefined),
  );

  it('multiplies the difference by the replicas; an unset request counts as zero; no data, no row', () => {
    assert.deepEqual(rows.map((row) => [row.workload, row.kind, row.replicas]), [['web', 'Deployment', 4], ['db', 'StatefulSet', 2], ['gone', '', 1]]);
    assert.equal(rows[0]?.freedCores, 3);
    assert.equal(rows[0]?.freedBytes, 3 * 1024 * MIB);
    assert.ok(Math.abs((rows[1]?.freedCores ?? 0) + 0.8) < 1e-9);
    assert.equal(rows[1]?.freedBytes, -1024 * MIB);
  });

  it('totals freed and claimed capacity separately', () => {
    const totals = rightSizingTotals(rows);
    assert.equal(totals.freedCores, 3);
    assert.equal(totals.freedGiB, 3);
    assert.ok(Math.abs(totals.claimedCores - 0.9) < 1e-9);
    assert.ok(Math.abs(totals.claimedGiB - (1024 + 100) / 1024) < 1e-9);
  });

  it('writes CSV with Kubernetes quantities, empty cells for unset requests, and quoting', () => {
    const csv = rightSizingCsv([...rows, { ...(rows[0] as (typeof rows)[number]), workload: 'a,"b"' }]);
    const lines = csv.split('\r\n');
    assert.equal(lines[0], 'namespace,workload,kind,container,replicas,current_cpu,current_memory,target_cpu,target_memory,lower_cpu,lower_memory,upper_cpu,upper_memory,freed_cores,freed_gib,confidence_days,set_by,hpa,vpa_cpu,vpa_memory');
    assert.equal(lines[1], 'shop,web,Deployment,app,4,1,1Gi,250m,256Mi,125m,128Mi,500m,512Mi,3.000,3.000,8.0,/,,,');
    assert.equal(lines[2], 'shop,db,StatefulSet,pg,2,100m,,500m,512Mi,250m,256Mi,1,1Gi,-0.800,-1.000,8.0,/,,,');
    assert.match(lines[4] ?? '', /^shop,"a,""b""",Deployment/);
    assert.equal(lines.at(-1), '');
  });

  it("gives a VPA's requests as Kubernetes strings and a YAML block, leaving out a resource it does not recommend", () => {
    assert.deepEqual(requestTexts(estimate(0.35, 300)), { cpu: '350m', memory: '300Mi' });
    const cpuOnly = requestTexts({ cpu: 1.5, memory: Number.NaN });
    assert.deepEqual(cpuOnly, { cpu: '1500m' });
    assert.equal(requestsYaml(requestTexts(estimate(0.35, 300))), 'resources:\n  requests:\n    cpu: 350m\n    memory: 300Mi\n');
    assert.equal(requestsYaml(cpuOnly), 'resources:\n  requests:\n    cpu: 1500m\n');
  });
});

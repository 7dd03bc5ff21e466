import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { expectNone, expectRanges } from '../testing/expect-rule.ts';
import { deployment, goodContainer } from '../testing/manifests.ts';

const service = (selector: string, targetPort = '8080') =>
  `---\napiVersion: v1\nkind: Service\nmetadata: {name: web, namespace: shop}\nspec:\n  ${selector}\n  ports: [{port: 80, targetPort: ${targetPort}}]\n`;
const withPort = `${goodContainer}\n        ports: [{name: http, containerPort: 8080}]`;

describe('consistency rules', () => {
  it('mismatching-selector: at the selector key', () => {
    expectRanges('mismatching-selector', deployment(goodContainer).replace('  selector:\n    matchLabels: {app: web}', '  ⟦selector⟧:\n    matchLabels: {app: api}'));
    expectNone('mismatching-selector', deployment(goodContainer));
  });

  it('dangling-service: a selector matching no pod template, only with a workload present', () => {
    const [finding] = expectRanges('dangling-service', deployment(goodContainer) + service('⟦selector⟧: {app: webb}'));
    assert.match(finding?.message ?? '', /matches no pod template/);
    expectNone('dangling-service', deployment(goodContainer) + service('selector: {app: web}'));
    expectNone('dangling-service', service('selector: {app: webb}'));
  });

  it('invalid-target-port: a named targetPort or probe port that no container defines', () => {
    expectRanges('invalid-target-port', deployment(withPort) + service('selector: {app: web}', '⟦htp⟧'));
    expectNone('invalid-target-port', deployment(withPort) + service('selector: {app: web}', 'http'));
    expectNone('invalid-target-port', deployment(withPort) + service('selector: {app: other}', 'htp'));
    expectRanges('invalid-target-port', deployment(`${withPort}\n        startupProbe: {tcpSocket: {port: ⟦metrics⟧}}`));
  });

  it('dangling-hpa: a scaleTargetRef to no object in the file set', () => {
    const hpa = (name: string) => `---\napiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata: {name: web, namespace: shop}\nspec:\n  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: ${name}}\n`;
    expectRanges('dangling-hpa', deployment(goodContainer) + hpa('⟦wbe⟧'));
    expectNone('dangling-hpa', deployment(goodContainer) + hpa('web'));
  });

  it('non-existent-service-account: only when the file set defines service accounts', () => {
    const account = '---\napiVersion: v1\nkind: ServiceAccount\nmetadata: {name: robot, namespace: shop}\n';
    expectRanges('non-existent-service-account', deployment(goodContainer, { podFields: '      serviceAccountName: ⟦robott⟧' }) + account);
    expectNone('non-existent-service-account', deployment(goodContainer, { podFields: '      serviceAccountName: robot' }) + account);
    expectNone('non-existent-service-account', deployment(goodContainer, { podFields: '      serviceAccountName: robott' }));
  });

  it('a pod template with labels and no spec still counts for dangling-service, dangling-hpa and pdb-min-available', () => {
    const specless = 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web, namespace: shop}\nspec:\n  replicas: 2\n  selector: {matchLabels: {app: web}}\n  template:\n    metadata: {labels: {app: web}}\n';
    expectNone('dangling-service', specless + service('selector: {app: web}'));
    expectRanges('dangling-service', specless + service('⟦selector⟧: {app: webb}'));
    const pdb = '---\napiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata: {name: web, namespace: shop}\nspec: {minAvailable: ⟦2⟧, selector: {matchLabels: {app: web}}}\n';
    expectRanges('pdb-min-available', specless + pdb);
    expectNone('pdb-min-available', specless + pdb.replace('⟦2⟧', '1'));
    const hpa = (name: string) => `---\napiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata: {name: h, namespace: shop}\nspec:\n  scaleTargetRef: {kind: Deployment, name: ${name}}\n`;
    expectRanges('dangling-hpa', specless + hpa('⟦wbe⟧'));
    expectNone('dangling-hpa', specless + hpa('web'));
    // Single-object rules still see no pod spec there.
    expectNone('automount-service-account-token', specless);
  });

  it('invalid-target-port: probe ports given as numbers out of range, or declared for UDP only', () => {
    const udp = `${goodContainer}\n        ports: [{name: dns, containerPort: 53, protocol: UDP}, {name: both, containerPort: 54, protocol: UDP}, {containerPort: 54}]`;
    const [named] = expectRanges('invalid-target-port', deployment(`${udp}\n        startupProbe: {tcpSocket: {port: ⟦dns⟧}}`));
    assert.equal(named?.message, 'The startupProbe uses the port "dns", which the container declares as UDP: probes connect over TCP.');
    expectRanges('invalid-target-port', deployment(`${udp}\n        startupProbe: {tcpSocket: {port: ⟦53⟧}}`));
    expectRanges('invalid-target-port', deployment(`${udp}\n        startupProbe: {grpc: {port: ⟦70000⟧}}`));
    // 54 is declared for TCP too; 8080 is not declared at all, which Kubernetes allows.
    expectNone('invalid-target-port', deployment(`${udp}\n        startupProbe: {tcpSocket: {port: 54}}`));
  });
});

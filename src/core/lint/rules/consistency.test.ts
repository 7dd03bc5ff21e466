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
});

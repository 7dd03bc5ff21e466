import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { expectNone, expectRanges } from '../testing/expect-rule.ts';
import { deployment, goodContainer } from '../testing/manifests.ts';

const configMap = '---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: settings, namespace: shop}\ndata: {LOG_LEVEL: info}\n';
const secret = '---\napiVersion: v1\nkind: Secret\nmetadata: {name: db, namespace: shop}\nstringData: {password: x}\n';
const claim = '---\napiVersion: v1\nkind: PersistentVolumeClaim\nmetadata: {name: data, namespace: shop}\nspec: {accessModes: [ReadWriteOnce], resources: {requests: {storage: 1Gi}}}\n';
const withEnv = (env: string, podFields?: string) => deployment(`${goodContainer}\n${env}`, podFields === undefined ? {} : { podFields });
const service = '---\napiVersion: v1\nkind: Service\nmetadata: {name: web, namespace: shop}\nspec: {selector: {app: web}, ports: [{name: http, port: 80}]}\n';
const ingress = (backend: string) =>
  `---\napiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata: {name: web, namespace: shop}\nspec:\n  rules:\n  - http:\n      paths:\n      - path: /\n        pathType: Prefix\n        backend:\n          service: ${backend}\n`;
const policy = (spec: string) => `---\napiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: np, namespace: shop}\nspec:\n${spec}\n`;

describe('reference rules', () => {
  it('missing-config-map: a missing ConfigMap or key, only when the file set defines ConfigMaps', () => {
    const env = '        env:\n        - name: LEVEL\n          valueFrom: {configMapKeyRef: {name: settings, key: ⟦LOGLEVEL⟧}}\n        envFrom:\n        - configMapRef: {name: ⟦setings⟧}';
    const [key, name] = expectRanges('missing-config-map', withEnv(env) + configMap);
    assert.equal(key?.message, 'The ConfigMap settings has no key LOGLEVEL.');
    assert.equal(name?.message, 'The ConfigMap setings is not defined in the file set.');
    expectNone('missing-config-map', withEnv(env.replaceAll(/[⟦⟧]/g, '')));
    expectNone('missing-config-map', withEnv('        envFrom:\n        - configMapRef: {name: other, optional: true}') + configMap);
    expectRanges('missing-config-map', withEnv('', '      volumes:\n      - name: v\n        projected:\n          sources:\n          - configMap: {name: settings, items: [{key: ⟦missing⟧, path: m}]}') + configMap);
  });

  it('missing-secret: secretKeyRef and secret volumes; stringData keys count', () => {
    expectNone('missing-secret', withEnv('        env:\n        - name: P\n          valueFrom: {secretKeyRef: {name: db, key: password}}') + secret);
    expectRanges('missing-secret', withEnv('', '      volumes:\n      - name: v\n        secret: {secretName: ⟦db-tls⟧}') + secret);
  });

  it('missing-persistent-volume-claim: claimName', () => {
    expectRanges('missing-persistent-volume-claim', withEnv('', '      volumes:\n      - name: v\n        persistentVolumeClaim: {claimName: ⟦dta⟧}') + claim);
    expectNone('missing-persistent-volume-claim', withEnv('', '      volumes:\n      - name: v\n        persistentVolumeClaim: {claimName: data}') + claim);
  });

  it('dangling-ingress: a missing Service or port, only when the file set defines Services', () => {
    const [name] = expectRanges('dangling-ingress', service + ingress('{name: ⟦webb⟧, port: {number: 80}}'));
    assert.equal(name?.message, 'Ingress web (namespace shop) routes to the Service webb, which is not in the file set.');
    expectRanges('dangling-ingress', service + ingress('{name: web, port: {number: ⟦8080⟧}}'));
    expectRanges('dangling-ingress', service + ingress('{name: web, port: {name: ⟦https⟧}}'));
    expectNone('dangling-ingress', service + ingress('{name: web, port: {name: http}}'));
    expectNone('dangling-ingress', ingress('{name: webb, port: {number: 80}}'));
  });

  it('dangling-network-policy and its peers: selectors that match no pod template', () => {
    expectRanges('dangling-network-policy', deployment(goodContainer) + policy('  ⟦podSelector⟧: {matchLabels: {app: wbe}}'));
    expectNone('dangling-network-policy', deployment(goodContainer) + policy('  podSelector: {matchLabels: {app: web}}'));
    expectNone('dangling-network-policy', deployment(goodContainer) + policy('  podSelector: {}'));
    const peers = '  podSelector: {matchLabels: {app: web}}\n  ingress:\n  - from:\n    - ⟦podSelector⟧: {matchLabels: {app: frontend}}\n    - namespaceSelector: {}\n      podSelector: {matchLabels: {app: frontend}}\n    - podSelector: {matchLabels: {app: web}}';
    expectRanges('dangling-network-policy-peer', deployment(goodContainer) + policy(peers));
    expectNone('dangling-network-policy-peer', policy(peers.replaceAll(/[⟦⟧]/g, '')));
  });

  it('non-isolated-pod: only when the file set has policies', () => {
    expectRanges('non-isolated-pod', deployment(goodContainer).replace('name: web', 'name: ⟦web⟧') + policy('  podSelector: {matchLabels: {app: api}}'));
    expectNone('non-isolated-pod', deployment(goodContainer) + policy('  podSelector: {}'));
    expectNone('non-isolated-pod', deployment(goodContainer));
  });

  it('pdb-hpa-min-replicas: minAvailable at or above the HPA minimum', () => {
    const hpa = (min: string) => `---\napiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata: {name: web, namespace: shop}\nspec: {scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}, ${min}maxReplicas: 10}\n`;
    const pdb = (min: string) => `---\napiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata: {name: web, namespace: shop}\nspec: {minAvailable: ${min}, selector: {matchLabels: {app: web}}}\n`;
    const set = deployment(goodContainer, { specFields: '  replicas: 5' });
    const [finding] = expectRanges('pdb-hpa-min-replicas', set + hpa('minReplicas: 2, ') + pdb('⟦2⟧'));
    assert.match(finding?.message ?? '', /scales Deployment web \(namespace shop\) down to 2 replicas\.$/);
    expectRanges('pdb-hpa-min-replicas', set + hpa('') + pdb('⟦"100%"⟧'));
    expectNone('pdb-hpa-min-replicas', set + hpa('minReplicas: 3, ') + pdb('2'));
  });
});

import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { kubectlSuite } from './test-helpers.ts';

/** One object of every kind real manifests use besides workloads, with the row `kubectl get` prints for it. */
const objects: { kind: string; resource: string; yaml: string; row: RegExp }[] = [
  { kind: 'Ingress', resource: 'ingress', row: /^web\s+nginx\s+web\.example\.com\s+80, 443\s+\d+s$/, yaml: `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: {name: web, namespace: default}
spec:
  ingressClassName: nginx
  tls: [{hosts: [web.example.com], secretName: web-tls}]
  rules:
  - host: web.example.com
    http: {paths: [{path: /, pathType: Prefix, backend: {service: {name: web, port: {number: 80}}}}]}` },
  { kind: 'IngressClass', resource: 'ingressclass', row: /^nginx\s+k8s\.io\/ingress-nginx\s+<none>\s+\d+s$/, yaml: `apiVersion: networking.k8s.io/v1
kind: IngressClass
metadata: {name: nginx}
spec: {controller: k8s.io/ingress-nginx}` },
  { kind: 'NetworkPolicy', resource: 'netpol', row: /^deny\s+app=web\s+\d+s$/, yaml: `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: deny, namespace: default}
spec: {podSelector: {matchLabels: {app: web}}, policyTypes: [Ingress]}` },
  { kind: 'Role', resource: 'role', row: /^reader\s+\d{4}-\d\d-\d\dT/, yaml: `apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata: {name: reader, namespace: default}
rules: [{apiGroups: [''], resources: [pods], verbs: [get, list]}]` },
  { kind: 'RoleBinding', resource: 'rolebinding', row: /^read-pods\s+Role\/reader\s+\d+s$/, yaml: `apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata: {name: read-pods, namespace: default}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: reader}
subjects: [{kind: User, name: jane}, {kind: ServiceAccount, name: default, namespace: default}]` },
  { kind: 'ClusterRole', resource: 'clusterrole', row: /^node-reader\s+\d{4}-/, yaml: `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata: {name: node-reader}
rules: [{apiGroups: [''], resources: [nodes], verbs: [get]}]` },
  { kind: 'ClusterRoleBinding', resource: 'clusterrolebinding', row: /^read-nodes\s+ClusterRole\/node-reader\s+\d+s$/, yaml: `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata: {name: read-nodes}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: node-reader}
subjects: [{kind: Group, name: ops}]` },
  { kind: 'HorizontalPodAutoscaler', resource: 'hpa', row: /^web\s+Deployment\/web\s+cpu: (<unknown>|\d+%)\/60%\s+2\s+5\s+\d+\s+\d+s$/, yaml: `apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata: {name: web, namespace: default}
spec:
  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}
  minReplicas: 2
  maxReplicas: 5
  metrics: [{type: Resource, resource: {name: cpu, target: {type: Utilization, averageUtilization: 60}}}]` },
  { kind: 'PodDisruptionBudget', resource: 'pdb', row: /^web\s+1\s+N\/A\s+\d+\s+\d+s$/, yaml: `apiVersion: policy/v1
kind: PodDisruptionBudget
metadata: {name: web, namespace: default}
spec: {minAvailable: 1, selector: {matchLabels: {app: web}}}` },
  { kind: 'ServiceAccount', resource: 'sa', row: /^builder\s+0\s+\d+s$/, yaml: `apiVersion: v1
kind: ServiceAccount
metadata: {name: builder, namespace: default}` },
  { kind: 'PersistentVolumeClaim', resource: 'pvc', row: /^data\s+Pending\s+standard\s+<unset>\s+\d+s$/, yaml: `apiVersion: v1
kind: PersistentVolumeClaim
metadata: {name: data, namespace: default}
spec: {accessModes: [ReadWriteOnce], storageClassName: standard, resources: {requests: {storage: 1Gi}}}` },
  { kind: 'PersistentVolume', resource: 'pv', row: /^pv-1\s+5Gi\s+RWO\s+Retain\s+Available\s+standard\s+<unset>\s+\d+s$/, yaml: `apiVersion: v1
kind: PersistentVolume
metadata: {name: pv-1}
spec: {capacity: {storage: 5Gi}, accessModes: [ReadWriteOnce], storageClassName: standard, hostPath: {path: /data}}` },
  { kind: 'Endpoints', resource: 'endpoints', row: /^external\s+10\.1\.2\.3:5432\s+\d+s$/, yaml: `apiVersion: v1
kind: Endpoints
metadata: {name: external, namespace: default}
subsets: [{addresses: [{ip: 10.1.2.3}], ports: [{port: 5432}]}]` },
  { kind: 'ResourceQuota', resource: 'quota', row: /^compute\s+\d+s\s+requests\.cpu: 0\/4\s+limits\.cpu: 0\/8$/, yaml: `apiVersion: v1
kind: ResourceQuota
metadata: {name: compute, namespace: default}
spec: {hard: {requests.cpu: '4', limits.cpu: '8'}}` },
  { kind: 'LimitRange', resource: 'limits', row: /^defaults\s+\d{4}-/, yaml: `apiVersion: v1
kind: LimitRange
metadata: {name: defaults, namespace: default}
spec: {limits: [{type: Container, default: {cpu: 500m}, defaultRequest: {cpu: 100m}}]}` },
  { kind: 'StorageClass', resource: 'sc', row: /^standard \(default\)\s+example\.com\/disk\s+Delete\s+WaitForFirstConsumer\s+true\s+\d+s$/, yaml: `apiVersion: storage.k8s.io/v1
kind: StorageClass
metadata: {name: standard, annotations: {storageclass.kubernetes.io/is-default-class: 'true'}}
provisioner: example.com/disk
volumeBindingMode: WaitForFirstConsumer
allowVolumeExpansion: true` },
  { kind: 'PriorityClass', resource: 'pc', row: /^high\s+100000\s+false\s+\d+s\s+PreemptLowerPriority$/, yaml: `apiVersion: scheduling.k8s.io/v1
kind: PriorityClass
metadata: {name: high}
value: 100000` },
  { kind: 'EndpointSlice', resource: 'endpointslice', row: /^external-1\s+IPv4\s+5432\s+10\.1\.2\.3\s+\d+s$/, yaml: `apiVersion: discovery.k8s.io/v1
kind: EndpointSlice
metadata: {name: external-1, namespace: default, labels: {kubernetes.io/service-name: external}}
addressType: IPv4
ports: [{port: 5432}]
endpoints: [{addresses: [10.1.2.3]}]` },
];

describe('the real kubectl applies, gets and describes every common kind', () => {
  const suite = kubectlSuite('/usr/bin/kubectl', { nodes: 1, pods: 0, log: () => undefined });
  const { ok, run } = suite;

  it('apply -f creates each one', async () => {
    const file = join(suite.home, 'kinds.yaml');
    await writeFile(file, objects.map((each) => each.yaml).join('\n---\n'));
    const output = await ok('apply', '-f', file);
    assert.equal(output.trim().split('\n').length, objects.length, output);
    assert.ok(output.trim().split('\n').every((line) => line.endsWith(' created')), output);
    const again = await ok('apply', '-f', file);
    // Lists the server defaults into (ports' protocol) and PDB's replace-strategy selector make a patch, as against a real server.
    assert.ok(again.trim().split('\n').every((line) => / (unchanged|configured)$/.test(line)), again);
    assert.match(again, /^ingress\.networking\.k8s\.io\/web unchanged$/m);
    assert.match(again, /^rolebinding\.rbac\.authorization\.k8s\.io\/read-pods unchanged$/m);
  });

  for (const each of objects) {
    it(`get and describe ${each.kind}`, async () => {
      const lines = (await ok('get', each.resource)).trim().split('\n');
      const row = lines.find((line) => each.row.test(line));
      assert.ok(row !== undefined, `no row like ${String(each.row)} in:\n${lines.join('\n')}`);
      const name = row.split(/\s+/)[0] ?? '';
      assert.match(await ok('describe', each.resource, name), new RegExp(`Name:\\s+${name}`));
    });
  }

  it('every namespace has a default ServiceAccount; create serviceaccount and create token work', async () => {
    assert.match(await ok('get', 'sa', 'default', '-n', 'kube-system'), /^default\s+0\s+\S+$/m);
    assert.match(await ok('create', 'namespace', 'fresh'), /namespace\/fresh created/);
    assert.match(await ok('wait', '--for=create', 'serviceaccount/default', '-n', 'fresh', '--timeout=10s'), /condition met/);
    assert.match(await ok('create', 'serviceaccount', 'robot'), /serviceaccount\/robot created/);
    const token = (await ok('create', 'token', 'robot', '--duration=2h')).trim();
    assert.match(token, /^[A-Za-z0-9_-]{40,}$/);
    assert.notEqual((await ok('create', 'token', 'robot')).trim(), token);
    const short = await run('create', 'token', 'robot', '--duration=1m');
    assert.notEqual(short.code, 0);
    assert.match(short.stderr, /may not specify a duration less than 10 minutes/);
    assert.match((await run('create', 'token', 'nobody')).stderr, /NotFound|not found/);
  });

  it('api-resources lists every kind with its short names', async () => {
    const table = await ok('api-resources');
    for (const line of [
      /^ingresses\s+ing\s+networking\.k8s\.io\/v1\s+true\s+Ingress$/m,
      /^ingressclasses\s+networking\.k8s\.io\/v1\s+false\s+IngressClass$/m,
      /^networkpolicies\s+netpol\s+networking\.k8s\.io\/v1\s+true\s+NetworkPolicy$/m,
      /^clusterrolebindings\s+rbac\.authorization\.k8s\.io\/v1\s+false\s+ClusterRoleBinding$/m,
      /^horizontalpodautoscalers\s+hpa\s+autoscaling\/v2\s+true\s+HorizontalPodAutoscaler$/m,
      /^poddisruptionbudgets\s+pdb\s+policy\/v1\s+true\s+PodDisruptionBudget$/m,
      /^persistentvolumeclaims\s+pvc\s+v1\s+true\s+PersistentVolumeClaim$/m,
      /^persistentvolumes\s+pv\s+v1\s+false\s+PersistentVolume$/m,
      /^endpoints\s+ep\s+v1\s+true\s+Endpoints$/m,
      /^resourcequotas\s+quota\s+v1\s+true\s+ResourceQuota$/m,
      /^limitranges\s+limits\s+v1\s+true\s+LimitRange$/m,
      /^storageclasses\s+sc\s+storage\.k8s\.io\/v1\s+false\s+StorageClass$/m,
      /^priorityclasses\s+pc\s+scheduling\.k8s\.io\/v1\s+false\s+PriorityClass$/m,
      /^endpointslices\s+discovery\.k8s\.io\/v1\s+true\s+EndpointSlice$/m,
      /^serviceaccounts\s+sa\s+v1\s+true\s+ServiceAccount$/m,
    ]) assert.match(table, line);
  });
});

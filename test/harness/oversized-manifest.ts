// A manifest of a Deployment the simulated cluster seeded, requesting far more than the sim's usage
// profiles ever use, so the allocator has a request-suggestion and a hover to show for it. Otherwise
// clean (probes, security context, a memory limit), so that suggestion is its only finding.
import { mkdirSync, writeFileSync } from 'node:fs';
import { AppsV1Api, KubeConfig } from '@kubernetes/client-node';

/** The container name the seed gives every Deployment; those the checks deploy themselves name theirs otherwise. */
const SEEDED_CONTAINER = 'main';

/** Reads the Deployments through the sim's API, writes `right-sizing/<name>.yaml` into `workspace` and returns that relative path. */
export async function writeOversizedManifest(kubeconfigPath: string, workspace: string): Promise<string> {
  const config = new KubeConfig();
  config.loadFromFile(kubeconfigPath);
  const { items } = await config.makeApiClient(AppsV1Api).listDeploymentForAllNamespaces();
  const seeded = items.find((item) => item.spec?.template.spec?.containers.some((container) => container.name === SEEDED_CONTAINER));
  const name = seeded?.metadata?.name;
  const namespace = seeded?.metadata?.namespace;
  if (name === undefined || namespace === undefined) throw new Error(`no seeded Deployment among ${items.length} in the simulated cluster`);
  const path = `right-sizing/${name}.yaml`;
  mkdirSync(`${workspace}/right-sizing`, { recursive: true });
  writeFileSync(
    `${workspace}/${path}`,
    [
      'apiVersion: apps/v1',
      'kind: Deployment',
      'metadata:',
      `  name: ${name}`,
      `  namespace: ${namespace}`,
      `  labels: {app: ${name}}`,
      'spec:',
      '  replicas: 3',
      `  selector: {matchLabels: {app: ${name}}}`,
      '  template:',
      `    metadata: {labels: {app: ${name}}}`,
      '    spec:',
      '      automountServiceAccountToken: false',
      '      containers:',
      `      - name: ${SEEDED_CONTAINER}`,
      '        image: nginx:1.27',
      '        ports: [{name: http, containerPort: 8080}]',
      '        securityContext:',
      '          runAsNonRoot: true',
      '          allowPrivilegeEscalation: false',
      '          readOnlyRootFilesystem: true',
      '          capabilities: {drop: [ALL]}',
      '        livenessProbe: {httpGet: {path: /healthz, port: http}}',
      '        readinessProbe: {httpGet: {path: /ready, port: http}}',
      '        resources:',
      '          requests:',
      '            cpu: "4"',
      '            memory: 8Gi',
      '          limits:',
      '            memory: 8Gi',
      '',
    ].join('\n'),
  );
  return path;
}

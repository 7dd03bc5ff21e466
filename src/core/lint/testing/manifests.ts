/** Test support: small manifests to embed `⟦…⟧`-marked snippets in. Indentation: container fields at 8 spaces. */
export function deployment(containerFields: string, options: { podFields?: string; specFields?: string; name?: string } = {}): string {
  return [
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata:',
    `  name: ${options.name ?? 'web'}`,
    '  namespace: shop',
    'spec:',
    options.specFields ?? '  replicas: 2',
    '  selector:',
    '    matchLabels: {app: web}',
    '  template:',
    '    metadata:',
    '      labels: {app: web}',
    '    spec:',
    ...(options.podFields === undefined ? [] : [options.podFields]),
    '      containers:',
    '      - name: app',
    containerFields,
    '',
  ].join('\n');
}

/** A container that passes every container-level rule, to which a test adds or changes one thing. */
export const goodContainer = [
  '        image: nginx:1.27',
  '        resources:',
  '          requests: {cpu: 100m, memory: 64Mi}',
  '          limits: {memory: 128Mi}',
  '        securityContext:',
  '          runAsNonRoot: true',
  '          allowPrivilegeEscalation: false',
  '          readOnlyRootFilesystem: true',
  '          capabilities: {drop: [ALL]}',
  '        livenessProbe: {httpGet: {path: /, port: 8080}}',
  '        readinessProbe: {httpGet: {path: /, port: 8080}}',
].join('\n');

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

/** One change to fixturePod. */
export interface PodChange {
  /** Lines under `spec:` (2 spaces), replacing the pod securityContext when they set one. */
  readonly pod?: string;
  /** The container's securityContext flow mapping, replacing the compliant one. */
  readonly container?: string;
  /** Lines under the container (4 spaces). */
  readonly containerFields?: string;
  readonly annotations?: string;
}

const podSecurity = '  securityContext: {runAsNonRoot: true, seccompProfile: {type: RuntimeDefault}}';
const containerSecurity = '{allowPrivilegeEscalation: false, capabilities: {drop: [ALL]}}';

/** A Pod that every Pod Security level admits, with one change (Pod Security tests). */
export function fixturePod(change: PodChange = {}): string {
  const pod = change.pod ?? '';
  return [
    'apiVersion: v1',
    'kind: Pod',
    'metadata:',
    '  name: p',
    '  namespace: shop',
    ...(change.annotations === undefined ? [] : [`  annotations: {${change.annotations}}`]),
    'spec:',
    ...(pod.includes('securityContext:') ? [] : [podSecurity]),
    ...(pod === '' ? [] : [pod]),
    '  containers:',
    '  - name: app',
    '    image: nginx:1.27',
    `    securityContext: ${change.container ?? containerSecurity}`,
    ...(change.containerFields === undefined ? [] : [change.containerFields]),
    '',
  ].join('\n');
}

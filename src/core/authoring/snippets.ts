import type { Range } from '../yaml/types.ts';
import type { CompletionEntry } from './completion.ts';
import type { VersionSchema } from './schema-data.ts';

/**
 * New-object snippets for an empty document. Each lints clean at the default profile (snippets.test.ts
 * lints them with their placeholders' defaults): the pod template is hardened as the commands' builders
 * are (requests and a memory limit, probes on a named port, restricted security context).
 */
interface Snippet {
  readonly kind: string;
  readonly apiVersion: string;
  readonly body: string;
}

/** `${n:text}` placeholders, `$0` the final cursor; `$` and `}` in defaults escaped as VS Code wants. */
function podTemplate(indent: string, restartPolicy: string | undefined, probes: boolean): string {
  const lines = [
    'metadata:',
    '  labels:',
    '    app.kubernetes.io/name: ${1:web}',
    'spec:',
    ...(restartPolicy === undefined ? [] : [`  restartPolicy: ${restartPolicy}`]),
    '  automountServiceAccountToken: false',
    ...(probes
      ? [
          // Replicas spread over nodes, softly, as the Deploy command's Deployments are.
          '  topologySpreadConstraints:',
          '    - maxSkew: 1',
          '      topologyKey: kubernetes.io/hostname',
          '      whenUnsatisfiable: ScheduleAnyway',
          '      labelSelector:',
          '        matchLabels:',
          '          app.kubernetes.io/name: ${1:web}',
        ]
      : []),
    '  securityContext:',
    '    runAsNonRoot: true',
    '    seccompProfile:',
    '      type: RuntimeDefault',
    '  containers:',
    '    - name: ${1:web}',
    '      image: ${2:nginx:1.27.3}',
    ...(probes
      ? [
          '      ports:',
          '        - name: http',
          '          containerPort: ${3:8080}',
          '      readinessProbe:',
          '        tcpSocket:',
          '          port: http',
          '        periodSeconds: 5',
          '      livenessProbe:',
          '        tcpSocket:',
          '          port: http',
          '        initialDelaySeconds: 10',
          '        periodSeconds: 10',
        ]
      : []),
    '      resources:',
    '        requests:',
    '          cpu: ${4:100m}',
    '          memory: ${5:128Mi}',
    '        limits:',
    '          memory: ${5:128Mi}',
    '      securityContext:',
    '        allowPrivilegeEscalation: false',
    '        readOnlyRootFilesystem: true',
    '        capabilities:',
    '          drop:',
    '            - ALL',
  ];
  return lines.map((line) => `${indent}${line}`).join('\n');
}

const metadata = 'metadata:\n  name: ${1:web}\n  namespace: ${8:apps}\n  labels:\n    app.kubernetes.io/name: ${1:web}';
const selector = (indent: string): string => `${indent}selector:\n${indent}  matchLabels:\n${indent}    app.kubernetes.io/name: \${1:web}`;
const pdb = `${metadata}\nspec:\n  maxUnavailable: 1\n${selector('  ')}`;

const snippets: readonly Snippet[] = [
  // Two replicas and the PodDisruptionBudget that keeps one of them through a drain.
  {
    kind: 'Deployment',
    apiVersion: 'apps/v1',
    body: `${metadata}\nspec:\n  replicas: \${6:2}\n${selector('  ')}\n  template:\n${podTemplate('    ', undefined, true)}\n---\napiVersion: policy/v1\nkind: PodDisruptionBudget\n${pdb}`,
  },
  { kind: 'Service', apiVersion: 'v1', body: `${metadata}\nspec:\n  selector:\n    app.kubernetes.io/name: \${1:web}\n  ports:\n    - name: http\n      port: \${2:80}\n      targetPort: http` },
  { kind: 'Job', apiVersion: 'batch/v1', body: `${metadata}\nspec:\n  backoffLimit: \${6:2}\n  activeDeadlineSeconds: \${7:600}\n  ttlSecondsAfterFinished: 3600\n  template:\n${podTemplate('    ', 'Never', false)}` },
  {
    kind: 'CronJob',
    apiVersion: 'batch/v1',
    body: `${metadata}\nspec:\n  schedule: "\${6:0 3 * * *}"\n  concurrencyPolicy: Forbid\n  jobTemplate:\n    spec:\n      backoffLimit: 2\n      activeDeadlineSeconds: 600\n      template:\n${podTemplate('        ', 'Never', false)}`,
  },
  { kind: 'ConfigMap', apiVersion: 'v1', body: `${metadata}\ndata:\n  \${2:key}: \${3:value}` },
  {
    kind: 'Ingress',
    apiVersion: 'networking.k8s.io/v1',
    body: `${metadata}\nspec:\n  ingressClassName: \${2:nginx}\n  rules:\n    - host: \${3:web.example.com}\n      http:\n        paths:\n          - path: /\n            pathType: Prefix\n            backend:\n              service:\n                name: \${1:web}\n                port:\n                  name: http`,
  },
  {
    kind: 'HorizontalPodAutoscaler',
    apiVersion: 'autoscaling/v2',
    body: `${metadata}\nspec:\n  scaleTargetRef:\n    apiVersion: apps/v1\n    kind: Deployment\n    name: \${1:web}\n  minReplicas: \${2:2}\n  maxReplicas: \${3:5}\n  metrics:\n    - type: Resource\n      resource:\n        name: cpu\n        target:\n          type: Utilization\n          averageUtilization: \${4:70}`,
  },
  { kind: 'PodDisruptionBudget', apiVersion: 'policy/v1', body: pdb },
  {
    kind: 'NetworkPolicy',
    apiVersion: 'networking.k8s.io/v1',
    body: `${metadata}\nspec:\n  podSelector:\n    matchLabels:\n      app.kubernetes.io/name: \${1:web}\n  policyTypes:\n    - Ingress\n  ingress:\n    - from:\n        - podSelector: {}\n      ports:\n        - port: \${2:8080}`,
  },
  { kind: 'ServiceAccount', apiVersion: 'v1', body: `${metadata}\nautomountServiceAccountToken: false` },
  {
    kind: 'PersistentVolumeClaim',
    apiVersion: 'v1',
    body: `${metadata}\nspec:\n  accessModes:\n    - ReadWriteOnce\n  resources:\n    requests:\n      storage: \${2:1Gi}`,
  },
];

/** The snippet text of each kind, `apiVersion` and `kind` first. */
export function snippetTexts(): { kind: string; apiVersion: string; text: string }[] {
  return snippets.map((snippet) => ({ kind: snippet.kind, apiVersion: snippet.apiVersion, text: `apiVersion: ${snippet.apiVersion}\nkind: ${snippet.kind}\n${snippet.body}\n$0` }));
}

/** Completion entries for a new object of each kind this version serves. */
export function objectSnippets(range: Range, schema: VersionSchema): CompletionEntry[] {
  return snippetTexts()
    .filter(({ kind, apiVersion }) => schema.kinds.has(`${apiVersion} ${kind}`))
    .map(({ kind, text }, index) => ({
      label: `new ${kind}`,
      kind: 'snippet' as const,
      detail: `a ${kind} that lints clean`,
      documentation: undefined,
      insertText: text,
      snippet: true,
      retrigger: false,
      range,
      sortText: `9${String(index).padStart(2, '0')}`,
    }));
}

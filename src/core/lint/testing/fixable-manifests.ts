// Test support: manifests that make every rule with a quick fix fire, in the layouts that edits get
// wrong: keys after a sequence dash, flow mappings, CRLF, no final line break, deep templates (CronJob),
// List items.
import type { ClusterFacts } from '../types.ts';

export interface FixableManifest {
  readonly name: string;
  readonly text: string;
  readonly cluster?: ClusterFacts;
}

const workload = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: shop
spec:
  replica: 3
  replicas: 2
  selector: {matchLabels: {app: web}}
  template:
    metadata:
      labels: {app: web}
    spec:
      serviceAccount: default
      hostNetwork: true
      hostPID: true
      hostIPC: true
      containers:
      - nme: app
        name: app
        image: nginx
        securityContext:
          privileged: true
          runAsNonRoot: false
      - name: sidecar # comment kept
        image: busybox:latest
        resources:
          requests:
            memory: 1Gi
---
apiVersion: policy/v1beta1
kind: PodDisruptionBudget
metadata: {name: web, namespace: shop}
spec: {maxUnavailable: 1, selector: {matchLabels: {app: web}}}
`;

const typos = `apiVersion: v1
kind: Pod
metadata:
  name: typo
  namespace: shop
spec:
  automountServiceAccountToken: false
  securityContext: {seccompProfile: {type: RuntimeDefault}}
  # The rename reveals what was hidden under the typo, which would count as new findings: nothing here.
  contianers:
  - name: app
    image: nginx:1.27
    resources: {requests: {cpu: 100m, memory: 64Mi}, limits: {cpu: 100m, memory: 128Mi}}
    securityContext: {runAsNonRoot: true, allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: {drop: [ALL]}}
    livenessProbe: {httpGet: {path: /, port: 8080}}
    readinessProbe: {httpGet: {path: /, port: 8080}}
---
apiVersion: apps/v1
kind: StatefulSet
metadata: {name: db, namespace: shop}
spec:
  replica: three
  serviceName: db
  selector: {matchLabels: {app: db}, matchLabel: {app: db}}
  template:
    metadata: {labels: {app: db}}
    spec:
      automountServiceAccountToken: false
      containers:
      - name: db
        image: postgres:17
        imagePullPolicys: Always
        imagePulPolicy: Always
        resources: {requests: {cpu: 100m, memory: 64Mi}, limits: {memory: 128Mi}}
        securityContext: {runAsNonRoot: true, allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: {drop: [ALL]}}
`;

const deprecated = `apiVersion: extensions/v1beta1
kind: Deployment
metadata:
  name: legacy
  namespace: shop
spec:
  replicas: 2
  template:
    metadata:
      labels:
        app.kubernetes.io/name: legacy
        tier: "1"
    spec:
      containers:
      - name: app
        image: nginx:1.27
---
apiVersion: apps/v1beta2
kind: DaemonSet
metadata: {name: agent, namespace: shop}
spec:
  selector: {matchLabels: {app: agent}}
  template:
    metadata: {labels: {app: agent}}
    spec:
      containers: [{name: agent, image: "agent:2"}]
---
apiVersion: extensions/v1beta1
kind: Ingress
metadata: {name: web, namespace: shop}
spec:
  rules:
  - http:
      paths:
      - path: /
        backend: {serviceName: web, servicePort: 80}
---
apiVersion: batch/v1beta1
kind: CronJob
metadata: {name: nightly, namespace: shop}
spec:
  schedule: "0 3 * * *"
  jobTemplate:
    spec:
      template:
        spec:
          restartPolicy: OnFailure
          hostPID: true
          containers:
          - name: task
            image: busybox
            securityContext:
              allowPrivilegeEscalation: true`;

const list = `apiVersion: v1
kind: List
items:
- apiVersion: v1
  kind: Pod
  metadata: {name: one, namespace: shop}
  spec:
    serviceAccount: builder
    serviceAccountName: builder
    containers:
    - image: redis
      name: cache
      resources:
        limits: {cpu: "1"}
`;

const suggested = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: api
  namespace: shop
spec:
  selector:
    matchLabels: {app: api}
  template:
    metadata:
      labels: {app: api}
    spec:
      containers:
      - name: api
        image: api:1.0
        resources:
          requests:
            cpu: "2"
`;

// The namespace's enforce label holds the workload to restricted without a profile.
const restricted = `apiVersion: v1
kind: Namespace
metadata:
  name: secure
  labels: {pod-security.kubernetes.io/enforce: restricted}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: locked, namespace: secure}
spec:
  replicas: 3
  selector: {matchLabels: {app: locked}}
  template:
    metadata: {labels: {app: locked}}
    spec:
      hostIPC: true
      initContainers:
      - name: init
        image: busybox:1.36
        securityContext:
          capabilities: {drop: [NET_RAW]}
      containers:
      - name: app
        image: nginx:1.27
      - name: root
        image: nginx:1.27
        securityContext:
          privileged: true
          runAsUser: 0`;

const cluster: ClusterFacts = {
  suggestions: [
    {
      kind: 'Deployment',
      namespace: 'shop',
      name: 'api',
      container: 'api',
      requests: { cpu: '250m', memory: '300Mi' },
      lowerBound: { cpu: '200m', memory: '256Mi' },
      upperBound: { cpu: '500m', memory: '512Mi' },
    },
  ],
};

export const fixableManifests: readonly FixableManifest[] = [
  { name: 'workload.yaml', text: workload },
  { name: 'workload-crlf.yaml', text: workload.replaceAll('\n', '\r\n') },
  { name: 'typos.yaml', text: typos },
  { name: 'deprecated.yaml', text: deprecated },
  { name: 'list.yaml', text: list },
  { name: 'suggested.yaml', text: suggested, cluster },
  { name: 'restricted.yaml', text: restricted },
  { name: 'restricted-crlf.yaml', text: restricted.replaceAll('\n', '\r\n') },
];

/**
 * The initial cluster: system namespaces, `nodes` healthy nodes with their Leases, and `pods`
 * running pods owned by Deployments of 3–30 replicas in a few namespaces, each with a usage profile
 * (and, with `tasks`, a Job and a CronJob whose pods come on top).
 * Written straight into the store (already bound and Running) so 150,000 pods load in seconds;
 * the controllers then find everything consistent. The layout is a function of `seed`.
 */
import { randomUUID } from 'node:crypto';
import type { SimClock } from './clock.ts';
import type { Types } from './controllers/types.ts';
import { leaseDurationSeconds, leaseNamespace, nodeConditions } from './controllers/kubelet.ts';
import { startedStatus } from './controllers/pod-status.ts';
import { behaviourAnnotations, profiles } from './controllers/pod-behaviour.ts';
import { applyDefaults } from './defaults.ts';
import { stableHash } from './names.ts';
import type { Deployment, KubeObject, Node, Pod, PodStatus } from './objects.ts';
import type { Store } from './store.ts';

export interface SeedOptions {
  readonly nodes: number;
  readonly pods: number;
  readonly seed: number;
  /** Also a Job and a CronJob (the demo's tasks). */
  readonly tasks: boolean;
}

/** The kubelet's --max-pods default. */
const maxPodsPerNode = 110;

/** Three node sizes, every third node of each, so capacity views have something to compare. */
const shapes = [
  { type: 'sim.large', cores: 8, memoryGi: 32 },
  { type: 'sim.xlarge', cores: 16, memoryGi: 64 },
  { type: 'sim.medium', cores: 4, memoryGi: 16 },
] as const;

/** Allocatable CPU in millicores, as node() writes it (capacity less 90m reserved for system daemons). */
function allocatableMillis(node: Node): number {
  return Number((node.status.allocatable?.cpu ?? '0m').replace('m', ''));
}
const workloadNamespaces = ['team-a', 'team-b', 'team-c', 'batch'];
const images = ['nginx:1.27', 'redis:7.4', 'ghcr.io/acme/api:2.3.1', 'ghcr.io/acme/worker:1.9.0', 'postgres:17'];

/** mulberry32: a tiny seeded generator, so `--seed` reproduces a layout. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = Math.imul(state ^ (state >>> 15), 1 | state);
    value = (value + Math.imul(value ^ (value >>> 7), 61 | value)) ^ value;
    return ((value ^ (value >>> 14)) >>> 0) / 2 ** 32;
  };
}

/** 32 hex digits fixed by the node's index and purpose: a machine-id, and with dashes a UUID, as kubelet reports them. */
function nodeId(index: number, purpose: number): string {
  const next = random(index * 4 + purpose);
  return Array.from({ length: 4 }, () => Math.floor(next() * 2 ** 32).toString(16).padStart(8, '0')).join('');
}

function uuidForm(hex: string): string {
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

function namespace(name: string): KubeObject {
  return { apiVersion: 'v1', kind: 'Namespace', metadata: { name, labels: { 'kubernetes.io/metadata.name': name } }, spec: { finalizers: ['kubernetes'] }, status: { phase: 'Active' } };
}

function node(index: number, width: number, now: string): Node {
  const name = `node-${String(index + 1).padStart(width, '0')}`;
  const shape = shapes[index % shapes.length] ?? shapes[0];
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: {
      name,
      labels: {
        'kubernetes.io/hostname': name,
        'kubernetes.io/os': 'linux',
        'kubernetes.io/arch': 'amd64',
        'node.kubernetes.io/instance-type': shape.type,
        'topology.kubernetes.io/zone': `zone-${'abc'[index % 3] ?? 'a'}`,
      },
    },
    spec: { podCIDR: `10.${64 + Math.floor(index / 256)}.${index % 256}.0/24` },
    status: {
      capacity: { cpu: String(shape.cores), memory: `${shape.memoryGi}Gi`, pods: String(maxPodsPerNode), 'ephemeral-storage': '100Gi' },
      allocatable: { cpu: `${shape.cores * 1000 - 90}m`, memory: `${shape.memoryGi - 1}Gi`, pods: String(maxPodsPerNode), 'ephemeral-storage': '95Gi' },
      conditions: nodeConditions([], now),
      addresses: [
        { type: 'InternalIP', address: `10.0.${Math.floor(index / 250)}.${(index % 250) + 5}` },
        { type: 'Hostname', address: name },
      ],
      nodeInfo: {
        // Clients that type the object (the Python client's V1NodeSystemInfo) require all ten fields.
        machineID: nodeId(index, 1),
        systemUUID: uuidForm(nodeId(index, 2)),
        bootID: uuidForm(nodeId(index, 3)),
        kubeletVersion: 'v1.32.0',
        kubeProxyVersion: 'v1.32.0',
        osImage: 'Debian GNU/Linux 12 (bookworm)',
        kernelVersion: '6.1.0-28-amd64',
        containerRuntimeVersion: 'containerd://1.7.24',
        operatingSystem: 'linux',
        architecture: 'amd64',
      },
    },
  };
}

/** Places pods round-robin over the nodes, skipping full ones (CPU requests and the pod limit). */
class Placer {
  private next = 0;
  private readonly cpu: number[];
  private readonly count: number[];
  private readonly nodes: readonly Node[];

  constructor(nodes: readonly Node[]) {
    this.nodes = nodes;
    this.cpu = nodes.map(() => 0);
    this.count = nodes.map(() => 0);
  }

  place(cpuMillis: number): Node | undefined {
    for (let tried = 0; tried < this.nodes.length; tried += 1) {
      const index = (this.next + tried) % this.nodes.length;
      const node = this.nodes[index];
      if (node !== undefined && (this.count[index] ?? 0) < maxPodsPerNode && (this.cpu[index] ?? 0) + cpuMillis <= allocatableMillis(node)) {
        this.next = index + 1;
        this.count[index] = (this.count[index] ?? 0) + 1;
        this.cpu[index] = (this.cpu[index] ?? 0) + cpuMillis;
        return this.nodes[index];
      }
    }
    return undefined;
  }
}

/** Five characters of the generateName alphabet, distinct per index (27^5 pods per ReplicaSet). */
function podSuffix(index: number): string {
  const alphabet = 'bcdfghjklmnpqrstvwxz2456789';
  let text = '';
  for (let value = index, digit = 0; digit < 5; digit += 1, value = Math.floor(value / alphabet.length)) text = (alphabet[value % alphabet.length] ?? 'b') + text;
  return text;
}

function seedDeployment(store: Store, types: Types, placer: Placer, spec: { name: string; namespace: string; replicas: number; cpu: number; memoryMi: number; image: string; profile: string }, now: string): void {
  const labels = { app: spec.name };
  const deployment = {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: spec.name, namespace: spec.namespace, uid: randomUUID(), labels },
    spec: {
      replicas: spec.replicas,
      selector: { matchLabels: labels },
      template: {
        metadata: { labels, annotations: { [behaviourAnnotations.profile]: spec.profile } },
        spec: { containers: [{ name: 'main', image: spec.image, resources: { requests: { cpu: `${spec.cpu}m`, memory: `${spec.memoryMi}Mi` }, limits: { memory: `${spec.memoryMi * 2}Mi` } } }] },
      },
    },
  } as Deployment;
  applyDefaults(types.deployment, deployment, { allocateIp: () => '' });
  const hash = stableHash(JSON.stringify(deployment.spec.template));
  const rsName = `${spec.name}-${hash}`;
  const rsLabels = { ...labels, 'pod-template-hash': hash };
  const revision = { 'deployment.kubernetes.io/revision': '1' };
  const available = { replicas: spec.replicas, readyReplicas: spec.replicas, availableReplicas: spec.replicas };
  const storedDeployment = store.create(types.deployment, { ...deployment, metadata: { ...deployment.metadata, annotations: revision }, status: { observedGeneration: 1, updatedReplicas: spec.replicas, ...available } });
  const owner = (object: KubeObject, kind: string, apiVersion: string): { apiVersion: string; kind: string; name: string; uid: string; controller: boolean; blockOwnerDeletion: boolean } => ({
    apiVersion, kind, name: object.metadata.name ?? '', uid: object.metadata.uid ?? '', controller: true, blockOwnerDeletion: true,
  });
  const template = { ...deployment.spec.template, metadata: { ...deployment.spec.template.metadata, labels: rsLabels } };
  const replicaSet = store.create(types.replicaSet, {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: { name: rsName, namespace: spec.namespace, labels: rsLabels, annotations: { ...revision, 'deployment.kubernetes.io/desired-replicas': String(spec.replicas) }, ownerReferences: [owner(storedDeployment, 'Deployment', 'apps/v1')], generation: 1 },
    spec: { replicas: spec.replicas, selector: { matchLabels: rsLabels }, template },
    status: { ...available, fullyLabeledReplicas: spec.replicas, observedGeneration: 1 },
  });
  const ownerReferences = [owner(replicaSet, 'ReplicaSet', 'apps/v1')];
  // One started status per ReplicaSet, shared by its pods but for their addresses: 150,000 pods
  // otherwise make millions of small objects for the garbage collector.
  let shared: PodStatus | undefined;
  for (let index = 0; index < spec.replicas; index += 1) {
    const target = placer.place(spec.cpu);
    const pod: Pod = {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: `${rsName}-${podSuffix(index)}`, namespace: spec.namespace, uid: randomUUID(), labels: rsLabels, annotations: template.metadata.annotations, ownerReferences },
      // Stored objects are never mutated (writers clone first), so pods of a ReplicaSet share their template's parts.
      spec: { ...template.spec, ...(target === undefined ? {} : { nodeName: target.metadata.name }) },
      status: { phase: 'Pending', qosClass: 'Burstable' },
    };
    if (target !== undefined) {
      const prefix = (target.spec.podCIDR ?? '10.64.0.0/24').split('.').slice(0, 3).join('.');
      shared ??= startedStatus(pod, false, now, '', '');
      pod.status = { ...shared, hostIP: target.status.addresses?.[0]?.address ?? '', podIP: `${prefix}.${(index % 250) + 2}` };
    }
    store.create(types.pod, pod);
  }
}

/** A CronJob and a Job in the batch namespace, so a fresh cluster shows tasks too (the Job controller runs them). */
function seedTasks(store: Store, types: Types): void {
  const template = (exitCode: string): Record<string, unknown> => ({
    metadata: { annotations: { [behaviourAnnotations.exitCode]: exitCode, [behaviourAnnotations.runSeconds]: '20' } },
    spec: { restartPolicy: 'Never', containers: [{ name: 'task', image: 'ghcr.io/acme/worker:1.9.0', resources: { requests: { cpu: '100m', memory: '128Mi' } } }] },
  });
  const job = { apiVersion: 'batch/v1', kind: 'Job', metadata: { name: 'db-migration', namespace: 'batch', uid: randomUUID() }, spec: { completions: 3, parallelism: 1, backoffLimit: 2, template: template('0') } };
  applyDefaults(types.job, job, { allocateIp: () => '' });
  store.create(types.job, job);
  const cronJob = {
    apiVersion: 'batch/v1',
    kind: 'CronJob',
    metadata: { name: 'nightly-report', namespace: 'batch', uid: randomUUID() },
    spec: { schedule: '*/5 * * * *', jobTemplate: { spec: { backoffLimit: 1, template: template('0') } } },
  };
  applyDefaults(types.cronJob, cronJob, { allocateIp: () => '' });
  store.create(types.cronJob, cronJob);
}

export function seedCluster(store: Store, types: Types, clock: SimClock, options: SeedOptions): void {
  const now = clock.timestamp();
  for (const name of ['default', 'kube-system', 'kube-public', leaseNamespace, ...(options.pods > 0 || options.tasks ? workloadNamespaces : [])]) store.create(types.namespace, namespace(name));
  const width = Math.max(4, String(options.nodes).length);
  const nodes: Node[] = [];
  for (let index = 0; index < options.nodes; index += 1) {
    const stored = store.create(types.node, node(index, width, now)) as Node;
    nodes.push(stored);
    const name = stored.metadata.name ?? '';
    store.create(types.lease, {
      apiVersion: 'coordination.k8s.io/v1',
      kind: 'Lease',
      metadata: { name, namespace: leaseNamespace, ownerReferences: [{ apiVersion: 'v1', kind: 'Node', name, uid: stored.metadata.uid ?? '' }] },
      spec: { holderIdentity: name, leaseDurationSeconds, renewTime: clock.microTimestamp() },
    });
  }
  if (options.tasks) seedTasks(store, types);
  const next = random(options.seed);
  const placer = new Placer(nodes);
  let remaining = options.pods;
  for (let index = 0; remaining > 0; index += 1) {
    const replicas = Math.min(remaining, 3 + Math.floor(next() * 28));
    const profile = profiles[index % profiles.length] ?? 'steady';
    seedDeployment(store, types, placer, {
      name: `${profile}-app-${String(index + 1).padStart(4, '0')}`,
      namespace: workloadNamespaces[index % 3] ?? 'default',
      replicas,
      cpu: 50 + 25 * Math.floor(next() * 7),
      memoryMi: 64 * (1 + Math.floor(next() * 8)),
      image: images[index % images.length] ?? 'nginx:1.27',
      profile,
    }, now);
    remaining -= replicas;
  }
}

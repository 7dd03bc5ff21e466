/**
 * Three Deployments in `default` for the right-sizing guardrails (issue 19), each with a story:
 * `oom-demo`'s pods climb to their memory limit and are OOM-killed every hour; `hpa-demo` is scaled
 * by an autoscaling/v2 HPA on CPU utilisation; `vpa-demo` has a VerticalPodAutoscaler (the VPA's
 * CRD is served) whose status carries the cluster recommender's own recommendation. Created through
 * the store after start, so the controllers make their ReplicaSets and pods as for any Deployment.
 */
import { applyDefaults } from './defaults.ts';
import { behaviourAnnotations } from './controllers/pod-behaviour.ts';
import type { Types } from './controllers/types.ts';
import type { KubeObject } from './objects.ts';
import type { Catalog } from './resources.ts';
import type { Store } from './store.ts';

export const RIGHT_SIZING_NAMESPACE = 'default';
/** One kill an hour: a day of history holds 24. */
export const OOM_KILL_SECONDS = 3600;

const vpaCrd = {
  apiVersion: 'apiextensions.k8s.io/v1',
  kind: 'CustomResourceDefinition',
  metadata: { name: 'verticalpodautoscalers.autoscaling.k8s.io' },
  spec: {
    group: 'autoscaling.k8s.io',
    scope: 'Namespaced',
    names: { kind: 'VerticalPodAutoscaler', plural: 'verticalpodautoscalers', singular: 'verticalpodautoscaler', shortNames: ['vpa'], listKind: 'VerticalPodAutoscalerList' },
    versions: [{
      name: 'v1',
      served: true,
      storage: true,
      subresources: { status: {} },
      schema: { openAPIV3Schema: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true } },
      // The columns of the autoscaler project's own CRD, so `kubectl get vpa` prints what it prints on a real cluster.
      additionalPrinterColumns: [
        { name: 'Mode', type: 'string', jsonPath: '.spec.updatePolicy.updateMode' },
        { name: 'CPU', type: 'string', jsonPath: '.status.recommendation.containerRecommendations[0].target.cpu' },
        { name: 'Mem', type: 'string', jsonPath: '.status.recommendation.containerRecommendations[0].target.memory' },
        { name: 'Provided', type: 'string', jsonPath: ".status.conditions[?(@.type=='RecommendationProvided')].status" },
        { name: 'Age', type: 'date', jsonPath: '.metadata.creationTimestamp' },
      ],
    }],
  },
};

function deployment(name: string, replicas: number, requests: { cpu: string; memory: string }, memoryLimit: string, annotations: Record<string, string>): KubeObject {
  const labels = { app: name };
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, namespace: RIGHT_SIZING_NAMESPACE, labels },
    spec: {
      replicas,
      selector: { matchLabels: labels },
      template: {
        metadata: { labels, annotations: { [behaviourAnnotations.profile]: 'steady', ...annotations } },
        spec: { containers: [{ name: 'app', image: 'ghcr.io/acme/shop:2.4.1', resources: { requests, limits: { memory: memoryLimit } } }] },
      },
    },
  } as KubeObject;
}

const ref = (kind: string, name: string) => ({ apiVersion: 'apps/v1', kind, name });

export function seedRightSizing(store: Store, catalog: Catalog, types: Types): void {
  const create = (object: KubeObject): void => {
    const type = catalog.byKind(object.apiVersion ?? '', object.kind ?? '');
    if (type === undefined) throw new Error(`right-sizing demo: no served type for ${object.apiVersion ?? ''} ${object.kind ?? ''}`);
    applyDefaults(type, object, { allocateIp: () => '' });
    store.create(type, object);
  };
  store.create(types.crd, structuredClone(vpaCrd) as unknown as KubeObject);
  create(deployment('oom-demo', 3, { cpu: '100m', memory: '128Mi' }, '256Mi', { [behaviourAnnotations.oomKillSeconds]: String(OOM_KILL_SECONDS) }));
  create(deployment('hpa-demo', 2, { cpu: '200m', memory: '128Mi' }, '256Mi', {}));
  create({
    apiVersion: 'autoscaling/v2',
    kind: 'HorizontalPodAutoscaler',
    metadata: { name: 'hpa-demo', namespace: RIGHT_SIZING_NAMESPACE },
    spec: { scaleTargetRef: ref('Deployment', 'hpa-demo'), minReplicas: 2, maxReplicas: 6, metrics: [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 60 } } }] },
  } as KubeObject);
  create(deployment('vpa-demo', 2, { cpu: '500m', memory: '512Mi' }, '1Gi', {}));
  create({
    apiVersion: 'autoscaling.k8s.io/v1',
    kind: 'VerticalPodAutoscaler',
    metadata: { name: 'vpa-demo', namespace: RIGHT_SIZING_NAMESPACE },
    spec: { targetRef: ref('Deployment', 'vpa-demo'), updatePolicy: { updateMode: 'Off' } },
    // What a recommender that has watched for a day would say of the steady profile's 60% usage.
    status: {
      conditions: [{ type: 'RecommendationProvided', status: 'True', lastTransitionTime: new Date(0).toISOString() }],
      recommendation: { containerRecommendations: [{ containerName: 'app', target: { cpu: '350m', memory: '300Mi' }, lowerBound: { cpu: '300m', memory: '250Mi' }, upperBound: { cpu: '700m', memory: '600Mi' }, uncappedTarget: { cpu: '350m', memory: '300Mi' } }] },
    },
  } as KubeObject);
}

// A pod's effective request, as the scheduler computes it (k8s.io/component-helpers
// resource/helpers.go PodRequests): the sum of the app containers, against which every init
// container is compared (the pod needs the larger), sidecar init containers (restartPolicy Always)
// running on beside the others and so added to both, plus the RuntimeClass overhead.
import type { FitPod } from './fit-types.ts';
import { addResourceLists, maxResourceLists, sumResourceLists, type ResourceList } from './resource-list.ts';

export function podRequest(pod: FitPod): ResourceList {
  let total = sumResourceLists(pod.containers.map((container) => container.requests));
  let sidecars: ResourceList = {};
  let initPeak: ResourceList = {};
  for (const init of pod.initContainers ?? []) {
    let needed: ResourceList;
    if (init.restartPolicy === 'Always') {
      total = addResourceLists(total, init.requests);
      sidecars = addResourceLists(sidecars, init.requests);
      needed = sidecars;
    } else {
      needed = addResourceLists(init.requests, sidecars);
    }
    initPeak = maxResourceLists(initPeak, needed);
  }
  const request = maxResourceLists(total, initPeak);
  return pod.overhead === undefined ? request : addResourceLists(request, pod.overhead);
}

// The pod spec every command-built workload shares: one container with requests and a memory limit,
// hardened as the lint rules' security and resource checks ask (Pod Security "restricted"), so what
// the commands generate lints clean at the default profile.
type Manifest = Record<string, unknown>;

export interface Requests {
  readonly cpu: string;
  readonly memory: string;
}

/** What the request questions start from when there is no usage to go by. */
export const DEFAULT_REQUESTS: Requests = { cpu: '100m', memory: '128Mi' };

/** A read-only root filesystem leaves most programs one writable place: an emptyDir at /tmp. */
const SCRATCH = { name: 'tmp', mountPath: '/tmp' };

export function podSpec(container: Manifest, requests: Requests, extra: Manifest = {}): Manifest {
  return {
    ...extra,
    // The default service account's token is of no use to an app the user deploys from an image.
    automountServiceAccountToken: false,
    securityContext: { runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' } },
    containers: [
      {
        ...container,
        // A memory limit equal to the request: a container past it is OOM-killed instead of starving its node.
        resources: { requests: { cpu: requests.cpu, memory: requests.memory }, limits: { memory: requests.memory } },
        securityContext: { allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: { drop: ['ALL'] } },
        volumeMounts: [SCRATCH],
      },
    ],
    volumes: [{ name: SCRATCH.name, emptyDir: {} }],
  };
}

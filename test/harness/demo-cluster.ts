// The demo's cluster: the simulator with 50 nodes and 1,500 pods in a few namespaces (workloads with
// steady, diurnal, spiky and leaking usage), two Jobs (one succeeds, one keeps failing), and one node
// whose kubelet stops its heartbeat after a minute, so the Explorer shows it turn Unknown; the first
// Deployment of team-a has an Ingress, an HPA, a PDB, RBAC, storage, ... (showcase.ts), so every group
// of the Explorer has something to show; `default` holds the right-sizing demo (right-sizing-demo.ts),
// so the report shows an OOM floor, an HPA-held request and the cluster VPA's column.
import { behaviourAnnotations } from '../../src/sim/controllers/pod-behaviour.ts';
import { builtinTypes } from '../../src/sim/resources.ts';
import { seedShowcase } from '../../src/sim/showcase.ts';
import { startSim, type Sim } from '../../src/sim/sim.ts';

const jobType = builtinTypes.find((type) => type.plural === 'jobs');
const deploymentType = builtinTypes.find((type) => type.plural === 'deployments');
const SHOWCASE_NAMESPACE = 'team-a';
const HEARTBEAT_STOPS_AFTER_MS = 60_000;
const SILENT_NODE = 'node-0007';

function job(name: string, exitCode: number, completions: number): Parameters<Sim['store']['create']>[1] {
  return {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: { name, namespace: 'batch' },
    spec: {
      completions,
      parallelism: 2,
      backoffLimit: 2,
      template: {
        metadata: { annotations: { [behaviourAnnotations.exitCode]: String(exitCode), [behaviourAnnotations.runSeconds]: '20' } },
        spec: { restartPolicy: 'Never', containers: [{ name: 'task', image: 'ghcr.io/acme/worker:1.9.0' }] },
      },
    },
  };
}

export async function startDemoCluster(log: (line: string) => void): Promise<{ sim: Sim; stop(): Promise<void> }> {
  const sim = await startSim({ nodes: 50, pods: 1500, seed: 1, rightSizing: true, log });
  if (jobType !== undefined) {
    sim.store.create(jobType, job('nightly-report', 0, 4));
    sim.store.create(jobType, job('flaky-import', 1, 1));
  }
  const showcased = deploymentType === undefined ? undefined : sim.store.scan(deploymentType, { namespace: SHOWCASE_NAMESPACE }).next().value?.object.metadata.name;
  if (showcased !== undefined) seedShowcase(sim.store, SHOWCASE_NAMESPACE, showcased);
  const timer = setTimeout(() => {
    sim.applyFault({ type: 'stopHeartbeat', node: SILENT_NODE });
    log(`demo: ${SILENT_NODE} stopped its heartbeat; the Explorer shows it Unknown after the 50 s grace period`);
  }, HEARTBEAT_STOPS_AFTER_MS);
  return {
    sim,
    stop: async () => {
      clearTimeout(timer);
      await sim.close();
    },
  };
}

// Terminal round-trip latency (issue 16): one keystroke sent on a TTY exec session of the cluster
// service (client-node's WebSocket over TLS → the sim in its own process → the container's line
// discipline) until its echo comes back, as a user typing in the editor's terminal feels it.
// Target: median under 20 ms. Keys alternate a letter and a backspace so the line stays short.
import { loadKubeconfig } from '../../src/cluster/kubeconfig-loader.ts';
import { kubeconfigClient } from '../../src/cluster/kubeconfig-client.ts';
import { startExec } from '../../src/cluster/streams/exec.ts';
import type { Bench } from './report.ts';
import { startSimProcess } from './sim-process.ts';

const KEYSTROKES = 400;
const context = 'kube-workbench-sim';

const percentile = (sorted: readonly number[], fraction: number): number => sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * fraction) - 1)] ?? Number.NaN;

export const bench: Bench = {
  name: `terminal: ${KEYSTROKES} keystrokes echoed through a TTY exec session on the sim`,
  async run(report) {
    const sim = await startSimProcess(1, 2);
    try {
      const pods = await kubeconfigClient(sim.kubeconfigPath).request('/api/v1/pods', { verb: 'list', resource: 'pods' });
      if (!pods.ok) throw new Error(pods.error.message);
      const pod = (pods.value as { items: { metadata: { name: string; namespace: string }; spec: { containers: { name: string }[] } }[] }).items[0];
      if (pod === undefined) throw new Error('the sim has no pod');
      const loaded = loadKubeconfig([sim.kubeconfigPath]);
      if (!loaded.ok) throw new Error(loaded.error.message);
      let received = '';
      let waiting: { text: string; resolve: () => void } | undefined;
      const session = await startExec(loaded.value.forContext(context), { context, namespace: pod.metadata.namespace, pod: pod.metadata.name, container: pod.spec.containers[0]?.name ?? '' }, ['sh'], {
        tty: true,
        stdin: true,
        onStdout: (data) => {
          received += data.toString('utf8');
          if (waiting !== undefined && received.endsWith(waiting.text)) waiting.resolve();
        },
      });
      if (!session.ok) throw new Error(session.error.message);
      const echoOf = (key: string, echo: string): Promise<number> => {
        const started = performance.now();
        return new Promise((resolve, reject) => {
          const timer = setTimeout(() => reject(new Error(`no echo of ${JSON.stringify(key)} in 5 s`)), 5000);
          waiting = { text: echo, resolve: () => (clearTimeout(timer), resolve(performance.now() - started)) };
          if (received.endsWith(echo) && key === '') waiting.resolve();
          session.value.write(key);
        });
      };
      await echoOf('', '# ');
      const times: number[] = [];
      for (let index = 0; index < KEYSTROKES / 2; index += 1) {
        times.push(await echoOf('x', 'x'));
        times.push(await echoOf('\x7f', '\b \b'));
      }
      session.value.dispose();
      times.sort((left, right) => left - right);
      report({ name: 'keystroke round trip, median', value: percentile(times, 0.5), unit: 'ms', target: { op: '<', value: 20 } });
      report({ name: 'keystroke round trip, p99', value: percentile(times, 0.99), unit: 'ms' });
    } finally {
      sim.stop();
    }
  },
};

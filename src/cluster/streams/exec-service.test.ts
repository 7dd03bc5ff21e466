import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startSim, type Sim } from '../../sim/sim.ts';
import { createPods } from '../../sim/streams/exec-pods.ts';
import { call, errorOf, okValue } from '../../sim/test-helpers.ts';
import { loadKubeconfig } from '../kubeconfig-loader.ts';
import { ExecService } from './exec-service.ts';
import type { ExecTarget, StreamOptions } from './exec.ts';

const context = 'kube-workbench-sim';
let sim: Sim;
const target: ExecTarget = { context, namespace: 'default', pod: 'worker', container: 'main' };
const quiet: StreamOptions = { tty: false, stdin: false, onStdout: () => undefined };

before(async () => {
  sim = await startSim({ nodes: 1, log: () => undefined });
  await createPods(sim, 'default', [{ name: 'worker', image: 'nginx:1.27' }]);
  await call(sim, '/api/v1/namespaces', { method: 'POST', body: JSON.stringify({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'team-a' } }) });
  await createPods(sim, 'team-a', [{ name: 'worker', image: 'nginx:1.27' }]);
});
after(() => sim.close());

describe('the exec service', () => {
  it('closes the streams of a context that stops, and every stream on dispose', async () => {
    const service = new ExecService({ kubeconfig: () => loadKubeconfig([sim.kubeconfigPath]) });
    const first = okValue(await service.exec(target, ['sleep', '600'], quiet));
    const other = okValue(await service.exec({ ...target, context: 'kube-workbench-sim-team-a', namespace: 'team-a' }, ['sleep', '600'], quiet));
    service.stopContext(context);
    assert.deepEqual(await first.ended, { closed: true });
    assert.equal(await Promise.race([other.ended, new Promise((resolve) => setImmediate(() => resolve('open')))]), 'open');
    const second = okValue(await service.shell(target, { ...quiet, stdin: true, tty: true }));
    assert.equal(second.shell, 'bash');
    service.dispose();
    assert.deepEqual(await second.session.ended, { closed: true });
    assert.deepEqual(await other.ended, { closed: true });
  });

  it('answers an unknown context or an unreadable kubeconfig with an error', async () => {
    const service = new ExecService({ kubeconfig: () => loadKubeconfig([sim.kubeconfigPath]) });
    assert.match(errorOf(await service.exec({ ...target, context: 'nope' }, ['true'], quiet), 'an unknown context').message, /no context "nope"/);
    const broken = new ExecService({ kubeconfig: () => loadKubeconfig(['/nonexistent/kubeconfig']) });
    assert.equal(errorOf(await broken.copyFromPod(target, '/etc', '/tmp/x'), 'a missing kubeconfig').kind, 'kubeconfig');
  });
});

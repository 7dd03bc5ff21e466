import assert from 'node:assert/strict';
import { copyFile, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, it } from 'node:test';
import { accepts, deployEcho, ECHO_NAMESPACE } from '../sim/port-forward/echo-workload.ts';
import { startSim, type Sim } from '../sim/sim.ts';
import { ClusterService } from './cluster-service.ts';

const context = 'kube-workbench-sim';
let sim: Sim;

before(async () => {
  sim = await startSim({ nodes: 1, log: () => undefined });
  await deployEcho(sim);
});
after(() => sim.close());

it("keeps a context's forwards through a reload that leaves it as it was, stops them when it names another server, and stops all on dispose", async () => {
  const file = join(await mkdtemp(join(tmpdir(), 'kwb-service-')), 'config');
  await copyFile(sim.kubeconfigPath, file);
  const service = new ClusterService({ kubeconfigPaths: () => [file] });
  const forward = async (): Promise<number> => {
    const started = await service.portForwards.start({ context, target: { kind: 'Service', namespace: ECHO_NAMESPACE, name: 'echo' }, remotePort: 80, localPort: 0 });
    assert.ok(started.ok, started.ok ? '' : started.error.message);
    return started.value.localPort;
  };
  try {
    const first = await forward();
    // Switch Context rewrites the file: the same servers, the forward goes on.
    service.reload();
    assert.equal(await accepts(first), true);
    assert.equal(service.portForwards.list().length, 1);
    await writeFile(file, (await readFile(file, 'utf8')).replace(/server: https:\/\/127\.0\.0\.1:(\d+)/g, 'server: https://127.0.0.2:$1'));
    service.reload();
    assert.equal(await accepts(first), false, 'nothing listens once the context moved to another server');
    assert.deepEqual(service.portForwards.list(), []);
    await copyFile(sim.kubeconfigPath, file);
    service.reload();
    const second = await forward();
    service.dispose();
    assert.equal(await accepts(second), false, 'nothing listens after dispose');
  } finally {
    service.dispose();
  }
});

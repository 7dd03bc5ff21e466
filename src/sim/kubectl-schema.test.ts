import assert from 'node:assert/strict';
import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { startSim, type Sim } from './sim.ts';
import { kubectl, kubectlHome } from './test-helpers.ts';

const manifest = (name: string, spec: string, container: string): string =>
  `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: ${name}\nspec:\n${spec}  selector:\n    matchLabels: {app: ${name}}\n  template:\n    metadata:\n      labels: {app: ${name}}\n    spec:\n      containers:\n      - name: web\n${container}`;

describe('kubectl 1.32 and the schema: strict validation, explain, client-side apply', () => {
  let sim: Sim;
  let home: string;
  before(async () => {
    sim = await startSim({ nodes: 1, pods: 0, log: () => undefined });
    home = await kubectlHome();
  });
  after(async () => {
    await sim.close();
    await rm(home, { recursive: true, force: true });
  });

  const applyText = async (name: string, text: string) => {
    const file = join(home, `${name}.yaml`);
    await writeFile(file, text);
    return kubectl(sim, home, ['apply', '-f', file]);
  };

  it('refuses bad manifests with the server error naming the field', async () => {
    const cases: [string, string, string, RegExp][] = [
      ['typo', '  replica: 2\n', '        image: nginx\n', /BadRequest.*strict decoding error: unknown field "spec\.replica"/],
      ['bogus', '  replicas: "bogus"\n', '        image: nginx\n', /Deployment "bogus" is invalid: spec\.replicas: Invalid value: "bogus": spec\.replicas in body must be of type integer: "string"/],
      ['no-image', '', '        imagePullPolicy: Always\n', /is invalid: spec\.template\.spec\.containers\[0\]\.image: Required value/],
      ['policy', '', '        image: nginx\n        imagePullPolicy: Sometimes\n', /spec\.template\.spec\.containers\[0\]\.imagePullPolicy: Unsupported value: "Sometimes"/],
    ];
    for (const [name, spec, container, error] of cases) {
      const result = await applyText(name, manifest(name, spec, container));
      assert.equal(result.code, 1, name);
      assert.match(result.stderr, error);
      assert.match((await kubectl(sim, home, ['get', 'deployment', name])).stderr, /NotFound/);
    }
  });

  it('explains a field from /openapi/v3', async () => {
    const result = await kubectl(sim, home, ['explain', 'deployment.spec.replicas']);
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /KIND:\s+Deployment[\s\S]*FIELD: replicas <integer>/);
    assert.match(result.stdout, /DESCRIPTION:\n\s+Number of desired pods\./);
    const containers = await kubectl(sim, home, ['explain', 'pod.spec.containers']);
    assert.match(containers.stdout, /FIELD: containers <\[\]Container>[\s\S]*List of containers belonging to the pod\.[\s\S]*FIELDS:\n\s+args\s+<\[\]string>\n\s+Arguments to the entrypoint\./);
  });

  it('applies client-side, then applies an edited file as a patch', async () => {
    assert.match((await applyText('web', manifest('web', '  replicas: 2\n', '        image: nginx:1.27\n'))).stdout, /deployment\.apps\/web created/);
    const again = await applyText('web', manifest('web', '  replicas: 3\n', '        image: nginx:1.28\n'));
    assert.match(again.stdout, /deployment\.apps\/web configured/, again.stderr);
    const got = await kubectl(sim, home, ['get', 'deployment', 'web', '-o', 'jsonpath={.spec.replicas} {.spec.template.spec.containers[0].image}']);
    assert.equal(got.stdout, '3 nginx:1.28');
  });

  it('client-side apply merges lists by key: what the file drops is deleted, what someone else added survives', async () => {
    await applyText('merged', manifest('merged', '  replicas: 1\n', '        image: nginx:1.27\n        env: [{name: A, value: "1"}, {name: C, value: "1"}]\n'));
    const sidecar = JSON.stringify({ spec: { template: { spec: { containers: [{ name: 'sidecar', image: 'busybox:1.36' }, { name: 'web', env: [{ name: 'B', value: '2' }] }] } } } });
    assert.equal((await kubectl(sim, home, ['patch', 'deployment', 'merged', '--type=strategic', '-p', sidecar])).code, 0);
    const again = await applyText('merged', manifest('merged', '  replicas: 1\n', '        image: nginx:1.28\n        env: [{name: A, value: "3"}]\n'));
    assert.equal(again.code, 0, again.stderr);
    const got = await kubectl(sim, home, ['get', 'deployment', 'merged', '-o', 'jsonpath={range .spec.template.spec.containers[*]}{.name}={.image} {range .env[*]}{.name}:{.value} {end}{end}']);
    assert.equal(got.stdout.trim(), 'web=nginx:1.28 A:3 B:2 sidecar=busybox:1.36');
  });
});

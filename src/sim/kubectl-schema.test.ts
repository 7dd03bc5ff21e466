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
  });

  it('applies client-side, then applies an edited file as a patch', async () => {
    assert.match((await applyText('web', manifest('web', '  replicas: 2\n', '        image: nginx:1.27\n'))).stdout, /deployment\.apps\/web created/);
    const again = await applyText('web', manifest('web', '  replicas: 3\n', '        image: nginx:1.28\n'));
    assert.match(again.stdout, /deployment\.apps\/web configured/, again.stderr);
    const got = await kubectl(sim, home, ['get', 'deployment', 'web', '-o', 'jsonpath={.spec.replicas} {.spec.template.spec.containers[0].image}']);
    assert.equal(got.stdout, '3 nginx:1.28');
  });
});

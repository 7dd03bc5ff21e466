import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { call, kubectlBinaries, kubectlSuite } from './test-helpers.ts';

const crd = `apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata: {name: widgets.example.com}
spec:
  group: example.com
  scope: Namespaced
  names: {kind: Widget, plural: widgets, singular: widget, shortNames: [wd]}
  versions:
  - name: v1
    served: true
    storage: true
    subresources: {status: {}}
    additionalPrinterColumns:
    - {name: Size, type: integer, jsonPath: .spec.size}
    - {name: Color, type: string, jsonPath: .spec.color, description: The paint}
    - {name: Ready, type: string, jsonPath: '.status.conditions[?(@.type=="Ready")].status'}
    - {name: Owner, type: string, jsonPath: .spec.owner, priority: 1}
    - {name: Age, type: date, jsonPath: .metadata.creationTimestamp}
    schema:
      openAPIV3Schema:
        type: object
        properties:
          spec:
            type: object
            required: [size]
            properties:
              size: {type: integer}
              color: {type: string, enum: [red, green, blue]}
              owner: {type: string}
              labels: {type: object, additionalProperties: {type: string}}
              extra: {type: object, x-kubernetes-preserve-unknown-fields: true}
          status:
            type: object
            properties:
              conditions:
                type: array
                items: {type: object, properties: {type: {type: string}, status: {type: string}}}
`;

const widget = (name: string, spec: string): string => `apiVersion: example.com/v1
kind: Widget
metadata: {name: ${name}, namespace: default}
spec: ${spec}
`;

for (const binary of kubectlBinaries()) describe(`custom resources with the real kubectl (${binary})`, () => {
  const suite = kubectlSuite(binary, { nodes: 1, log: () => undefined });
  const { ok, run } = suite;
  const applyText = async (name: string, text: string): Promise<string> => {
    const file = join(suite.home, `${name}.yaml`);
    await writeFile(file, text);
    return file;
  };

  it('get prints the CRD\'s additionalPrinterColumns, the wide ones with -o wide', async () => {
    await ok('apply', '-f', await applyText('crd', crd));
    await ok('wait', '--for=condition=Established', 'crd/widgets.example.com', '--timeout=20s');
    await ok('apply', '-f', await applyText('small', widget('small', '{size: 2, color: red, owner: ann}')));
    await ok('apply', '-f', await applyText('plain', widget('plain', '{size: 5}')));
    const status = '{"status":{"conditions":[{"type":"Synced","status":"False"},{"type":"Ready","status":"True"}]}}';
    // kubectl patches a subresource from 1.24; older ones leave it to a controller, as here.
    if (suite.minor >= 24) await ok('patch', 'widget', 'small', '--subresource=status', '--type=merge', '-p', status);
    else assert.equal((await call(suite.sim, '/apis/example.com/v1/namespaces/default/widgets/small/status', { method: 'PATCH', contentType: 'application/merge-patch+json', body: status })).status, 200);
    const lines = (await ok('get', 'widgets')).trim().split('\n');
    assert.match(lines[0] ?? '', /^NAME\s+SIZE\s+COLOR\s+READY\s+AGE$/);
    // A column without a value is a null cell, which kubectl prints blank.
    assert.match(lines[1] ?? '', /^plain\s+5\s+\d+s$/);
    assert.match(lines[2] ?? '', /^small\s+2\s+red\s+True\s+\d+s$/);
    assert.match(await ok('get', 'wd', 'small', '-o', 'wide'), /^NAME\s+SIZE\s+COLOR\s+READY\s+OWNER\s+AGE\nsmall\s+2\s+red\s+True\s+ann\s+\d+s\n$/);
  });

  it('a custom resource is held to its CRD\'s schema: types, required fields, enums, unknown fields', async () => {
    const refused = async (name: string, spec: string): Promise<string> => {
      const result = await run('apply', '-f', await applyText(name, widget(name, spec)));
      assert.notEqual(result.code, 0, `${name} was accepted`);
      assert.equal((await run('get', 'widget', name)).code, 1, `${name} was stored`);
      return result.stderr;
    };
    assert.match(await refused('typed', '{size: big}'), /The Widget "typed" is invalid: spec\.size: Invalid value: .*spec\.size in body must be of type integer: "string"/);
    assert.match(await refused('sizeless', '{color: red}'), /spec\.size: Required value/);
    assert.match(await refused('pink', '{size: 1, color: pink}'), /spec\.color: Unsupported value: "pink": supported values: "red", "green", "blue"/);
    if (suite.minor >= 25) assert.match(await refused('strict', '{size: 1, colour: red}'), /strict decoding error: unknown field "spec\.colour"/);
    // An older kubectl sends no fieldValidation: the server's default warns, prunes and stores.
    else assert.match((await run('apply', '-f', await applyText('strict', widget('strict', '{size: 1, colour: red}')))).stderr, /Warning: unknown field "spec\.colour"/);
    // Without strict validation the server prunes what the schema does not know, and keeps what it preserves.
    await ok('apply', '--validate=false', '-f', await applyText('loose', widget('loose', '{size: 1, colour: red, labels: {a: b}, extra: {any: {deep: [1]}}}')));
    const stored = JSON.parse(await ok('get', 'widget', 'loose', '-o', 'json')) as { spec: Record<string, unknown> };
    assert.deepEqual(stored.spec, { size: 1, labels: { a: 'b' }, extra: { any: { deep: [1] } } });
    const typedLabel = await run('patch', 'widget', 'loose', '--type=merge', '-p', '{"spec":{"labels":{"a":1}}}');
    assert.match(typedLabel.stderr, /spec\.labels\.a: Invalid value: .*spec\.labels\.a in body must be of type string: "integer"/);
  });
});

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { containerResourcesAt } from './container-at.ts';
import { createLintFile } from './engine.ts';
import { deployment } from './testing/manifests.ts';

describe('containerResourcesAt', () => {
  const text = deployment('        image: nginx:1.27\n        resources:\n          requests: {cpu: 250m, memory: 64Mi}\n          limits:\n            memory: 128Mi');
  const file = createLintFile('web.yaml', text);

  it('finds the container from the resources key to the end of its block', () => {
    for (const offset of [text.indexOf('resources:'), text.indexOf('128Mi')]) {
      const found = containerResourcesAt(file, offset);
      assert.deepEqual(
        { kind: found?.kind, name: found?.name, namespace: found?.namespace, container: found?.container, requests: found?.requests, limits: found?.limits },
        { kind: 'Deployment', name: 'web', namespace: 'shop', container: 'app', requests: { cpu: '250m', memory: '64Mi' }, limits: { memory: '128Mi' } },
      );
      assert.equal(text.slice(found?.range.start, found?.range.end).split('\n')[0], 'resources:');
    }
  });

  it('is undefined elsewhere in the manifest', () => {
    assert.equal(containerResourcesAt(file, text.indexOf('image:')), undefined);
    assert.equal(containerResourcesAt(file, 0), undefined);
  });
});

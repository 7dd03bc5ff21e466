import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { cursorContext } from './cursor-context.ts';

/** The context at the `‸` of a text (the marker removed). */
function at(marked: string): ReturnType<typeof cursorContext> & { text: string } {
  const offset = marked.indexOf('‸');
  const text = marked.slice(0, offset) + marked.slice(offset + 1);
  return { ...cursorContext(text, offset), text };
}

const deployment = 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  template:\n    spec:\n      containers:\n      - name: web\n';

describe('cursor context', () => {
  it('finds the mapping of a key being typed in a list item', () => {
    const context = at(`${deployment}        ima‸\n`);
    assert.equal(context.position, 'key');
    assert.deepEqual(context.path, ['spec', 'template', 'spec', 'containers', 0]);
    assert.deepEqual([...context.siblings.keys()], ['name']);
    assert.equal(context.column, 8);
    assert.equal(context.text.slice(context.word.start, context.word.end), 'ima');
    assert.equal(context.root.get('kind'), 'Deployment');
  });

  it('after `- `, a new item of the list', () => {
    const context = at(`${deployment}      - ‸`);
    assert.deepEqual(context.path, ['spec', 'template', 'spec', 'containers', 0]);
    assert.equal(context.siblings.size, 0);
    assert.equal(context.column, 8);
  });

  it('a compact list (dash at its key\'s column) and keys after the cursor', () => {
    const context = at('spec:\n  ports:\n  - port: 80\n    ‸\n    name: http\n  type: ClusterIP\n');
    assert.deepEqual(context.path, ['spec', 'ports', 0]);
    assert.deepEqual([...context.siblings.keys()].sort(), ['name', 'port']);
  });

  it('back at the parent column after a nested block', () => {
    const context = at(`${deployment}        image: nginx\n    ‸`);
    assert.deepEqual(context.path, ['spec', 'template']);
    assert.deepEqual([...context.siblings.keys()], ['spec']);
  });

  it('a value after `key: `', () => {
    const context = at(`${deployment}        imagePullPolicy: If‸`);
    assert.equal(context.position, 'value');
    assert.equal(context.key, 'imagePullPolicy');
    assert.deepEqual(context.path, ['spec', 'template', 'spec', 'containers', 0]);
    assert.equal(context.text.slice(context.word.start, context.word.end), 'If');
  });

  it('inside a flow mapping: keys and values', () => {
    const key = at('spec:\n  selector: {app: web, ‸}\n');
    assert.equal(key.position, 'key');
    assert.deepEqual(key.path, ['spec', 'selector']);
    assert.deepEqual([...key.siblings.keys()], ['app']);
    const value = at('resources: {limits: {cpu: ‸}}\n');
    assert.equal(value.position, 'value');
    assert.equal(value.key, 'cpu');
    assert.deepEqual(value.path, ['resources', 'limits']);
  });

  it('the second document, with CRLF line ends', () => {
    const context = at('apiVersion: v1\r\nkind: ConfigMap\r\n---\r\napiVersion: v1\r\nkind: Service\r\nspec:\r\n  ‸\r\n  type: NodePort\r\n');
    assert.deepEqual(context.path, ['spec']);
    assert.equal(context.root.get('kind'), 'Service');
    assert.deepEqual([...context.siblings.keys()], ['type']);
    assert.equal(context.column, 2);
  });

  it('the first of two documents stops at the `---`', () => {
    const context = at('apiVersion: v1\nkind: ConfigMap\n‸\n---\napiVersion: v1\nkind: Service\nspec: {}\n');
    assert.deepEqual([...context.root.keys()], ['apiVersion', 'kind']);
    assert.equal(context.root.get('kind'), 'ConfigMap');
    assert.equal(context.text.slice(context.document.start, context.document.end), 'apiVersion: v1\nkind: ConfigMap\n\n');
  });

  it('an empty document where `apiVersion:` is being typed, and the end of a document', () => {
    const empty = at('apiV‸');
    assert.deepEqual(empty.path, []);
    assert.equal(empty.text.slice(empty.word.start, empty.word.end), 'apiV');
    const end = at('apiVersion: v1\nkind: Pod\n‸');
    assert.deepEqual(end.path, []);
    assert.deepEqual([...end.siblings.keys()], ['apiVersion', 'kind']);
  });

  it('the whole key under the cursor, for hover', () => {
    const context = at(`${deployment}        ima‸ge: nginx\n`);
    assert.equal(context.key, 'image');
    assert.equal(context.text.slice(context.keyRange?.start, context.keyRange?.end), 'image');
    assert.deepEqual([...context.siblings.keys()], ['name']);
  });

  it('skips the text of block scalars', () => {
    const context = at('data:\n  script: |\n    echo: hi\n  ‸');
    assert.deepEqual(context.path, ['data']);
    assert.deepEqual([...context.siblings.keys()], ['script']);
  });
});

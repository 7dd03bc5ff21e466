import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { duplicateFields } from './duplicate-fields.ts';

const of = (text: string) => duplicateFields(Buffer.from(text));

describe('duplicateFields', () => {
  it('names each repeated key by its field path, list items by index', () => {
    assert.deepEqual(of('{"spec":{"replicas":1,"replicas":2,"template":{"spec":{"containers":[{"name":"a"},{"name":"b","name":"c"}]}}}}'), [
      'spec.replicas',
      'spec.template.spec.containers[1].name',
    ]);
    assert.deepEqual(of('{"a\\"b":1,"a\\"b":2}'), ['a"b']);
  });

  it('finds none in keys of different objects, string values, or bodies that are not JSON objects', () => {
    assert.deepEqual(of('{"a":{"x":1},"b":{"x":"{\\"x\\":1,\\"x\\":2}"},"c":[{"x":1},{"x":1}]}'), []);
    assert.deepEqual(of('apiVersion: v1\nkind: Pod\nkind: Pod\n'), []);
    assert.deepEqual(of('[{"a":1}]'), []);
  });
});

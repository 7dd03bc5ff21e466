import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createLintFile } from './engine.ts';
import { objectsOf } from './objects.ts';
import { quotable, quoteValue, reasonFor, secretPlaces } from './quote-value.ts';

/** The value at a path of keys and indexes (valueAt stops at lists). */
const at = (value: unknown, ...path: readonly (string | number)[]): unknown => path.reduce<unknown>((current, key) => (current as Record<string | number, unknown>)[key], value);

describe('quoting values in messages', () => {
  it('quotes short harmless values, URLs without their credentials', () => {
    assert.deepEqual([quotable('nginx'), quotable(8080), quotable(true), quotable('https://u:p@h/x')], ['"nginx"', '8080', 'true', '"https://<redacted>@h/x"']);
  });

  it('names only the type of secret places, tokens, long text and structures', () => {
    assert.equal(quotable('nginx', true), undefined);
    assert.equal(quotable('x'.repeat(65)), undefined);
    assert.equal(quotable('eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2ln'), undefined);
    assert.deepEqual([quoteValue('Zm9vYmFyYmF6cXV4MTIzNDU2'), quoteValue([1]), quoteValue({ a: 1 }), quoteValue(7, true)], ['(a string, not shown)', '(a list, not shown)', '(a map, not shown)', '(a number, not shown)']);
  });

  it("keeps a parser's reason only when the value is shown as it is or the reason quotes nothing", () => {
    assert.equal(reasonFor('500mb', "'500mb' is not a quantity", 'not a quantity'), "'500mb' is not a quantity");
    assert.equal(reasonFor('https://u:p@h', "'https://u:p@h' is not a quantity", 'not a quantity'), 'not a quantity');
    assert.equal(reasonFor('Zm9vYmFyYmF6cXV4MTIzNDU2', 'it contains whitespace', 'not a reference'), 'it contains whitespace');
  });

  it('finds secret places: any value of a Secret, anything under data, env, args, annotations', () => {
    const text = 'kind: Secret\nmetadata: {name: s}\ntype: Opaque\n---\nkind: Pod\nmetadata: {name: p, annotations: {a: b}}\nspec:\n  containers:\n  - name: app\n    env: [{name: A, value: b}]\n    args: [x]\n    ports: [{containerPort: 80}]\n';
    const [secret, pod] = objectsOf(createLintFile('a.yaml', text));
    assert.ok(secret !== undefined && pod !== undefined);
    assert.equal(secretPlaces(secret)(secret.value, 'type'), true);
    const secretPlace = secretPlaces(pod);
    const container = at(pod.value, 'spec', 'containers', 0);
    assert.equal(secretPlace(at(container, 'env', 0), 'value'), true);
    assert.equal(secretPlace(at(container, 'args'), 0), true);
    assert.equal(secretPlace(at(pod.value, 'metadata'), 'annotations'), true);
    assert.equal(secretPlace(at(container, 'ports', 0), 'containerPort'), false);
    assert.equal(secretPlace(container, 'name'), false);
  });
});

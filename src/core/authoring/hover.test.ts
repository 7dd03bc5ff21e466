import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { AuthoringInput } from './completion.ts';
import { hoverAt } from './hover.ts';
import { loadVersionedSchemas } from './load-schema-data.ts';

const schemas = await loadVersionedSchemas();

/** The hover at the `‸` of a text (the marker removed). */
function at(marked: string, extra: Partial<AuthoringInput> = {}): { markdown: string; word: string } | undefined {
  const offset = marked.indexOf('‸');
  const text = marked.slice(0, offset) + marked.slice(offset + 1);
  const hover = hoverAt({ text, offset, schemas, version: '1.34', ...extra });
  return hover === undefined ? undefined : { markdown: hover.markdown, word: text.slice(hover.range.start, hover.range.end) };
}

const deployment = 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  rep‸licas: 2\n  template:\n    spec:\n      containers:\n      - name: web\n        imagePullPolicy: Always\n';

describe('hover', () => {
  it('documents a key: description, type, required or not, versions', () => {
    const hover = at(deployment);
    assert.equal(hover?.word, 'replicas');
    assert.match(hover?.markdown ?? '', /^\*\*replicas\*\* · `integer` · optional/);
    assert.match(hover?.markdown ?? '', /Number of desired pods/);
    assert.match(hover?.markdown ?? '', /In every bundled version \(Kubernetes 1\.29 to /);
  });

  it('shows allowed values and the default, in a list item and a CRLF file', () => {
    const hover = at(deployment.replace('rep‸licas', 'replicas').replace('imagePullPolicy', 'imagePull‸Policy').replaceAll('\n', '\r\n'));
    assert.equal(hover?.word, 'imagePullPolicy');
    assert.match(hover?.markdown ?? '', /Values: `Always`, `Never`, `IfNotPresent`/);
    const type = at('apiVersion: v1\nkind: Service\nspec:\n  ty‸pe: NodePort\n');
    assert.match(type?.markdown ?? '', /Default: `ClusterIP`/);
    assert.match(at('apiVersion: v1\nkind: Pod\nspec:\n  con‸tainers: []\n')?.markdown ?? '', /`\[\]Container` · required/);
  });

  it('says in which version a field was added, and the older version has no hover for it', () => {
    const hpa = 'apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nspec:\n  behavior:\n    scaleUp:\n      toler‸ance: 0.1\n';
    assert.match(at(hpa, { version: '1.33' })?.markdown ?? '', /Added in 1\.33 \(absent from 1\.32 and older\)/);
    assert.equal(at(hpa, { version: '1.32' }), undefined);
  });

  it('1.35 is its own version: a field added in it, and one it alone has', () => {
    const csiDriver = 'apiVersion: storage.k8s.io/v1\nkind: CSIDriver\nspec:\n  serviceAccount‸TokenInSecrets: true\n';
    assert.match(at(csiDriver, { version: '1.35' })?.markdown ?? '', /Added in 1\.35 \(absent from 1\.34 and older\)\.$/);
    assert.equal(at(csiDriver, { version: '1.34' }), undefined);
    const pod = 'apiVersion: v1\nkind: Pod\nspec:\n  workload‸Ref:\n    name: w\n';
    assert.match(at(pod, { version: '1.35' })?.markdown ?? '', /Added in 1\.35 \(absent from 1\.34 and older\)\. Removed in 1\.36 \(last in 1\.35\)\./);
    assert.equal(at(pod, { version: '1.36' }), undefined);
  });

  it('the description of a custom resource field from its CRD, and nothing off a key or for unknown keys', () => {
    const crd = { spec: { group: 'example.com', names: { kind: 'Widget' }, versions: [{ name: 'v1', schema: { openAPIV3Schema: { type: 'object', properties: { spec: { type: 'object', description: 'What the widget should be.' } } } } }] } };
    assert.match(at('apiVersion: example.com/v1\nkind: Widget\nsp‸ec: {}\n', { crds: [crd] })?.markdown ?? '', /What the widget should be\./);
    assert.equal(at('apiVersion: v1\nkind: Pod\nspec:\n  nodeName: ‸a\n'), undefined);
    assert.equal(at('apiVersion: v1\nkind: Pod\nspec:\n  nosu‸chfield: 1\n'), undefined);
  });
});

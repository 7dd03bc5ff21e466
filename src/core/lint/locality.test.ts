import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createLintFile } from './engine.ts';
import { fileSetTraits, isPerFileRule } from './locality.ts';
import { allRules } from './rules/index.ts';

// The corpus checks of the per-file rules (their sources, file by file vs whole) are in test/unit/lint-locality.test.ts.
const anySet = { crds: true, namespaces: true, kustomizations: true };
const rule = (id: string) => allRules.find((entry) => entry.id === id) ?? assert.fail(id);

describe('per-file rules', () => {
  it('are the object-local rules, and the schema and Pod Security ones while the set holds no CRD, Namespace or kustomization', () => {
    assert.equal(isPerFileRule(rule('missing-memory-limit'), anySet), true);
    assert.equal(isPerFileRule(rule('missing-config-map'), { crds: false, namespaces: false, kustomizations: false }), false);
    assert.equal(isPerFileRule(rule('pss-privileged'), { ...anySet, namespaces: false }), true);
    assert.equal(isPerFileRule(rule('pss-privileged'), anySet), false);
    assert.equal(isPerFileRule(rule('schema-unknown-field'), { ...anySet, crds: false }), true);
    assert.equal(isPerFileRule(rule('schema-required-field'), { ...anySet, crds: false }), false);
    assert.equal(isPerFileRule(rule('schema-required-field'), { crds: false, namespaces: true, kustomizations: false }), true);
  });

  it('reads the traits of a set from its files', () => {
    const kustomization = createLintFile('kustomization.yaml', 'resources: [a.yaml]\n');
    const namespace = createLintFile('ns.yaml', 'apiVersion: v1\nkind: Namespace\nmetadata: {name: shop}\n');
    const crd = createLintFile('crd.yaml', 'apiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition\nmetadata: {name: a.b.c}\n');
    assert.deepEqual(fileSetTraits([kustomization, namespace]), { crds: false, namespaces: true, kustomizations: true });
    assert.deepEqual(fileSetTraits([crd]), { crds: true, namespaces: false, kustomizations: false });
    assert.deepEqual(fileSetTraits([namespace, crd, kustomization]), anySet);
  });
});

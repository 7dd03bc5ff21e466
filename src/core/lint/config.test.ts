import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseProjectConfig, readRules } from './config.ts';

const ids = ['latest-tag', 'host-pid'];

describe('lint configuration', () => {
  it('reads the rules map of .kube-workbench.yaml', () => {
    const result = parseProjectConfig('# project lint settings\nrules:\n  latest-tag: off\n  host-pid: info\n', ids);
    assert.deepEqual(result, { config: { rules: { 'latest-tag': 'off', 'host-pid': 'info' } }, errors: [] });
  });

  it('names unknown ids and values instead of ignoring them', () => {
    const result = readRules({ 'latest-tga': 'off', 'host-pid': 'loud' }, ids);
    assert.deepEqual(result.config.rules, {});
    assert.deepEqual(result.errors, ["unknown rule id 'latest-tga'", "rule 'host-pid': 'loud' is not off, error, warning, info or hint"]);
  });

  it('reports broken files and accepts an empty one', () => {
    assert.match(parseProjectConfig('rules: [\n', ids).errors[0] ?? '', /not valid YAML/);
    assert.match(parseProjectConfig('- a\n', ids).errors[0] ?? '', /must be a mapping/);
    assert.deepEqual(parseProjectConfig('', ids), { config: { rules: {} }, errors: [] });
  });

  it('reads the profile and the rule options, naming bad values', () => {
    const text = 'profile: pss-restricted\nminReplicas: 3\nrequiredLabels: [team, app.kubernetes.io/name]\nrequiredAnnotations: [owner]\n';
    assert.deepEqual(parseProjectConfig(text, ids), {
      config: { rules: {}, profile: 'pss-restricted', options: { minReplicas: 3, requiredLabels: ['team', 'app.kubernetes.io/name'], requiredAnnotations: ['owner'] } },
      errors: [],
    });
    assert.deepEqual(parseProjectConfig('profile: strict\nminReplicas: 1.5\nrequiredLabels: team\n', ids).errors, [
      "profile 'strict' is not default, pss-baseline, pss-restricted, all",
      '`minReplicas` must be a whole number of at least 1',
      '`requiredLabels` must be a list of keys',
    ]);
  });
});

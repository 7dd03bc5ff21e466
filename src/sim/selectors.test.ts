import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { KubeObject } from './objects.ts';
import { maxRequirements, parseFieldSelector, parseLabelSelector, selectorMatches } from './selectors.ts';

const pod = (labels: Record<string, string>, nodeName?: string, phase = 'Running'): KubeObject => ({ metadata: { name: 'p', namespace: 'n', labels }, spec: { nodeName }, status: { phase } });

describe('selectors', () => {
  it('label selectors: equality, inequality, sets and existence', () => {
    const cases: [string, boolean][] = [
      ['app=web', true],
      ['app==web,tier!=db', true],
      ['app in (web, api),!canary', true],
      ['app notin (web)', false],
      ['tier', false],
      ['app', true],
    ];
    for (const [text, expected] of cases) assert.equal(parseLabelSelector(text)?.(pod({ app: 'web' })), expected, text);
    assert.equal(parseLabelSelector(''), undefined);
    assert.throws(() => parseLabelSelector('a=(b'), { code: 400 });
  });

  it('field selectors: spec.nodeName, metadata.name, status.phase; unknown fields are 400', () => {
    assert.equal(parseFieldSelector('spec.nodeName=n1')?.(pod({}, 'n1')), true);
    assert.equal(parseFieldSelector('spec.nodeName=')?.(pod({})), true);
    assert.equal(parseFieldSelector('status.phase!=Running,metadata.name=p')?.(pod({})), false);
    assert.throws(() => parseFieldSelector('spec.image=x'), { code: 400 });
  });

  it('workload selectors with matchLabels and matchExpressions', () => {
    assert.ok(selectorMatches({ matchLabels: { app: 'web' }, matchExpressions: [{ key: 'tier', operator: 'NotIn', values: ['db'] }] }, { app: 'web' }));
    assert.ok(!selectorMatches({ matchExpressions: [{ key: 'tier', operator: 'Exists' }] }, { app: 'web' }));
    assert.ok(!selectorMatches(undefined, { app: 'web' }));
  });

  it('takes at most 100 requirements, each object being tested against every one', () => {
    const terms = (count: number): string => Array.from({ length: count }, (_, index) => `!k${index}`).join(',');
    assert.equal(parseLabelSelector(terms(maxRequirements))?.(pod({})), true);
    assert.throws(() => parseLabelSelector(terms(maxRequirements + 1)), { code: 400, message: /too many requirements in selector: 101/ });
    assert.throws(() => parseFieldSelector(Array.from({ length: 101 }, () => 'metadata.name=a').join(',')), { code: 400 });
  });
});

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findingsOf } from './testing/expect-rule.ts';
import { deployment } from './testing/manifests.ts';

const placeholder = (resources: string) => findingsOf('missing-memory-limit', deployment(`        image: nginx:1.27${resources}`))[0]?.fix?.input?.placeholder;

describe('missing-resource fixes', () => {
  it('offer the request as the limit when it is above the typical value: a lower limit is rejected', () => {
    assert.equal(placeholder('\n        resources:\n          requests: {memory: 1Gi}'), '1Gi');
    assert.equal(placeholder('\n        resources:\n          requests: {memory: 64Mi}'), '256Mi');
    assert.equal(placeholder(''), '256Mi');
  });
});

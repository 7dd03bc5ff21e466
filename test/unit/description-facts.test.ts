import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { describedDefault, describedEnum } from '../tools/description-facts.ts';

describe('description facts', () => {
  it('reads the allowed values a description lists', () => {
    assert.deepEqual(describedEnum('Image pull policy. One of Always, Never, IfNotPresent. Defaults to Always if :latest tag is specified.'), ['Always', 'Never', 'IfNotPresent']);
    assert.deepEqual(describedEnum('Protocol for port. Must be UDP, TCP, or SCTP. Defaults to "TCP".'), ['UDP', 'TCP', 'SCTP']);
    assert.deepEqual(describedEnum('Defaults to ClusterIP. Valid options are ExternalName, ClusterIP, NodePort, and LoadBalancer. "ClusterIP" allocates'), ['ExternalName', 'ClusterIP', 'NodePort', 'LoadBalancer']);
    assert.equal(describedEnum('Name must be a DNS_LABEL. Cannot be updated.'), undefined);
    assert.equal(describedEnum('Exactly one of ResourceClaimName and ResourceClaimTemplateName must be set.'), undefined);
  });

  it('reads a literal default and leaves prose alone', () => {
    assert.equal(describedDefault('Protocol for port. Must be UDP, TCP, or SCTP. Defaults to "TCP".'), 'TCP');
    assert.equal(describedDefault('type determines how the Service is exposed. Defaults to ClusterIP. Valid options'), 'ClusterIP');
    assert.equal(describedDefault('Number of desired pods. Defaults to 1.'), '1');
    assert.equal(describedDefault('Defaults to Always if :latest tag is specified, or IfNotPresent otherwise.'), undefined);
    assert.equal(describedDefault('Defaults to the empty string.'), undefined);
  });
});

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseEventTarget } from './event-target.ts';

describe('parseEventTarget', () => {
  it('reads a kind by name, plural or short name, any case', () => {
    for (const [text, kind] of [['pod/web', 'Pod'], ['pods/web', 'Pod'], ['po/web', 'Pod'], ['deploy/web', 'Deployment'], ['Deployments/web', 'Deployment'], ['no/web', 'Node'], ['ingresses/web', 'Ingress'], ['hpa/web', 'HorizontalPodAutoscaler'], ['endpoints/web', 'Endpoints'], ['networkpolicies/web', 'networkpolicies']] as const) {
      assert.deepEqual(parseEventTarget(text), { ok: true, value: { kind, name: 'web', namespaced: kind !== 'Node' } }, text);
    }
    assert.deepEqual(parseEventTarget('Gadget/g1'), { ok: true, value: { kind: 'Gadget', name: 'g1', namespaced: true } });
  });

  it('refuses anything but KIND/NAME', () => {
    for (const text of ['web', '/web', 'pod/', 'pod/a/b']) assert.deepEqual(parseEventTarget(text), { ok: false, error: `--for must be KIND/NAME (e.g. pod/web-1), not '${text}'` });
  });
});

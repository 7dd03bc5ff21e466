import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { expectNone, expectRanges, findingsOf, strip } from '../testing/expect-rule.ts';
import { deployment } from '../testing/manifests.ts';

const image = '        image: nginx:1.27';

describe('resource rules', () => {
  it('missing-cpu-request / missing-memory-request: at the container name, a limit alone counts', () => {
    const [cpu] = expectRanges('missing-cpu-request', deployment(image).replace('- name: app', '- name: ⟦app⟧'));
    expectRanges('missing-memory-request', deployment(image).replace('- name: app', '- name: ⟦app⟧'));
    expectNone('missing-cpu-request', deployment(`${image}\n        resources:\n          limits: {cpu: 200m}`));
    expectNone('missing-memory-request', deployment(`${image}\n        resources:\n          limits: {memory: 1Gi}`));
    const { text } = strip(deployment(image));
    const edit = cpu?.fix?.edits[0];
    assert.equal(cpu?.fix?.input?.placeholder, '100m');
    const fixed = text.slice(0, edit?.start) + (edit?.newText ?? '') + text.slice(edit?.end);
    assert.match(fixed, /\n {8}image: nginx:1\.27\n {8}resources:\n {10}requests:\n {12}cpu: \$\{input\}\n$/);
  });

  it('missing-memory-limit: at the resources key when present', () => {
    expectRanges('missing-memory-limit', deployment(`${image}\n        ⟦resources⟧:\n          requests: {memory: 1Gi}`));
    expectNone('missing-memory-limit', deployment(`${image}\n        resources:\n          limits: {memory: 1Gi}`));
  });

  it('request-exceeds-node: only with cluster facts, at the request', () => {
    const manifest = deployment(`${image}\n        resources:\n          requests: {cpu: ⟦"8"⟧}`);
    const cluster = { largestNodeAllocatable: { cpu: '3920m' } };
    expectRanges('request-exceeds-node', manifest, { cluster });
    expectNone('request-exceeds-node', strip(manifest).text);
    expectNone('request-exceeds-node', deployment(`${image}\n        resources:\n          requests: {cpu: "2"}`), { cluster });
    const twoContainers = deployment(`${image}\n        resources: {requests: {cpu: "2"}}\n      - name: sidecar\n        image: envoy:1\n        resources: {requests: {cpu: "2"}}`);
    expectRanges('request-exceeds-node', twoContainers.replace('      containers:', '      ⟦containers⟧:'), { cluster });
    const init = deployment(`${image}\n        resources: {requests: {cpu: "2"}}`, { podFields: '      initContainers: [{name: setup, image: "busybox:1", resources: {requests: {cpu: "3"}}}]' });
    expectNone('request-exceeds-node', init, { cluster });
  });

  it('request-suggestion: beyond the tolerance, with a fix writing the suggestion', () => {
    const cluster = (cpu: string) => ({ suggestions: [{ kind: 'Deployment', namespace: 'shop', name: 'web', container: 'app', requests: { cpu } }] });
    const manifest = deployment(`${image}\n        resources:\n          requests:\n            cpu: ⟦100m⟧`);
    const [finding] = expectRanges('request-suggestion', manifest, { cluster: cluster('250m') });
    assert.deepEqual(finding?.fix?.edits[0]?.newText, '"250m"');
    expectNone('request-suggestion', strip(manifest).text, { cluster: cluster('120m') });
  });

  it('request-suggestion: one finding per container, the suggestion and the Guaranteed / Burstable choices as edits', () => {
    const suggestion = { kind: 'Deployment', namespace: 'shop', name: 'web', container: 'app', requests: { cpu: '250m', memory: '363Mi' }, lowerBound: { cpu: '200m', memory: '300Mi' }, upperBound: { cpu: '500m', memory: '600Mi' } };
    const manifest = deployment(`${image}\n        resources:\n          requests:\n            cpu: ⟦1⟧\n          limits:\n            cpu: "2"`);
    const [finding] = expectRanges('request-suggestion', manifest, { cluster: { suggestions: [suggestion] } });
    assert.equal(finding?.message, 'Observed usage suggests requests of cpu 250m (set: 1), memory 363Mi (set: none).');
    const broken = deployment(`${image}\n        resources:\n          requests:\n            cpu: ⟦Zm9vYmFyYmF6cXV4MTIzNDU2⟧`);
    const [hidden] = expectRanges('request-suggestion', broken, { cluster: { suggestions: [suggestion] } });
    assert.equal(hidden?.message, 'Observed usage suggests requests of cpu 250m (set: (a string, not shown)), memory 363Mi (set: none).');
    const { text } = strip(manifest);
    const applied = (edits: readonly { start: number; end: number; newText: string }[] = []): string =>
      [...edits].sort((a, b) => b.start - a.start).reduce((result, edit) => result.slice(0, edit.start) + edit.newText + result.slice(edit.end), text);
    assert.match(applied(finding?.fix?.edits), /requests:\n {12}cpu: "250m"\n {12}memory: "363Mi"\n {10}limits:\n {12}cpu: "2"\n$/);
    const [guaranteed, burstable] = finding?.alternatives ?? [];
    assert.equal(guaranteed?.title, 'Guaranteed QoS: requests = limits = 250m / 363Mi');
    assert.match(applied(guaranteed?.edits), /requests:\n {12}cpu: "250m"\n {12}memory: "363Mi"\n {10}limits:\n {12}cpu: "250m"\n {12}memory: "363Mi"\n$/);
    assert.match(applied(burstable?.edits), /requests:\n {12}cpu: "200m"\n {12}memory: "300Mi"\n {10}limits:\n {12}cpu: "500m"\n {12}memory: "600Mi"\n$/);
  });

  it('request-suggestion: a container without resources gets the whole block, written once', () => {
    const suggestion = { kind: 'Deployment', namespace: 'shop', name: 'web', container: 'app', requests: { cpu: '250m', memory: '363Mi' } };
    const [finding] = findingsOf('request-suggestion', deployment(image), { cluster: { suggestions: [suggestion] } });
    const text = deployment(image);
    const [edit, ...rest] = finding?.fix?.edits ?? [];
    assert.equal(rest.length, 0);
    const fixed = text.slice(0, edit?.start) + (edit?.newText ?? '') + text.slice(edit?.end);
    assert.match(fixed, /image: nginx:1\.27\n {8}resources:\n {10}requests:\n {12}cpu: "250m"\n {12}memory: "363Mi"\n$/);
    assert.equal(finding?.alternatives.length, 1, 'no bounds: Guaranteed only');
    const anyKind = { ...suggestion, kind: '*' };
    assert.equal(findingsOf('request-suggestion', deployment(image), { cluster: { suggestions: [anyKind] } }).length, 1, "'*' matches any pod kind");
    assert.equal(findingsOf('request-suggestion', deployment(image), { cluster: { suggestions: [{ ...anyKind, namespace: 'other' }] } }).length, 0);
  });

  it('latest-tag: explicit latest or no tag; a fix that asks for the tag', () => {
    const [finding] = expectRanges('latest-tag', deployment('        image: ⟦nginx⟧'));
    assert.equal(finding?.message, 'The image nginx has no tag, so it means latest; pin a version.');
    // Only the tag is written: the scalar's quotes stay and the edit carries nothing of the reference.
    const quoted = deployment('        image: "nginx:latest"');
    const [edit] = findingsOf('latest-tag', quoted)[0]?.fix?.edits ?? [];
    assert.equal(edit?.newText, ':${input}');
    assert.equal(`${quoted.slice(0, edit?.start)}:1.27${quoted.slice(edit?.end)}`, deployment('        image: "nginx:1.27"'));
    const token = `kwbs${'0123456789abcdef'.repeat(3)}`;
    const [hidden] = findingsOf('latest-tag', deployment(`        image: ${token}`));
    assert.deepEqual([hidden?.message, hidden?.fix?.input?.prompt], ['The image (a string, not shown) has no tag, so it means latest; pin a version.', 'Tag for the image']);
    expectRanges('latest-tag', deployment('        image: ⟦registry.local:5000/team/app:latest⟧'));
    expectNone('latest-tag', deployment('        image: nginx@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef'));
    expectNone('latest-tag', deployment('        image: registry.local:5000/app:1.2'));
  });

  it('invalid-image-reference: uppercase, spaces, empty, bad digest', () => {
    const [upper] = expectRanges('invalid-image-reference', deployment('        image: ⟦Nginx:1.2⟧'));
    assert.equal(upper?.message, 'Invalid image reference "Nginx:1.2": the repository name must be lowercase.');
    // The parser's reason would quote the part after `@`: the password.
    const [url] = expectRanges('invalid-image-reference', deployment('        image: ⟦https://ci:hunter2@registry.example.com/app⟧'));
    assert.equal(url?.message, 'Invalid image reference "https://<redacted>@registry.example.com/app": not a reference.');
    expectRanges('invalid-image-reference', deployment('        image: ⟦"nginx 1.2"⟧'));
    expectRanges('invalid-image-reference', deployment('        image: ⟦""⟧'));
    expectRanges('invalid-image-reference', deployment('        image: ⟦nginx@sha256:xyz⟧'));
    expectNone('invalid-image-reference', deployment('        image: ghcr.io/org-name/app:v1'));
  });
});

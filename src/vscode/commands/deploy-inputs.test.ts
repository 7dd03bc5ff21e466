import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DEPLOY_START, deploySteps } from './deploy-inputs.ts';
import { StepFlow } from './step-flow.ts';

const namespaces = { current: 'team-a', known: ['team-a', 'default'] };
const suggest = (namespace: string, name: string) => (namespace === 'team-a' && name === 'api' ? { cpu: '37m', memory: '90Mi' } : undefined);

/** Answers each step in turn, checking what it offered first. */
function walk(answers: readonly (readonly [offered: string, answer: string])[]) {
  const flow = new StepFlow(deploySteps(namespaces, suggest), DEPLOY_START);
  for (const [offered, answer] of answers) {
    const step = flow.position.step.name;
    assert.equal(flow.initial(), offered, `step ${step}`);
    assert.equal(flow.answer(answer), undefined, `step ${step}`);
  }
  assert.ok(flow.done);
  return flow.state;
}

describe('Deploy Image steps', () => {
  it('pre-fill the name from the image, the namespace from the context and the requests from the allocator', () => {
    const plan = walk([
      ['', 'ghcr.io/acme/api:2.3'],
      ['api', 'api'],
      ['team-a', 'team-a'],
      ['2', '3'],
      ['', '8080'],
      ['37m', '37m'],
      ['90Mi', '90Mi'],
    ]);
    assert.deepEqual(plan, { image: 'ghcr.io/acme/api:2.3', name: 'api', namespace: 'team-a', newNamespace: false, replicas: 3, containerPort: 8080, requests: { cpu: '37m', memory: '90Mi' } });
  });

  it('take a typed namespace as a new one, no port as none, and the default requests without usage', () => {
    const plan = walk([
      ['', 'nginx:1.27.3'],
      ['nginx', 'web'],
      ['team-a', 'fresh-team'],
      ['2', '2'],
      ['', ''],
      ['100m', '100m'],
      ['128Mi', '128Mi'],
    ]);
    assert.equal(plan.newNamespace, true);
    assert.equal('containerPort' in plan, false);
  });

  it('warn about an unpinned image but go on; refuse an empty request, a bad port and a bad namespace', () => {
    const flow = new StepFlow(deploySteps(namespaces, suggest), DEPLOY_START);
    assert.equal(flow.check('nginx')?.blocking, false);
    assert.equal(flow.answer('nginx'), undefined);
    flow.answer('web');
    assert.match(flow.answer('Team_B')?.message ?? '', /namespace/);
    flow.answer('default');
    flow.answer('1');
    assert.match(flow.answer('70000')?.message ?? '', /between 1 and 65535/);
    flow.answer('80');
    assert.match(flow.answer('')?.message ?? '', /^A cpu request is needed/);
  });
});

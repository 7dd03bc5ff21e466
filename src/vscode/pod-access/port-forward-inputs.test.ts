import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { StepFlow } from '../commands/step-flow.ts';
import { forwardSteps, type ForwardAnswers } from './port-forward-inputs.ts';
import type { DeclaredPort } from './pod-facts.ts';

const declared: DeclaredPort[] = [
  { port: 8080, name: 'http', where: 'container web' },
  { port: 9090, name: 'metrics', where: 'container web' },
];
const start: ForwardAnswers = { remote: '', local: 0 };

function flow(free: number[], ports = declared): StepFlow<ForwardAnswers> {
  return new StepFlow(forwardSteps(ports, { free: new Set(free), spare: 40123 }), start);
}

describe('Port Forward… steps', () => {
  it('offers the declared ports, the first picked, and the same local port when it is free', () => {
    const steps = flow([8080, 9090]);
    assert.equal(steps.initial(), '8080');
    assert.equal(steps.answer('8080'), undefined);
    assert.equal(steps.initial(), '8080');
    assert.equal(steps.answer('8080'), undefined);
    assert.deepEqual(steps.state, { remote: 8080, local: 8080 });
  });

  it('offers a free port instead of a taken one, and says which is taken', () => {
    const steps = flow([8080]);
    steps.answer('9090');
    assert.equal(steps.initial(), '40123');
    assert.match(steps.position.step.prompt(steps.state), /9090 is in use here/);
  });

  it('takes a typed number or port name, and refuses anything else', () => {
    const steps = flow([]);
    assert.match(steps.answer('http-alt!')?.message ?? '', /port number .* or a port name/);
    assert.match(steps.answer('70000')?.message ?? '', /port number/);
    assert.equal(steps.answer('metrics'), undefined);
    assert.equal(steps.state.remote, 'metrics');
    assert.equal(steps.initial(), '40123', 'a named port is offered the spare when its number is taken');
  });

  it('accepts 0 for any local port and nothing outside 0–65535', () => {
    const steps = flow([8080]);
    steps.answer('8080');
    assert.equal(steps.answer('65536')?.blocking, true);
    assert.equal(steps.answer('x')?.blocking, true);
    assert.equal(steps.answer('0'), undefined);
    assert.equal(steps.state.local, 0);
  });

  it('asks for a typed port when nothing is declared, offering the typed number locally as it is', () => {
    const steps = flow([], []);
    assert.equal(steps.initial(), '');
    assert.match(steps.position.step.prompt(steps.state), /none is declared/);
    assert.equal(steps.answer('5432'), undefined);
    assert.equal(steps.initial(), '5432');
  });
});

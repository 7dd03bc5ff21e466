import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { JOB_START, jobSteps } from './job-inputs.ts';
import { StepFlow } from './step-flow.ts';

describe('Run Task steps', () => {
  it('split the command line into an argument list and pre-fill parallelism from completions', () => {
    const flow = new StepFlow(jobSteps({ current: 'default', known: ['default'] }), JOB_START);
    for (const answer of ['busybox:1.36', 'greet', 'batch']) assert.equal(flow.answer(answer), undefined);
    assert.match(flow.answer('sh -c "echo hi')?.message ?? '', /Cannot split the command: a double quote is not closed/);
    flow.answer('sh -c "echo hi; sleep 1"');
    flow.answer('5');
    assert.equal(flow.initial(), '2');
    flow.answer('2');
    flow.answer('1');
    flow.answer('120');
    assert.ok(flow.done);
    const { command, args, namespace, completions, parallelism, backoffLimit, activeDeadlineSeconds, requests } = flow.state;
    assert.deepEqual({ command, args, namespace, completions, parallelism, backoffLimit, activeDeadlineSeconds, requests }, {
      command: ['sh'],
      args: ['-c', 'echo hi; sleep 1'],
      namespace: 'batch',
      completions: 5,
      parallelism: 2,
      backoffLimit: 1,
      activeDeadlineSeconds: 120,
      requests: { cpu: '100m', memory: '128Mi' },
    });
  });
});

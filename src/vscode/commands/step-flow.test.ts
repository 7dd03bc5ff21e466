import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { blocking, StepFlow, warning, type Step } from './step-flow.ts';

interface Order {
  readonly fruit: string;
  readonly count: number;
  readonly shop: string;
}

const steps: Step<Order>[] = [
  {
    type: 'text',
    name: 'fruit',
    prompt: () => 'Fruit, e.g. apple',
    value: () => '',
    check: (text) => (text.trim() === '' ? blocking('Name a fruit.') : text === 'durian' ? warning('It smells.') : undefined),
    apply: (order, fruit) => ({ ...order, fruit }),
  },
  {
    type: 'text',
    name: 'count',
    prompt: () => 'How many',
    // Derived from the answer before: one melon, six of anything else.
    value: (order) => (order.fruit === 'melon' ? '1' : '6'),
    check: (text) => (/^\d+$/.test(text) ? undefined : blocking('A whole number.')),
    apply: (order, text) => ({ ...order, count: Number(text) }),
  },
  {
    type: 'pick',
    name: 'shop',
    prompt: () => 'Where',
    choices: () => [{ label: 'market' }, { label: 'corner', description: 'nearest' }],
    value: () => 'corner',
    typed: (text) => (/^[a-z]+$/.test(text) ? { label: text, description: 'new shop' } : blocking(`"${text}" is no shop name.`)),
    apply: (order, choice) => ({ ...order, shop: choice.label }),
  },
];

const start: Order = { fruit: '', count: 0, shop: '' };

describe('StepFlow', () => {
  it('counts the steps, keeps a step on a blocking problem, lets a warning through', () => {
    const flow = new StepFlow(steps, start);
    assert.deepEqual([flow.position.number, flow.position.total, flow.position.step.name], [1, 3, 'fruit']);
    assert.deepEqual(flow.answer(' '), blocking('Name a fruit.'));
    assert.equal(flow.position.number, 1);
    assert.deepEqual(flow.check('durian'), warning('It smells.'));
    assert.equal(flow.answer('durian'), undefined);
    assert.equal(flow.position.number, 2);
  });

  it('pre-fills from earlier answers, and after Back shows what was typed, not the default', () => {
    const flow = new StepFlow(steps, start);
    flow.answer('melon');
    assert.equal(flow.initial(), '1');
    flow.answer('3');
    assert.ok(flow.back());
    assert.equal(flow.initial(), '3', 'the typed answer, kept');
    assert.ok(flow.back());
    assert.equal(flow.initial(), 'melon');
    assert.equal(flow.back(), false, 'no step before the first');
    flow.answer('plum');
    assert.equal(flow.initial(), '3', 'a typed answer outlives a change before it');
  });

  it('derives a default again after Back when the answer was the default', () => {
    const flow = new StepFlow(steps, start);
    flow.answer('melon');
    flow.answer('1');
    flow.back();
    flow.back();
    flow.answer('plum');
    assert.equal(flow.initial(), '6');
  });

  it('picks by label, takes a typed name its step accepts, and refuses one it does not', () => {
    const flow = new StepFlow(steps, start);
    flow.answer('apple');
    flow.answer('6');
    assert.equal(flow.initial(), 'corner');
    assert.deepEqual(flow.check('Big Shop'), blocking('"Big Shop" is no shop name.'));
    assert.deepEqual(flow.answer('Big Shop'), blocking('"Big Shop" is no shop name.'));
    assert.equal(flow.answer('deli'), undefined);
    assert.ok(flow.done);
    assert.deepEqual(flow.state, { fruit: 'apple', count: 6, shop: 'deli' });
  });
});

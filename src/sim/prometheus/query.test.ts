import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseDuration, parseStep, parseTime } from './duration.ts';
import { parseUsageQuery } from './query.ts';
import { errorOf, okValue } from '../test-helpers.ts';

const labels = { namespace: 'shop', pod: 'web-1', container: 'app' };

function selects(query: string, series: Record<string, string> = labels): boolean {
  return okValue(parseUsageQuery(query)).selects(series);
}

function error(query: string): string {
  return errorOf(parseUsageQuery(query), query);
}

describe('the PromQL subset', () => {
  it('reads both usage queries, with and without matchers', () => {
    const cpu = parseUsageQuery('rate(container_cpu_usage_seconds_total{container!="",pod!=""}[5m])');
    assert.deepEqual(cpu.ok && [cpu.value.resource, cpu.value.metric], ['cpu', 'container_cpu_usage_seconds_total']);
    const memory = parseUsageQuery(' container_memory_working_set_bytes ');
    assert.deepEqual(memory.ok && memory.value.resource, 'memory');
    assert.equal(selects('container_memory_working_set_bytes{}'), true);
  });

  it('applies =, !=, =~ and !~ with anchored regexes and "" for absent labels', () => {
    assert.equal(selects('container_memory_working_set_bytes{namespace="shop"}'), true);
    assert.equal(selects('container_memory_working_set_bytes{namespace="shop2"}'), false);
    assert.equal(selects('container_memory_working_set_bytes{pod!="web-1"}'), false);
    assert.equal(selects(`container_memory_working_set_bytes{pod=~'web-.*', container!~"side.*",}`), true);
    assert.equal(selects('container_memory_working_set_bytes{pod=~"web"}'), false);
    assert.equal(selects('container_memory_working_set_bytes{image!=""}'), false);
    assert.equal(selects('container_memory_working_set_bytes{image=""}'), true);
    assert.equal(selects('container_memory_working_set_bytes{namespace="sh\\"op"}', { ...labels, namespace: 'sh"op' }), true);
  });

  it('names what is not supported', () => {
    assert.match(error('sum(container_memory_working_set_bytes)'), /unsupported function "sum"/);
    assert.match(error('up'), /unsupported metric "up"/);
    assert.match(error('container_cpu_usage_seconds_total'), /is a counter: the simulator serves it only as rate/);
    assert.match(error('rate(container_memory_working_set_bytes[5m])'), /rate\(\) of the gauge/);
    assert.match(error('rate(container_cpu_usage_seconds_total[5x])'), /not a valid duration: "5x"/);
    assert.match(error('container_memory_working_set_bytes{pod~"a"}'), /1:39: parse error: expected "=", found "~"/);
    assert.match(error('container_memory_working_set_bytes{pod="a"'), /expected ",", found end of input/);
    assert.match(error('container_memory_working_set_bytes{pod=~"("}'), /^1:41: parse error: error parsing regexp: missing closing \)/);
    assert.match(error('container_memory_working_set_bytes{pod=~"(a)\\\\1"}'), /^1:41: parse error: error parsing regexp: invalid escape sequence: `\\1`$/);
    assert.match(error('container_memory_working_set_bytes offset 5m'), /expected end of input, found "o"/);
    assert.match(error(''), /expected a metric name or rate\(/);
  });
});

describe('durations and times', () => {
  it('reads Prometheus durations, float steps and both timestamp forms', () => {
    assert.equal(parseDuration('1h30m'), 5400);
    assert.equal(parseDuration('1d'), 86_400);
    assert.equal(parseDuration('250ms'), 0.25);
    assert.equal(parseDuration('30m1h'), undefined);
    assert.equal(parseStep('15.5'), 15.5);
    assert.equal(parseStep('5m'), 300);
    assert.equal(parseStep('five'), undefined);
    assert.equal(parseTime('1700000000.5'), 1_700_000_000.5);
    assert.equal(parseTime('2023-11-14T22:13:20.5Z'), 1_700_000_000.5);
    assert.equal(parseTime('yesterday'), undefined);
  });
});

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { UsageStatus } from '../../cluster/usage/usage-types.ts';
import { missingUsageText, prometheusHost, usageSourcesLine } from './usage-status-text.ts';

const URL_WITH_SECRET = 'http://admin:hunter2@prom.example:9090/prometheus?token=abc';
const status = (prometheus: UsageStatus['prometheus'], metrics: UsageStatus['metrics'] = { phase: 'ready' }): UsageStatus => ({ metrics, prometheus, store: { phase: 'ready', containers: 3 } });
const subject = 'container `web` of Deployment `default/frontend`';
const missing = (prometheus: UsageStatus['prometheus'], metrics?: UsageStatus['metrics']): string => missingUsageText(status(prometheus, metrics), subject, 'dev', URL_WITH_SECRET);
const SETTING = /kubeWorkbench\.allocator\.prometheusUrl/;

describe('usage status text', () => {
  it('names Prometheus by host:port only, never its credentials or query', () => {
    assert.equal(prometheusHost(URL_WITH_SECRET), 'prom.example:9090');
    assert.equal(prometheusHost('not a url'), undefined);
    for (const text of [missing({ phase: 'loading' }), missing({ phase: 'ready', series: 2 }), usageSourcesLine(status({ phase: 'ready', series: 2 }), URL_WITH_SECRET)]) {
      assert.match(text, /prom\.example:9090/);
      assert.doesNotMatch(text, /hunter2|admin|token|abc/);
    }
  });

  it('asks for the Prometheus URL only when none is set', () => {
    assert.match(missing({ phase: 'off' }), SETTING);
    assert.match(missing({ phase: 'off' }, { phase: 'loading' }), /first sample is still to come/);
    for (const prometheus of [{ phase: 'loading' }, { phase: 'ready', series: 5 }, { phase: 'error', message: 'Prometheus at prom.example:9090/prometheus is unreachable: ECONNREFUSED' }] as const) {
      assert.doesNotMatch(missing(prometheus), SETTING, prometheus.phase);
    }
  });

  it('tells loading, failing and "no samples for this workload" apart', () => {
    assert.equal(missing({ phase: 'loading' }), 'No usage for container `web` of Deployment `default/frontend` yet: the history from Prometheus at prom.example:9090 is still loading.');
    assert.equal(
      missing({ phase: 'error', message: 'Prometheus at prom.example:9090/prometheus is unreachable: ECONNREFUSED' }, { phase: 'error', message: 'metrics.k8s.io is not installed' }),
      'No usage for container `web` of Deployment `default/frontend` yet, and the Prometheus history could not be loaded: Prometheus at prom.example:9090/prometheus is unreachable: ECONNREFUSED. The metrics API cannot be sampled: metrics.k8s.io is not installed.',
    );
    assert.equal(
      missing({ phase: 'ready', series: 12 }),
      'No samples for container `web` of Deployment `default/frontend` yet: Prometheus at prom.example:9090 returned 12 series, none of this container. The metrics API, sampled every minute, has not seen its pods either. Does it run in context `dev` under this name and namespace?',
    );
  });

  it('lists each source of the report with its state and what it holds', () => {
    assert.equal(
      usageSourcesLine(status({ phase: 'ready', series: 24 }), URL_WITH_SECRET),
      'metrics API: ready · Prometheus at prom.example:9090: ready (24 series) · stored history: ready (3 containers)',
    );
    assert.match(usageSourcesLine(status({ phase: 'off' }), ''), /Prometheus: off \(no kubeWorkbench\.allocator\.prometheusUrl set\)/);
    assert.equal(usageSourcesLine(undefined, ''), 'No usage sources for this context yet.');
  });
});

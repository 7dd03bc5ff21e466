/**
 * The aggregation the suggest command sends, so a whole cluster's history comes back per workload
 * container instead of per pod: `max by (namespace, workload, container) (<selector> * on (namespace,
 * pod) group_left (workload, workload_type) namespace_workload_pod:kube_pod_owner:relabel{...})`,
 * kube-prometheus' way to aggregate by workload. The join is optional; nothing else is accepted.
 */
import type { Cursor} from './query.ts';
import { matchers, ownerMetric, ParseError, predicates, selector, type AggregationOp, type UsageQuery } from './query.ts';

const identifier = /[a-zA-Z_][a-zA-Z0-9_]*/y;
const metricName = /[a-zA-Z_:][a-zA-Z0-9_:]*/y;

function labelList(cursor: Cursor): string[] {
  const labels: string[] = [];
  cursor.expect('(');
  while (!cursor.peek(')')) {
    labels.push(cursor.pattern(identifier, 'a label name'));
    if (!cursor.peek(')')) cursor.expect(',');
  }
  cursor.expect(')');
  return labels;
}

export function aggregation(cursor: Cursor, op: AggregationOp): UsageQuery {
  cursor.expect('by');
  const by = labelList(cursor);
  cursor.expect('(');
  const inner = selector(cursor, cursor.pattern(metricName, 'a metric name or rate('));
  let join: NonNullable<UsageQuery['aggregation']>['join'];
  if (cursor.peek('*')) {
    cursor.expect('*');
    cursor.expect('on');
    const on = labelList(cursor);
    if (on.length !== 2 || !on.includes('namespace') || !on.includes('pod')) throw new ParseError('the simulator joins on (namespace, pod) only');
    cursor.expect('group_left');
    const labels = labelList(cursor);
    const owner = cursor.pattern(metricName, 'a metric name');
    if (owner !== ownerMetric) throw new ParseError(`the simulator joins with ${ownerMetric} only, not "${owner}"`);
    const tests = predicates(matchers(cursor));
    join = { labels, selects: (ownerLabels) => tests.every((test) => test(ownerLabels)) };
  }
  cursor.expect(')');
  return { ...inner, aggregation: { op, by, join } };
}

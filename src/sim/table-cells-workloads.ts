/** Table printers for apps/v1 and batch/v1 workloads, with kubectl 1.32's column names. */
import { ageOf, humanDuration } from '../core/text/age.ts';
import type { Job, KubeObject, PodTemplate } from './objects.ts';
import { conditionOf } from './objects.ts';
import { field, simple } from './table-cells-core.ts';
import type { Column, Printer } from './tables.ts';

const none = '<none>';

function number(object: KubeObject, ...path: string[]): number {
  const value = field(object, ...path);
  return typeof value === 'number' ? value : 0;
}

function selectorText(object: KubeObject): string {
  const labels = field(object, 'spec', 'selector', 'matchLabels');
  if (typeof labels !== 'object' || labels === null) return none;
  return Object.entries(labels).map(([key, value]) => `${key}=${String(value)}`).join(',') || none;
}

const wideColumns: Column[] = [
  { name: 'Containers', priority: 1 },
  { name: 'Images', priority: 1 },
  { name: 'Selector', priority: 1 },
];

function wideCells(object: KubeObject): string[] {
  const template = field(object, 'spec', 'template') as PodTemplate | undefined;
  const containers = template?.spec.containers ?? [];
  return [containers.map((each) => each.name).join(','), containers.map((each) => each.image ?? '').join(','), selectorText(object)];
}

/** Job STATUS as kubectl 1.32 prints it: the terminal condition, else Suspended or Running. */
function jobStatus(job: Job): string {
  const conditions = job.status?.conditions;
  if (conditionOf(conditions, 'Complete')?.status === 'True') return 'Complete';
  if (conditionOf(conditions, 'Failed')?.status === 'True') return 'Failed';
  if (conditionOf(conditions, 'FailureTarget')?.status === 'True') return 'FailureTarget';
  if (job.spec.suspend === true) return 'Suspended';
  return 'Running';
}

function jobDuration(job: Job, now: number): string {
  const start = job.status?.startTime;
  if (start === undefined) return '';
  const end = job.status?.completionTime === undefined ? now : Date.parse(job.status.completionTime);
  return humanDuration(end - Date.parse(start));
}

export const workloadCells: Record<string, Printer> = {
  'apps/deployments': {
    columns: [{ name: 'Name' }, { name: 'Ready' }, { name: 'Up-to-date' }, { name: 'Available' }, { name: 'Age' }, ...wideColumns],
    cells: (object, now) => [
      object.metadata.name,
      `${number(object, 'status', 'readyReplicas')}/${number(object, 'spec', 'replicas')}`,
      number(object, 'status', 'updatedReplicas'),
      number(object, 'status', 'availableReplicas'),
      ageOf(object.metadata.creationTimestamp, now),
      ...wideCells(object),
    ],
  },
  'apps/replicasets': {
    columns: [{ name: 'Name' }, { name: 'Desired' }, { name: 'Current' }, { name: 'Ready' }, { name: 'Age' }, ...wideColumns],
    cells: (object, now) => [
      object.metadata.name,
      number(object, 'spec', 'replicas'),
      number(object, 'status', 'replicas'),
      number(object, 'status', 'readyReplicas'),
      ageOf(object.metadata.creationTimestamp, now),
      ...wideCells(object),
    ],
  },
  'apps/statefulsets': simple(['Name', 'Ready', 'Age'], (object, now) => [
    object.metadata.name,
    `${number(object, 'status', 'readyReplicas')}/${number(object, 'spec', 'replicas')}`,
    ageOf(object.metadata.creationTimestamp, now),
  ]),
  'apps/daemonsets': simple(['Name', 'Desired', 'Current', 'Ready', 'Up-to-date', 'Available', 'Node Selector', 'Age'], (object, now) => [
    object.metadata.name,
    number(object, 'status', 'desiredNumberScheduled'),
    number(object, 'status', 'currentNumberScheduled'),
    number(object, 'status', 'numberReady'),
    number(object, 'status', 'updatedNumberScheduled'),
    number(object, 'status', 'numberAvailable'),
    none,
    ageOf(object.metadata.creationTimestamp, now),
  ]),
  'batch/jobs': {
    columns: [{ name: 'Name' }, { name: 'Status' }, { name: 'Completions' }, { name: 'Duration' }, { name: 'Age' }, ...wideColumns],
    cells: (object, now) => {
      const job = object as Job;
      const completions = job.spec.completions ?? null;
      const succeeded = job.status?.succeeded ?? 0;
      return [
        job.metadata.name,
        jobStatus(job),
        completions === null ? `${succeeded}/1 of ${job.spec.parallelism ?? 1}` : `${succeeded}/${completions}`,
        jobDuration(job, now),
        ageOf(job.metadata.creationTimestamp, now),
        ...wideCells(job),
      ];
    },
  },
  'batch/cronjobs': simple(['Name', 'Schedule', 'Timezone', 'Suspend', 'Active', 'Last Schedule', 'Age'], (object, now) => {
    const last = field(object, 'status', 'lastScheduleTime');
    const active = field(object, 'status', 'active');
    return [
      object.metadata.name,
      field(object, 'spec', 'schedule'),
      field(object, 'spec', 'timeZone') ?? none,
      String(field(object, 'spec', 'suspend') === true ? 'True' : 'False'),
      Array.isArray(active) ? active.length : 0,
      last === undefined ? none : ageOf(last, now),
      ageOf(object.metadata.creationTimestamp, now),
    ];
  }),
};

// The Job that "Run task" creates: an argument list (never a shell string), completions and
// parallelism, a retry budget, a deadline and clean-up after it finishes.
import { appLabels } from './labels.ts';
import { podSpec, type Requests } from './pod-spec.ts';

export interface JobInput {
  readonly name: string;
  readonly namespace: string;
  readonly image: string;
  /** Replaces the image's entrypoint when not empty. */
  readonly command: readonly string[];
  readonly args: readonly string[];
  readonly completions: number;
  readonly parallelism: number;
  readonly backoffLimit: number;
  readonly activeDeadlineSeconds?: number;
  readonly ttlSecondsAfterFinished?: number;
  readonly requests: Requests;
}

export function jobManifest(input: JobInput): Record<string, unknown> {
  return {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: { name: input.name, namespace: input.namespace, labels: appLabels(input.name) },
    spec: {
      completions: input.completions,
      parallelism: input.parallelism,
      backoffLimit: input.backoffLimit,
      ...(input.activeDeadlineSeconds === undefined ? {} : { activeDeadlineSeconds: input.activeDeadlineSeconds }),
      ...(input.ttlSecondsAfterFinished === undefined ? {} : { ttlSecondsAfterFinished: input.ttlSecondsAfterFinished }),
      template: {
        metadata: { labels: appLabels(input.name) },
        // A failed pod is replaced, not restarted in place, so backoffLimit counts the failures.
        spec: podSpec(
          {
            name: input.name,
            image: input.image,
            ...(input.command.length === 0 ? {} : { command: [...input.command] }),
            ...(input.args.length === 0 ? {} : { args: [...input.args] }),
          },
          input.requests,
          { restartPolicy: 'Never' },
        ),
      },
    },
  };
}

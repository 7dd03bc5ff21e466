// The eight steps of "Run task"; the command line is split into an argument list, never run by a
// shell. Requests are the defaults (a task's usage is unknown before it runs), in the Job as Describe shows.
import type { JobInput } from '../../core/manifests/job.ts';
import { DEFAULT_REQUESTS } from '../../core/manifests/pod-spec.ts';
import { splitArguments } from '../../core/validation/arguments.ts';
import { countProblem } from '../../core/validation/inputs.ts';
import { imageStep, namespaceStep, nameStep } from './input-steps.ts';
import type { NamespaceChoices } from './object-picks.ts';
import { blockingIf, type Step, type TextStep } from './step-flow.ts';

export const JOB_START: JobInput = {
  image: '',
  name: '',
  namespace: '',
  command: [],
  args: [],
  completions: 1,
  parallelism: 1,
  backoffLimit: 2,
  activeDeadlineSeconds: 600,
  ttlSecondsAfterFinished: 3600,
  requests: DEFAULT_REQUESTS,
};

type CountField = 'completions' | 'parallelism' | 'backoffLimit' | 'activeDeadlineSeconds';

function count(name: string, field: CountField, range: { min: number; max: number }, value: (input: JobInput) => number): TextStep<JobInput> {
  return {
    type: 'text',
    name,
    prompt: () => `${name[0]!.toUpperCase()}${name.slice(1)} (${range.min}–${range.max})`,
    value: (input) => String(value(input)),
    check: (text) => blockingIf(countProblem(text, name, range)),
    apply: (input, text) => ({ ...input, [field]: Number(text) }),
  };
}

export function jobSteps(namespaces: NamespaceChoices): Step<JobInput>[] {
  return [
    imageStep('python:3.13'),
    nameStep('Name of the Job'),
    // A typed name covers a namespace this user may use but not list.
    namespaceStep(namespaces, 'Pick a namespace, or type the name of another', 'not in the Explorer\'s lists', (input, namespace) => ({ ...input, namespace })),
    {
      type: 'text',
      name: 'command',
      prompt: () => 'Command and arguments, quoted as in a shell, e.g. python -c "print(1)"; empty for the image\'s own',
      value: () => '',
      check: (text) => {
        const split = splitArguments(text);
        return blockingIf(split.ok ? undefined : `Cannot split the command: ${split.reason}.`);
      },
      apply: (input, text) => {
        const split = splitArguments(text);
        const words = split.ok ? split.args : [];
        // The first word replaces the entrypoint, the rest are its arguments, as `kubectl create job -- cmd args`.
        return { ...input, command: words.slice(0, 1), args: words.slice(1) };
      },
    },
    count('completions', 'completions', { min: 1, max: 1000 }, (input) => input.completions),
    count('parallelism', 'parallelism', { min: 1, max: 1000 }, (input) => Math.min(input.completions, 2)),
    count('retries (backoffLimit)', 'backoffLimit', { min: 0, max: 10 }, (input) => input.backoffLimit),
    count('deadline in seconds', 'activeDeadlineSeconds', { min: 1, max: 604_800 }, (input) => input.activeDeadlineSeconds ?? 600),
  ];
}

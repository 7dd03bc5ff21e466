// The questions "Run task" asks; the command line is split into an argument list, never run by a shell.
import * as vscode from 'vscode';
import type { JobInput } from '../../core/manifests/job.ts';
import { splitArguments } from '../../core/validation/arguments.ts';
import { checkImage, countProblem } from '../../core/validation/inputs.ts';
import { nameFormats, nameProblem } from '../../core/validation/names.ts';
import { askNamespace, type NamespaceChoices } from './object-picks.ts';

export type JobAnswers = Partial<Omit<JobInput, 'command' | 'args'>> & { readonly commandLine?: string };

async function ask(title: string, prompt: string, value: string, validate: (text: string) => string | undefined): Promise<string | undefined> {
  const answer = await vscode.window.showInputBox({ title: `Run task: ${title}`, prompt, value, ignoreFocusOut: true, validateInput: validate });
  return answer?.trim();
}

async function count(preset: number | undefined, title: string, value: string, range: { min: number; max: number }): Promise<number | undefined> {
  if (preset !== undefined) return preset;
  const answer = await ask(title, `${title} (${range.min}–${range.max})`, value, (text) => countProblem(text, title, range));
  return answer === undefined ? undefined : Number(answer);
}

export async function askJob(preset: JobAnswers, namespaces: NamespaceChoices): Promise<JobInput | undefined> {
  const image = preset.image ?? (await ask('image', 'Image reference, e.g. python:3.13', '', (text) => checkImage(text).error));
  if (image === undefined) return undefined;
  const name = preset.name ?? (await ask('name', 'Name of the Job', '', (text) => nameProblem(text.trim(), nameFormats.label, 'name')));
  if (name === undefined) return undefined;
  // "Other namespace…" covers a namespace this user may use but not list.
  const namespace = preset.namespace ?? (await askNamespace(namespaces.known, namespaces.current, 'Run task: namespace', 'Other namespace…'))?.name;
  if (namespace === undefined) return undefined;
  const line = preset.commandLine ?? (await ask('command', 'Command and arguments, quoted as in a shell (empty: the image\'s own)', '', (text) => {
    const split = splitArguments(text);
    return split.ok ? undefined : `Cannot split the command: ${split.reason}.`;
  }));
  if (line === undefined) return undefined;
  const split = splitArguments(line);
  if (!split.ok) return undefined;
  const completions = await count(preset.completions, 'completions', '1', { min: 1, max: 1000 });
  if (completions === undefined) return undefined;
  const parallelism = await count(preset.parallelism, 'parallelism', String(Math.min(completions, 2)), { min: 1, max: 1000 });
  if (parallelism === undefined) return undefined;
  const backoffLimit = await count(preset.backoffLimit, 'retries (backoffLimit)', '2', { min: 0, max: 10 });
  if (backoffLimit === undefined) return undefined;
  const activeDeadlineSeconds = await count(preset.activeDeadlineSeconds, 'deadline in seconds', '600', { min: 1, max: 604_800 });
  if (activeDeadlineSeconds === undefined) return undefined;
  return {
    image,
    name,
    namespace,
    // The first word replaces the entrypoint, the rest are its arguments, as `kubectl create job -- cmd args`.
    command: split.args.slice(0, 1),
    args: split.args.slice(1),
    completions,
    parallelism,
    backoffLimit,
    activeDeadlineSeconds,
    ttlSecondsAfterFinished: preset.ttlSecondsAfterFinished ?? 3600,
  };
}

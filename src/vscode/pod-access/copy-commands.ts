// Copy From Pod… and Copy To Pod… on a pod row (or a workload's ready pod, or the palette's pick):
// the container when there is a choice, the path in the container, then the local folder or the
// file or folder to send, chosen in a dialog; tar over exec does the copy (exec-copy.ts), which
// refuses archive entries that would land outside the chosen folder.
import * as vscode from 'vscode';
import type { CopyReport } from '../../cluster/index.ts';
import { byteSize } from '../../core/text/byte-size.ts';
import type { ClusterServiceHolder } from '../cluster-service-holder.ts';
import type { CommandUi } from '../commands/command-ui.ts';
import { runSteps } from '../commands/multi-step-input.ts';
import type { TargetArgument } from '../commands/object-picks.ts';
import { dismissed, type Outcome } from '../commands/outcome.ts';
import { runCommand } from '../commands/run-command.ts';
import { blocking, type PickStep, type Step, type TextStep } from '../commands/step-flow.ts';
import { Commands } from '../ids.ts';
import { containerSteps, execTarget, podFor, type WithContainer } from './pod-target.ts';

/** Copies are bounded by size (exec-copy's limits), not by time: a slow link may take a while. */
const COPY_TIMEOUT_MS = 10 * 60_000;

interface CopyAnswers extends WithContainer {
  readonly remote: string;
  readonly folder: boolean;
}

function remotePathStep(name: string, prompt: string, value: string): TextStep<CopyAnswers> {
  return {
    type: 'text',
    name,
    prompt: () => prompt,
    value: () => value,
    check: (text) => (!text.trim().startsWith('/') ? blocking('An absolute path in the container, starting with "/".') : text.trim().replace(/\/+$/, '') === '' && name === 'path' ? blocking('A file or folder below "/", not "/" itself.') : undefined),
    apply: (state, text) => ({ ...state, remote: text }),
  };
}

const whatStep: PickStep<CopyAnswers> = {
  type: 'pick',
  name: 'what',
  prompt: () => 'Copy a file or a folder?',
  choices: () => [{ label: 'Folder' }, { label: 'File' }],
  value: () => 'Folder',
  typed: () => blocking('Pick File or Folder.'),
  apply: (state, choice) => ({ ...state, folder: choice.label === 'Folder' }),
};

function reportText(report: CopyReport): string {
  const skipped = report.skipped.length === 0 ? '' : `; left out ${report.skipped.length} links or special files (${report.skipped.slice(0, 3).join(', ')}${report.skipped.length > 3 ? ', …' : ''})`;
  return `${report.files} files, ${report.folders} folders, ${byteSize(report.bytes)}${skipped}`;
}

async function copy(clusters: ClusterServiceHolder, ui: CommandUi, argument: TargetArgument, direction: 'from' | 'to'): Promise<Outcome<CopyReport>> {
  const verb = direction === 'from' ? 'Copy from' : 'Copy to';
  const pod = await podFor(clusters, argument, verb);
  if (!('containers' in pod)) return pod;
  const first = pod.containers.find((container) => container.running) ?? pod.containers[0];
  const steps: Step<CopyAnswers>[] = [
    ...containerSteps<CopyAnswers>(pod.containers, (state, container) => ({ ...state, container })),
    ...(direction === 'from' ? [remotePathStep('path', 'File or folder in the container to copy, e.g. /etc/nginx', '')] : [whatStep, remotePathStep('folder', 'Folder in the container to copy into, e.g. /tmp', '/tmp')]),
  ];
  const answers = await runSteps(ui, `${verb} ${pod.action.object}`, steps, { container: first?.name ?? '', remote: '', folder: true });
  if (answers === undefined) return dismissed(pod.action);
  const local = await ui.choosePath(
    direction === 'from'
      ? { title: `Folder to copy ${answers.remote} into`, files: false, folders: true }
      : { title: `${answers.folder ? 'Folder' : 'File'} to copy into ${answers.remote} of ${pod.pod}`, files: !answers.folder, folders: answers.folder },
  );
  if (local === undefined) return dismissed(pod.action);
  const target = execTarget(pod, answers.container);
  const action = { ...pod.action, object: `container "${answers.container}" of ${pod.action.object}` };
  const moved = direction === 'from' ? `${answers.remote} from ${action.object} to ${local}` : `${local} to ${answers.remote} of ${action.object}`;
  const exec = clusters.get().exec;
  const remote = answers.remote.trim();
  return runCommand(ui, action, (signal) => (direction === 'from' ? exec.copyFromPod(target, remote, local, signal) : exec.copyToPod(target, local, remote, signal)), {
    timeoutMs: COPY_TIMEOUT_MS,
    success: (report) => `Copied ${moved} in context "${pod.context}": ${reportText(report)}.`,
    leftBehind: direction === 'from' ? 'the stream is closed; files already written here stay' : 'the stream is closed; what tar already wrote in the container stays',
  });
}

export function registerCopyCommands(clusters: ClusterServiceHolder, ui: CommandUi): vscode.Disposable {
  return vscode.Disposable.from(
    vscode.commands.registerCommand(Commands.copyFromPod, (argument?: TargetArgument) => copy(clusters, ui, argument, 'from')),
    vscode.commands.registerCommand(Commands.copyToPod, (argument?: TargetArgument) => copy(clusters, ui, argument, 'to')),
  );
}

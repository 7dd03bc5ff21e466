// Describe: the live object laid out as `kubectl describe` prints it, with its events, in a read-only
// document (describe-documents.ts; Secret values redacted: secret-reveal-command.ts shows one key on
// request).
import * as vscode from 'vscode';
import type { ClusterServiceHolder } from '../cluster-service-holder.ts';
import { Commands, DESCRIBE_LANGUAGE } from '../ids.ts';
import { withCancellableProgress } from './cancellable-progress.ts';
import { describedText, describeUri, type DescribeProvider } from './describe-documents.ts';
import { ALL_KINDS, resolveTarget, type TargetArgument } from './object-picks.ts';
import { describeTarget } from './object-targets.ts';

export function registerDescribeCommand(clusters: ClusterServiceHolder, provider: DescribeProvider): vscode.Disposable {
  return vscode.commands.registerCommand(Commands.describe, async (argument?: TargetArgument): Promise<vscode.TextEditor | undefined> => {
    const target = await resolveTarget(clusters, argument, [...ALL_KINDS, 'Secret'], 'Describe which object?');
    if (target === undefined) return undefined;
    const text = await withCancellableProgress(`Describing ${describeTarget(target)}`, (signal) => describedText(clusters, target, signal));
    if (text === undefined) return undefined;
    const document = await provider.show(describeUri(target), text);
    await vscode.languages.setTextDocumentLanguage(document, DESCRIBE_LANGUAGE);
    return vscode.window.showTextDocument(document, { preview: true });
  });
}

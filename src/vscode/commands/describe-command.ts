// Describe: the live object as a read-only YAML document (no managedFields, Secret values redacted:
// secret-reveal-command.ts shows one key on request), fetched again each time the document is opened.
import * as vscode from 'vscode';
import type { ObjectRef } from '../../cluster/index.ts';
import { loadCoreModule } from '../bundle-loader.ts';
import type { ClusterServiceHolder } from '../cluster-service-holder.ts';
import { Commands, DESCRIBE_SCHEME } from '../ids.ts';
import { withCancellableProgress } from './cancellable-progress.ts';
import { ALL_KINDS, resolveTarget, type TargetArgument } from './object-picks.ts';
import { describeTarget, type Target } from './object-targets.ts';

/** kube-workbench-describe:/<context>/<kind>/<namespace or _>/<name>.yaml?<JSON of the KindPath for custom kinds> */
function describeUri(target: Target): vscode.Uri {
  const parts = [target.context, target.ref.kind, target.ref.namespace || '_', `${target.ref.name}.yaml`].map(encodeURIComponent);
  return vscode.Uri.from({ scheme: DESCRIBE_SCHEME, path: `/${parts.join('/')}`, query: target.ref.path === undefined ? '' : JSON.stringify(target.ref.path) });
}

/** The object a Describe document shows. */
export function describedTarget(uri: vscode.Uri): Target {
  const [context = '', kind = '', namespace = '', file = ''] = uri.path.slice(1).split('/').map(decodeURIComponent);
  const ref: ObjectRef = { kind, namespace: namespace === '_' ? '' : namespace, name: file.replace(/\.yaml$/, ''), ...(uri.query === '' ? {} : { path: JSON.parse(uri.query) }) };
  return { context, ref };
}

class DescribeProvider implements vscode.TextDocumentContentProvider {
  private readonly clusters: ClusterServiceHolder;

  constructor(clusters: ClusterServiceHolder) {
    this.clusters = clusters;
  }

  async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
    const target = describedTarget(uri);
    const connection = this.clusters.get().connect(target.context);
    if (connection === undefined) return `# unknown context "${target.context}"\n`;
    const read = await connection.operations.get(target.ref);
    if (!read.ok) return `# ${describeTarget(target)}: ${read.error.message}\n`;
    const { toYaml, describeObject } = loadCoreModule();
    return `# ${describeTarget(target)} in context "${target.context}", read-only\n${toYaml(describeObject(read.value))}`;
  }
}

export function registerDescribeCommand(clusters: ClusterServiceHolder): vscode.Disposable {
  return vscode.Disposable.from(
    vscode.workspace.registerTextDocumentContentProvider(DESCRIBE_SCHEME, new DescribeProvider(clusters)),
    vscode.commands.registerCommand(Commands.describe, async (argument?: TargetArgument): Promise<vscode.TextEditor | undefined> => {
      const target = await resolveTarget(clusters, argument, [...ALL_KINDS, 'Secret'], 'Describe which object?');
      if (target === undefined) return undefined;
      // The provider reads the object; Cancel leaves that read to finish unseen.
      const document = await withCancellableProgress(`Describing ${describeTarget(target)}`, () => vscode.workspace.openTextDocument(describeUri(target)));
      if (document === undefined) return undefined;
      await vscode.languages.setTextDocumentLanguage(document, 'yaml');
      return vscode.window.showTextDocument(document, { preview: true });
    }),
  );
}

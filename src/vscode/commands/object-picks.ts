// What a command acts on when the palette, not a tree row, invoked it: the namespace (the context's
// own first), then one object of the kinds the command handles, both picked from the cache the
// Explorer reads. Answers given up front (tests) are checked against the same lists.
import * as vscode from 'vscode';
import type { WorkloadKind } from '../../core/cluster/workload-model.ts';
import { nameFormats, nameProblem } from '../../core/validation/names.ts';
import type { ClusterConnection } from '../bundle-loader.ts';
import type { ClusterServiceHolder } from '../cluster-service-holder.ts';
import type { Element } from '../explorer/elements.ts';
import { currentContext, targetOf, type Target } from './object-targets.ts';

/** Secrets are not cached (their values would sit in memory): the palette lists their names live. */
export type PickKind = 'Pod' | WorkloadKind | 'Secret';
type CachedKind = Exclude<PickKind, 'Secret'>;

/** The palette's answers, given up front: the namespace, then the object's name (and kind when names clash). */
export interface PickAnswers {
  readonly namespace?: string;
  readonly kind?: string;
  readonly name?: string;
}

/** A tree row (the Explorer's menus), or the answers to the palette's questions. */
export type TargetArgument = Element | PickAnswers | undefined;

/** What the palette offers when a command acts on any listed object (Describe, Delete). */
export const ALL_KINDS: readonly CachedKind[] = ['Pod', 'Deployment', 'StatefulSet', 'DaemonSet', 'Job', 'CronJob', 'Service', 'ConfigMap'];

const isCached = (kind: PickKind): kind is CachedKind => kind !== 'Secret';

/** The slim store of the connection's cache that holds `kind`. */
const storeOf = (connection: ClusterConnection, kind: CachedKind) => (kind === 'Pod' ? connection.pods : connection.workloads[kind]);

async function namesIn(connection: ClusterConnection, kind: PickKind, namespace: string): Promise<string[]> {
  if (isCached(kind)) return storeOf(connection, kind).byIndex('namespace', namespace).map((object) => object.meta.name);
  const listed = await connection.operations.names(kind, namespace);
  if (!listed.ok) void vscode.window.showWarningMessage(listed.error.message);
  return listed.ok ? listed.value : [];
}

/**
 * The namespaces that hold objects of `kinds` in a context's cache (the cache lists no Namespaces);
 * for a kind it does not hold, every namespace it knows.
 */
export function namespacesOf(connection: ClusterConnection, kinds: readonly PickKind[] = ALL_KINDS): string[] {
  const cached = kinds.every(isCached) ? kinds.filter(isCached) : ALL_KINDS;
  const names = new Set(cached.flatMap((kind) => storeOf(connection, kind).indexValues('namespace')));
  return [...names].sort();
}

/** The namespaces the namespace question offers: those of the context's cache, the context's own first. */
export interface NamespaceChoices {
  readonly current: string;
  readonly known: readonly string[];
}

export function namespaceChoices(connection: ClusterConnection, contextNamespace: string): NamespaceChoices {
  const current = contextNamespace || 'default';
  return { current, known: [...new Set([current, ...namespacesOf(connection)])] };
}

/** A namespace picked from `known`, or typed (a DNS-1123 label) after choosing the item `other`. */
export async function askNamespace(known: readonly string[], current: string, title: string, other: string): Promise<{ readonly name: string; readonly typed: boolean } | undefined> {
  const items = [...known.map((name) => ({ label: name, description: name === current ? 'current' : '' })), { label: other, description: '' }];
  const picked = await vscode.window.showQuickPick(items, { title, placeHolder: 'Namespace', ignoreFocusOut: true });
  if (picked === undefined || picked.label !== other) return picked && { name: picked.label, typed: false };
  const typed = await vscode.window.showInputBox({ title, prompt: 'Namespace', value: known.includes(current) ? '' : current, ignoreFocusOut: true, validateInput: (text) => nameProblem(text.trim(), nameFormats.label, 'namespace') });
  return typed === undefined ? undefined : { name: typed.trim(), typed: true };
}

/**
 * The item the answer names (telling the user when none does), else the user's pick. A single
 * item is taken without asking only when `skipSingle` says the question is a formality.
 */
async function choose<T extends vscode.QuickPickItem>(items: readonly T[], title: string, answer: ((item: T) => boolean) | undefined, missing: string, skipSingle = false): Promise<T | undefined> {
  const chosen = answer === undefined ? (skipSingle && items.length === 1 ? items[0] : await vscode.window.showQuickPick(items, { title, matchOnDescription: true })) : items.find(answer);
  if (chosen === undefined && answer !== undefined) void vscode.window.showErrorMessage(missing);
  return chosen;
}

/** Asks (or takes from `answers`) the namespace, then one object of `kinds`, in the current context. */
export async function pickObject(clusters: ClusterServiceHolder, kinds: readonly PickKind[], question: string, answers: PickAnswers = {}): Promise<Target | undefined> {
  const current = currentContext(clusters);
  const connection = current === undefined ? undefined : clusters.get().connect(current.name);
  if (current === undefined || connection === undefined) return undefined;
  const context = current.name;
  const namespaces = namespacesOf(connection, kinds);
  if (namespaces.length === 0) {
    void vscode.window.showErrorMessage(`No ${kinds.join(', ')} in context "${context}" (yet: the Explorer may still be listing).`);
    return undefined;
  }
  // The context's namespace is where its user works: offer it first.
  const ordered = [...namespaces.filter((name) => name === current.namespace), ...namespaces.filter((name) => name !== current.namespace)];
  const namespaceItems = ordered.map((name) => ({ label: name, description: name === current.namespace ? 'namespace of the context' : '' }));
  const wanted = answers.namespace;
  const namespace = (await choose(namespaceItems, `${question} Namespace`, wanted === undefined ? undefined : (item) => item.label === wanted, `No ${kinds.join(', ')} in namespace "${wanted}" of context "${context}".`, true))?.label;
  if (namespace === undefined) return undefined;
  const names = await Promise.all(kinds.map((kind) => namesIn(connection, kind, namespace)));
  const objectItems = kinds.flatMap((kind, index) => names[index]!.sort().map((name) => ({ label: name, description: kind, objectKind: kind })));
  const { name, kind } = answers;
  const answer = name === undefined ? undefined : (item: (typeof objectItems)[number]) => item.label === name && (kind === undefined || item.objectKind === kind);
  const picked = await choose(objectItems, `${question} (${namespace})`, answer, `No ${kind ?? kinds.join(', ')} "${name}" in namespace "${namespace}" of context "${context}".`);
  return picked === undefined ? undefined : { context, ref: { kind: picked.objectKind, namespace, name: picked.label } };
}

/** The object a command acts on: the tree row it was invoked on, else the palette's questions. */
export function resolveTarget(clusters: ClusterServiceHolder, argument: TargetArgument, kinds: readonly PickKind[], question: string): Promise<Target | undefined> {
  if (argument !== undefined && 'type' in argument) return Promise.resolve(targetOf(argument, clusters));
  return pickObject(clusters, kinds, question, argument);
}

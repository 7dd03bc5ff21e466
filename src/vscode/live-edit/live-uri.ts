// Where a live object's document lives: kubernetes:/<context>/<namespace or _>/<kind>/<name>.yaml,
// a custom resource's kind path (group, version, plural, scope) in the query, as its kind alone does
// not say where it is served.
import * as vscode from 'vscode';
import type { KindPath } from '../../cluster/kinds.ts';
import { LIVE_SCHEME } from '../ids.ts';
import type { Target } from '../commands/object-targets.ts';

export function liveUri(target: Target): vscode.Uri {
  const parts = [target.context, target.ref.namespace || '_', target.ref.kind, `${target.ref.name}.yaml`].map(encodeURIComponent);
  const query = target.ref.path === undefined ? '' : new URLSearchParams({ ...target.ref.path, namespaced: String(target.ref.path.namespaced) }).toString();
  return vscode.Uri.from({ scheme: LIVE_SCHEME, path: `/${parts.join('/')}`, query });
}

/** The object a live document shows; undefined for a path of another shape. */
export function liveTarget(uri: vscode.Uri): Target | undefined {
  const parts = uri.path.slice(1).split('/').map(decodeURIComponent);
  const [context = '', namespace = '', kind = '', file = ''] = parts;
  if (parts.length !== 4 || context === '' || kind === '' || !file.endsWith('.yaml')) return undefined;
  const query = new URLSearchParams(uri.query);
  const path: KindPath | undefined = query.has('plural')
    ? { group: query.get('group') ?? '', version: query.get('version') ?? '', plural: query.get('plural') ?? '', namespaced: query.get('namespaced') === 'true' }
    : undefined;
  return { context, ref: { kind, namespace: namespace === '_' ? '' : namespace, name: file.slice(0, -'.yaml'.length), ...(path === undefined ? {} : { path }) } };
}

// The current context's connection, for the commands that act in it (Deploy, Run Task, Apply); when
// there is none, the user has been told why and the command's outcome says it too.
import type { ClusterConnection } from '../bundle-loader.ts';
import type { ClusterServiceHolder } from '../cluster-service-holder.ts';
import { currentContext, type CurrentContext } from './object-targets.ts';
import { failed, type Outcome } from './outcome.ts';

export interface InContext {
  readonly current: CurrentContext;
  readonly connection: ClusterConnection;
}

export function connectCurrent<T>(clusters: ClusterServiceHolder, verb: string, object: string, purpose: string): InContext | Outcome<T> {
  const current = currentContext(clusters, purpose);
  const connection = current === undefined ? undefined : clusters.get().connect(current.name);
  if (current !== undefined && connection !== undefined) return { current, connection };
  return failed({ context: current?.name ?? '', verb, object }, 'kubeconfig', current === undefined ? `the kubeconfig sets no current context${purpose}` : 'the context is not in the kubeconfig');
}

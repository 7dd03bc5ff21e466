// Entry of the dist/cluster.js bundle: the extension loads it on first cluster use (client-node takes
// ~80 ms to load, more than the whole activation budget).
export { ClusterService, type ClusterServiceOptions } from './cluster-service.ts';
export type { ClusterConnection, ConnectionChange, WatchedResource } from './cluster-connection.ts';
export type { EventCache, EventsChange } from './event-cache.ts';
export type { ClusterError, ClusterErrorKind } from './cluster-error.ts';
export type { ContextSummary, LoadedKubeconfig } from './kubeconfig-loader.ts';
export type { ResourceState } from './reflector.ts';
export { RESTARTED_AT, type ObjectRef } from './object-operations.ts';
export { UsageService, type UsageServiceOptions } from './usage/usage-service.ts';
export { prometheusHistoryLoader, type PrometheusHistoryOptions } from './usage/prometheus-history.ts';
export type * from './usage/usage-types.ts';
export type { ExecTarget, SessionEnd, StreamSession } from './streams/exec.ts';
export type { CopyReport } from './streams/exec-copy.ts';
export type { ExecService } from './streams/exec-service.ts';
export type { PortForwardManager } from './streams/port-forward-manager.ts';
export type { ForwardSpec, ForwardState } from './streams/port-forward.ts';
export type { ForwardTarget } from './streams/port-forward-target.ts';

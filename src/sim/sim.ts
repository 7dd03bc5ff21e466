/**
 * startSim: the simulated cluster in one call — certificates, store, controllers, HTTPS server on
 * 127.0.0.1 and the kubeconfig that reaches it. Used by `kube-workbench sim` and by tests.
 *
 * Over HTTP, with the admin token: POST /admin/faults {"type": ..., "afterSeconds"?} (faults.ts
 * lists the types) and POST /admin/clock {"advanceSeconds": N}. Pod behaviour comes from the
 * annotations in controllers/pod-behaviour.ts (profile, exit-code, run-seconds).
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import type { Server } from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ApiContext } from './api-context.ts';
import { makeCertificates } from './certificates.ts';
import { SimClock } from './clock.ts';
import { startControllers, type Controllers } from './controllers/start.ts';
import { registerCrds } from './crd-registrar.ts';
import { seedRightSizing } from './right-sizing-demo.ts';
import { FaultState, type Fault, type TimedFault } from './faults.ts';
import { GarbageCollector } from './garbage-collector.ts';
import { kubeconfigYaml } from './kubeconfig.ts';
import { OwnerIndex } from './owner-index.ts';
import { ContainerPorts } from './port-forward/container-ports.ts';
import { writePrivateFile } from './private-file.ts';
import { builtinTypes, Catalog } from './resources.ts';
import { seedCluster } from './seed.ts';
import { ContainerRuntime } from './streams/container-runtime.ts';
import { storeLookup } from './streams/pod-env.ts';
import { createSimServer } from './server.ts';
import type { Pod } from './objects.ts';
import { startPrometheus } from './prometheus/listen.ts';
import { Store } from './store.ts';
import { WatchHub } from './watch-hub.ts';

export interface SimOptions {
  /** 0 (the default) picks a free port. */
  readonly port?: number;
  /** Where to write the kubeconfig; a private temp folder when omitted. */
  readonly kubeconfigPath?: string;
  readonly nodes?: number;
  readonly pods?: number;
  readonly seed?: number;
  /** Seed a Job and a CronJob too (the demo's tasks). */
  readonly tasks?: boolean;
  readonly faults?: readonly TimedFault[];
  /** Frozen: time moves only through advance() (tests); real time otherwise. */
  readonly frozenClock?: boolean;
  /** Watch history length (events); older resourceVersions get 410 Gone. */
  readonly watchHistory?: number;
  /** Watch keep-alive period (real time); 10 s by default, shorter in tests. */
  readonly keepAliveMs?: number;
  /** All watchers' unsent bytes together (watch-hub.ts: 512 MiB); small in tests. */
  readonly watchBufferBudget?: number;
  /** The Prometheus API's port (prometheus/server.ts): 0 (the default) picks a free one, false serves none. */
  readonly prometheusPort?: number | false;
  /**
   * Which namespaces kube-prometheus' owner recording rule (namespace_workload_pod:kube_pod_owner:relabel)
   * covers: every one (true, the default), none (false, a Prometheus without the rule) or those listed.
   */
  readonly prometheusOwnerRule?: boolean | readonly string[];
  /** Also the right-sizing demo (right-sizing-demo.ts): an OOM-killed, an HPA-scaled and a VPA-watched Deployment. */
  readonly rightSizing?: boolean;
  /** Where controller errors go; stderr by default. */
  readonly log?: (message: string) => void;
}

export interface Sim {
  readonly url: string;
  readonly port: number;
  readonly kubeconfigPath: string;
  readonly kubeconfig: string;
  /** The Prometheus API over the synthetic usage history (plain HTTP); undefined when turned off. */
  readonly prometheusUrl: string | undefined;
  /** The CA that signed the server's certificate (PEM), as the kubeconfig carries it. */
  readonly caPem: string;
  readonly tokens: { readonly admin: string; readonly readOnly: string; readonly namespaced: string };
  readonly clock: SimClock;
  readonly store: Store;
  readonly controllers: Controllers;
  applyFault(fault: Fault): void;
  /** Applies a fault now or after its delay in sim time. */
  schedule(timed: TimedFault): void;
  /** Advances the clock, firing due timers and settling the controllers after each. */
  advance(ms: number): void;
  /** Runs pending reconciles now (tests call it instead of waiting for the event loop). */
  settle(): void;
  close(): Promise<void>;
}

/** A /16 for Service ClusterIPs, as kubeadm's default service CIDR. */
function ipAllocator(): () => string {
  let next = 10;
  return () => {
    next += 1;
    return `10.96.${Math.floor(next / 256) % 256}.${next % 256}`;
  };
}

export async function startSim(options: SimOptions = {}): Promise<Sim> {
  const log = options.log ?? ((message: string) => process.stderr.write(`kube-workbench sim: ${message}\n`));
  const certificates = await makeCertificates();
  const clock = new SimClock({ frozen: options.frozenClock ?? false });
  const catalog = new Catalog(builtinTypes);
  const store = new Store(() => clock.timestamp());
  // The hub listens first: listeners that write (GC, CRDs) cause nested events, which must reach watchers after their cause.
  // Lease renewals alone make nodes/10 events a second: keep a few minutes of them at any size.
  const hub = new WatchHub(store, options.watchHistory ?? Math.max(50_000, (options.nodes ?? 3) * 20), options.watchBufferBudget);
  const owners = new OwnerIndex(store);
  const allocateIp = ipAllocator();
  const controllers = startControllers({ store, clock, catalog, owners, allocateIp, log });
  const gc = new GarbageCollector(store, owners, catalog);
  registerCrds(store, catalog, controllers.types.crd, () => clock.timestamp());
  store.load(() => seedCluster(store, controllers.types, clock, { nodes: options.nodes ?? 3, pods: options.pods ?? 0, seed: options.seed ?? 1, tasks: options.tasks ?? false }));
  hub.restart();
  if (options.rightSizing === true) seedRightSizing(store, catalog, controllers.types);
  clock.onFired(() => controllers.queues.drain());
  clock.onError((error) => log(`timer failed: ${error instanceof Error ? error.message : String(error)}`));

  const faults = new FaultState();
  const containerPorts = new ContainerPorts();
  const context: ApiContext = {
    store,
    catalog,
    hub,
    clock,
    computed: (type, namespace) => controllers.metrics(type, namespace),
    allocateIp,
    keepAliveMs: options.keepAliveMs ?? 10_000,
    orphanDependents: (owner) => gc.orphan(owner),
    serveLogs: (pod, logOptions, response) => controllers.logs.serve(pod, logOptions, response),
    containerPorts,
    containers: new ContainerRuntime(storeLookup(store, catalog), () => clock.now()),
    takeGoneFault: () => {
      if (faults.goneWatches === 0) return false;
      faults.goneWatches -= 1;
      return true;
    },
  };
  const tokens = { admin: randomBytes(32).toString('base64url'), readOnly: randomBytes(32).toString('base64url'), namespaced: randomBytes(32).toString('base64url') };
  let port = options.port ?? 0;
  const sockets = new Set<Socket>();
  const applyFault = (fault: Fault): void => {
    switch (fault.type) {
      case 'stopHeartbeat':
      case 'resumeHeartbeat':
        controllers.kubelet.setHeartbeat(fault.node, fault.type === 'resumeHeartbeat');
        return;
      case 'dropWatches':
        hub.dropAll();
        return;
      case 'goneNextWatch':
        faults.goneWatches += 1;
        return;
      case 'throttle':
        faults.throttled = fault.count;
        faults.retryAfterSeconds = fault.retryAfterSeconds;
        return;
      case 'errors':
        faults.failing = fault.count;
        return;
      case 'latency':
        faults.latencyMs = fault.ms;
        return;
      case 'expireToken':
        faults.tokenExpired = true;
        return;
      case 'refuseConnections':
        refuse(fault.ms);
        return;
      case 'clear':
        faults.clear();
        return;
    }
  };
  const schedule = (timed: TimedFault): void => {
    if (timed.afterSeconds === 0) applyFault(timed.fault);
    else clock.setTimeout(() => applyFault(timed.fault), timed.afterSeconds * 1000);
  };
  const advance = (ms: number): void => {
    controllers.queues.drain();
    clock.advance(ms);
    controllers.queues.drain();
  };
  const server: Server = createSimServer({ context, tokens, faults, certificates, admin: { schedule, advance }, address: () => `127.0.0.1:${port}` });
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  const listen = (): Promise<void> =>
    new Promise((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => {
        server.off('error', reject);
        port = (server.address() as AddressInfo).port;
        resolve();
      });
    });
  /** Closes the port (connection refused) and every open connection, then listens again on the same port. */
  const refuse = (ms: number): void => {
    hub.dropAll();
    server.close();
    for (const socket of sockets) socket.destroy();
    setTimeout(() => void listen().catch((error: unknown) => log(`could not listen again: ${String(error)}`)), ms).unref();
  };
  await listen();
  const ownerRule = options.prometheusOwnerRule ?? true;
  const prometheusSource = {
    pods: () => [...store.scan(controllers.types.pod)].map(({ object }) => object as Pod),
    now: () => clock.now(),
    ownerRule: (namespace: string) => (typeof ownerRule === 'boolean' ? ownerRule : ownerRule.includes(namespace)),
  };
  const prometheus =
    options.prometheusPort === false
      ? undefined
      : await startPrometheus(prometheusSource, options.prometheusPort ?? 0).catch((error: unknown) => {
          clock.stop();
          server.close();
          throw error;
        });
  for (const timed of options.faults ?? []) schedule(timed);

  const url = `https://127.0.0.1:${port}`;
  const folder = options.kubeconfigPath === undefined ? await mkdtemp(join(tmpdir(), 'kube-workbench-sim-')) : undefined;
  const kubeconfigPath = options.kubeconfigPath ?? join(folder ?? '', 'kubeconfig');
  const kubeconfig = kubeconfigYaml({ url, caPem: certificates.caPem, adminToken: tokens.admin, readOnlyToken: tokens.readOnly, namespacedToken: tokens.namespaced });
  const close = async (): Promise<void> => {
    clock.stop();
    hub.dropAll();
    containerPorts.dispose();
    for (const socket of sockets) socket.destroy();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await prometheus?.close();
    if (folder !== undefined) await rm(folder, { recursive: true, force: true });
  };
  // A kubeconfig that cannot be written (no such folder) must not leave the ports open.
  await writePrivateFile(kubeconfigPath, kubeconfig).catch(async (error: unknown) => {
    await close();
    const reason = error instanceof Error && 'code' in error ? String(error.code) : String(error);
    throw new Error(`cannot write the kubeconfig ${kubeconfigPath}: ${reason}`);
  });

  return {
    url,
    port,
    kubeconfigPath,
    kubeconfig,
    prometheusUrl: prometheus?.url,
    caPem: certificates.caPem,
    tokens,
    clock,
    store,
    controllers,
    applyFault,
    schedule,
    advance,
    settle: () => controllers.queues.drain(),
    close,
  };
}

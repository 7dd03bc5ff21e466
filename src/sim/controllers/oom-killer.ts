/**
 * The kernel's OOM killer for the pods whose behaviour says so (oom-cycle.ts): at each kill the
 * containers restart at once, their lastState terminated with reason OOMKilled and exit code 137,
 * their restartCount up by one, and the kubelet's OOMKilling event is recorded.
 */
import type { Pod } from '../objects.ts';
import type { ControllerEnvironment } from './environment.ts';
import { keyOf, modify, splitKey } from './environment.ts';
import { nextKillSeconds } from './oom-cycle.ts';
import { behaviourAnnotations, behaviourOf } from './pod-behaviour.ts';

export class OomKiller {
  private readonly environment: ControllerEnvironment;
  /** `key|uid` of the pods with a kill pending. */
  private readonly pending = new Set<string>();

  constructor(environment: ControllerEnvironment) {
    this.environment = environment;
    environment.store.subscribe((event) => {
      if (event.resource !== environment.types.pod || event.type === 'DELETED') return;
      // Checked before anything is parsed: a big cluster's pod events mostly concern other pods.
      if (event.object.metadata.annotations?.[behaviourAnnotations.oomKillSeconds] === undefined) return;
      this.schedule(event.object as Pod);
    });
  }

  private schedule(pod: Pod): void {
    const { oomKillSeconds } = behaviourOf(pod);
    const startMs = Date.parse(pod.status?.startTime ?? '');
    if (oomKillSeconds === undefined || pod.status?.phase !== 'Running' || Number.isNaN(startMs)) return;
    const key = keyOf(pod);
    const timerKey = `${key}|${pod.metadata.uid ?? ''}`;
    if (this.pending.has(timerKey)) return;
    this.pending.add(timerKey);
    const { clock } = this.environment;
    const killMs = nextKillSeconds({ startSeconds: startMs / 1000, periodSeconds: oomKillSeconds }, clock.now() / 1000) * 1000;
    clock.setTimeout(() => {
      this.pending.delete(timerKey);
      this.kill(key, pod.metadata.uid);
    }, Math.max(0, killMs - clock.now()));
  }

  private kill(key: string, uid: string | undefined): void {
    const { store, types, clock, events } = this.environment;
    const { namespace, name } = splitKey(key);
    const pod = store.get(types.pod, namespace, name) as Pod | undefined;
    if (pod === undefined || pod.metadata.uid !== uid || pod.metadata.deletionTimestamp !== undefined || pod.status?.phase !== 'Running') return;
    const now = clock.timestamp();
    const updated = modify(this.environment, types.pod, pod, (copy) => {
      const statuses = (copy.status?.containerStatuses ?? []).map((status) => {
        const terminated = { exitCode: 137, reason: 'OOMKilled', startedAt: status.state['running']?.['startedAt'] ?? copy.status?.startTime, finishedAt: now };
        return { ...status, restartCount: status.restartCount + 1, lastState: { terminated }, state: { running: { startedAt: now } } };
      });
      copy.status = { ...copy.status, containerStatuses: statuses };
    });
    events.record(updated, 'Warning', 'OOMKilling', `Memory cgroup out of memory: Killed process of container ${pod.spec.containers[0]?.name ?? ''}`, 'kernel-monitor', { host: pod.spec.nodeName ?? '' });
  }
}

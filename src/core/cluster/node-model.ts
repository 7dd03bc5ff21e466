// The slim node the cluster service keeps: what the Explorer, health judgement and fit check read,
// nothing else (a full Node object is ~10 KB; this is a few hundred bytes).
import { fitNodeFromObject } from '../allocator/fit-input.ts';
import type { Taint } from '../allocator/fit-types.ts';
import { toNumber } from '../allocator/quantity.ts';
import type { ResourceList } from '../allocator/resource-list.ts';
import { array, objectMeta, record, text, timestamp, type ObjectMeta } from './object-fields.ts';

export type ConditionStatus = 'True' | 'False' | 'Unknown';

export interface NodeCondition {
  readonly type: string;
  readonly status: ConditionStatus;
  readonly reason: string;
  readonly message: string;
  readonly lastHeartbeatMs: number | undefined;
}

export interface Resources {
  /** Cores (0.25 = 250m). */
  readonly cpu: number;
  readonly memoryBytes: number;
  readonly pods: number;
}

export interface SlimNode {
  readonly meta: ObjectMeta;
  readonly unschedulable: boolean;
  readonly taints: readonly Taint[];
  readonly allocatable: Resources;
  readonly conditions: readonly NodeCondition[];
  readonly kubeletVersion: string;
}

function conditionStatus(value: unknown): ConditionStatus {
  return value === 'True' || value === 'False' ? value : 'Unknown';
}

function amount(list: ResourceList | undefined, name: string): number {
  const quantity = list?.[name];
  return quantity === undefined ? 0 : toNumber(quantity);
}

export function resources(list: ResourceList | undefined): Resources {
  return { cpu: amount(list, 'cpu'), memoryBytes: amount(list, 'memory'), pods: amount(list, 'pods') };
}

export function slimNode(object: unknown): SlimNode {
  const status = record(record(object)['status']);
  // Taints, schedulability and allocatable are read the way the fit check reads them.
  const { node } = fitNodeFromObject(object);
  return {
    meta: objectMeta(object),
    unschedulable: node?.unschedulable ?? false,
    taints: node?.taints ?? [],
    allocatable: resources(node?.allocatable),
    conditions: array(status['conditions']).map((raw) => {
      const condition = record(raw);
      return {
        type: text(condition['type']),
        status: conditionStatus(condition['status']),
        reason: text(condition['reason']),
        message: text(condition['message']),
        lastHeartbeatMs: timestamp(condition['lastHeartbeatTime']),
      };
    }),
    kubeletVersion: text(record(status['nodeInfo'])['kubeletVersion']),
  };
}


// Cores and bytes from the slim models as Kubernetes quantity strings, the way users write them:
// CPU in millicores, memory rounded up to MiB.
import { formatQuantity, quantityFromNumber } from '../allocator/quantity.ts';
import type { SlimNode } from './node-model.ts';

export const cpuText = (cores: number): string => formatQuantity(quantityFromNumber(cores, 'DecimalSI', 0.001));
export const memoryText = (bytes: number): string => formatQuantity(quantityFromNumber(bytes, 'BinarySI', 2 ** 20));

/** The largest allocatable CPU and memory of any node (each may come from a different node); undefined without nodes. */
export function largestAllocatable(nodes: Iterable<SlimNode>): Record<string, string> | undefined {
  let cpu = 0;
  let memory = 0;
  for (const node of nodes) {
    cpu = Math.max(cpu, node.allocatable.cpu);
    memory = Math.max(memory, node.allocatable.memoryBytes);
  }
  return cpu === 0 && memory === 0 ? undefined : { cpu: cpuText(cpu), memory: memoryText(memory) };
}

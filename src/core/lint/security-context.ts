import { setPathEdit } from './edits.ts';
import { containerRange, rangeIn } from './ranges.ts';
import type { Fix } from './types.ts';
import { asList, mappingAt } from './values.ts';
import type { ContainerRef } from './workloads.ts';

/** A capability upper-cased without the CAP_ prefix: the runtime accepts both spellings. */
export function capabilityName(entry: unknown): string {
  return String(entry).toUpperCase().replace(/^CAP_/, '');
}

export function addedCapabilities(ref: ContainerRef): string[] {
  return asList(mappingAt(ref.container, 'securityContext', 'capabilities')?.add).map(capabilityName);
}

/**
 * For a container setting that should be `value`: where to point (the field if set, else the
 * `securityContext` key, else the container's name) and the fix that sets it.
 */
export function containerSetting(ref: ContainerRef, field: string, value: string): { range: ReturnType<typeof containerRange>; fix: Fix | undefined } {
  const { object, container } = ref;
  const securityContext = mappingAt(container, 'securityContext');
  const range =
    securityContext !== undefined && Object.hasOwn(securityContext, field)
      ? rangeIn(object, securityContext, field)
      : securityContext !== undefined
        ? rangeIn(object, container, 'securityContext', 'key')
        : containerRange(object, container);
  const edit = setPathEdit(object, container, ['securityContext', field], value);
  return { range, fix: edit === undefined ? undefined : { title: `Set securityContext.${field}: ${value}`, edits: [edit] } };
}

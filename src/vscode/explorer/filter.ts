// The Explorer's filter box: a row matches when its name, or one of its labels written key=value,
// contains the text (case-insensitive). An empty filter matches everything.
import type { ObjectMeta } from '../../core/cluster/object-fields.ts';

export function matchesFilter(filter: string, meta: Pick<ObjectMeta, 'name' | 'labels'>): boolean {
  if (filter === '') return true;
  const needle = filter.toLowerCase();
  if (meta.name.toLowerCase().includes(needle)) return true;
  return Object.entries(meta.labels).some(([key, value]) => `${key}=${value}`.toLowerCase().includes(needle));
}

import type { Range } from '../yaml/types.ts';
import type { KubeObject, RelatedLocation, Report, SetObject } from './types.ts';

/** A report on an object; `extra` adds severity, related locations or a fix. */
export function reportOn(object: KubeObject, range: Range, message: string, extra: Partial<Pick<Report, 'severity' | 'related' | 'fix' | 'alternatives'>> = {}): Report {
  return { file: object.file, object, range, message, ...extra };
}

export function relatedTo(object: SetObject, range: Range, message: string): RelatedLocation {
  return { path: object.path, range, message };
}

/** How an object is named in messages: `Deployment web` or `Deployment web (namespace shop)`. */
export function describe(object: SetObject): string {
  const name = `${object.kind ?? 'object'} ${object.name ?? '(unnamed)'}`;
  return object.namespace === undefined ? name : `${name} (namespace ${object.namespace})`;
}

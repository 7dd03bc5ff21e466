// Checks of what a user types into the commands' input boxes: undefined when fine, else the message
// the box shows. Image references follow the distribution grammar; quantities the API's.
import { parseQuantity } from '../allocator/quantity.ts';
import { parseImageReference } from './image-reference.ts';

export interface ImageCheck {
  /** Blocks the input. */
  readonly error?: string;
  /** Allowed, but worth a second thought (an unpinned image). */
  readonly warning?: string;
}

export function checkImage(image: string): ImageCheck {
  const reference = parseImageReference(image.trim());
  if (!reference.ok) return { error: `Not an image reference: ${reference.reason}.` };
  if (reference.digest !== undefined) return {};
  if (reference.tag === undefined) return { warning: 'No tag: the runtime pulls "latest", which changes under you. Pin a version.' };
  if (reference.tag === 'latest') return { warning: 'The tag "latest" changes under you. Pin a version.' };
  return {};
}

/** A request as typed: needed, since the scheduler places a pod by its requests (and the memory one is also the limit). */
export function quantityProblem(text: string, resource: 'cpu' | 'memory'): string | undefined {
  const example = resource === 'cpu' ? '250m or 1' : '256Mi or 1Gi';
  if (text.trim() === '') return `A ${resource} request is needed: the scheduler places the pod by it; e.g. ${example}.`;
  const parsed = parseQuantity(text.trim());
  if (!parsed.ok) return `"${text}" is not a Kubernetes quantity (${parsed.reason}); e.g. ${example}.`;
  return parsed.quantity.nanos <= 0n ? `A ${resource} request must be more than zero.` : undefined;
}

export function countProblem(text: string, what: string, { min, max }: { min: number; max: number }): string | undefined {
  if (!/^\d+$/.test(text.trim())) return `The ${what} must be a whole number.`;
  const value = Number(text);
  return value < min || value > max ? `The ${what} must be between ${min} and ${max}.` : undefined;
}

// The steps Deploy Image and Run Task share: the image (an unpinned one is a warning, not a stop),
// a name pre-filled from it, and the namespace picked from the cluster's or typed.
import { checkImage } from '../../core/validation/inputs.ts';
import { nameFormats, nameProblem } from '../../core/validation/names.ts';
import type { NamespaceChoices } from './object-picks.ts';
import { blocking, blockingIf, warning, type PickStep, type TextStep } from './step-flow.ts';

interface Named {
  readonly image: string;
  readonly name: string;
  readonly namespace: string;
}

/** The last path component of the repository: `ghcr.io/acme/api:2.3` → `api`. */
export function defaultName(image: string): string {
  const repository = image.split('@')[0]!.replace(/:[^/]*$/, '');
  return (repository.split('/').pop() ?? '').toLowerCase().replace(/[^a-z0-9-]/g, '-').replace(/^-+|-+$/g, '').slice(0, 63);
}

export function imageStep<S extends Named>(example: string): TextStep<S> {
  return {
    type: 'text',
    name: 'image',
    prompt: () => `Image reference, e.g. ${example}`,
    value: () => '',
    check: (text) => {
      const check = checkImage(text);
      return check.error !== undefined ? blocking(check.error) : check.warning === undefined ? undefined : warning(check.warning);
    },
    apply: (state, image) => ({ ...state, image }),
  };
}

export function nameStep<S extends Named>(prompt: string): TextStep<S> {
  return {
    type: 'text',
    name: 'name',
    prompt: () => prompt,
    value: (state) => defaultName(state.image),
    check: (text) => blockingIf(nameProblem(text.trim(), nameFormats.label, 'name')),
    apply: (state, name) => ({ ...state, name }),
  };
}

/** A namespace of the context's cache (its own first), or a typed DNS-1123 label described as `typedAs`. */
export function namespaceStep<S extends Named>(namespaces: NamespaceChoices, prompt: string, typedAs: string, apply: (state: S, namespace: string) => S): PickStep<S> {
  return {
    type: 'pick',
    name: 'namespace',
    prompt: () => prompt,
    choices: () => namespaces.known.map((name) => ({ label: name, ...(name === namespaces.current ? { description: 'namespace of the context' } : {}) })),
    value: () => namespaces.current,
    typed: (text) => blockingIf(nameProblem(text, nameFormats.label, 'namespace')) ?? { label: text, description: typedAs },
    apply: (state, choice) => apply(state, choice.label),
  };
}

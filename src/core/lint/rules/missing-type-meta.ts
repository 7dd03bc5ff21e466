import { asMapping } from '../values.ts';
import type { Rule } from '../types.ts';

export const missingTypeMeta: Rule = {
  id: 'missing-type-meta',
  category: 'schema',
  severity: 'error',
  kinds: ['*'],
  description: 'A non-empty document without `apiVersion` or `kind`.',
  why: 'The API server cannot tell what the document is; kubectl rejects it with "apiVersion not set" or "kind not set".',
  *check(context) {
    for (const file of context.files) {
      for (const document of file.parsed.documents) {
        if (document.error !== undefined || document.value === null || document.firstNode === undefined) continue;
        const root = asMapping(document.value);
        const missing = ['apiVersion', 'kind'].filter((key) => typeof root?.[key] !== 'string' || root[key] === '');
        if (missing.length === 0) continue;
        yield { file, object: undefined, range: document.firstNode, message: `The document has no ${missing.join(' and no ')}.` };
      }
    }
  },
};

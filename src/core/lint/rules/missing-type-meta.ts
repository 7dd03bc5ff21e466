import { anyKind } from '../kinds.ts';
import { asMapping } from '../values.ts';
import type { YamlDocument } from '../../yaml/types.ts';
import type { Rule } from '../types.ts';

export const missingTypeMeta: Rule = {
  id: 'missing-type-meta',
  category: 'schema',
  severity: 'error',
  kinds: anyKind,
  description: 'A non-empty document without `apiVersion` or `kind`, in a file with Kubernetes content (a file where no document has either, such as Helm values, is left alone).',
  why: 'The API server cannot tell what the document is; kubectl rejects it with "apiVersion not set" or "kind not set".',
  *check(context) {
    for (const file of context.files) {
      const typed = (document: YamlDocument) => ['apiVersion', 'kind'].some((key) => typeof asMapping(document.value)?.[key] === 'string');
      if (!file.parsed.documents.some(typed)) continue;
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

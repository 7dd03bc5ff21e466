import { anyKind } from '../kinds.ts';
import { helmExpression } from '../templates.ts';
import type { Report, Rule } from '../types.ts';

export const yamlSyntax: Rule = {
  id: 'yaml-syntax',
  category: 'schema',
  severity: 'error',
  kinds: anyKind,
  description: 'The document is not valid YAML (duplicate or complex keys, bad indentation, unclosed brackets, alias bombs).',
  why: 'kubectl refuses the whole file; nothing in the broken document is applied. The other documents of the file are still linted.',
  *check(context) {
    for (const file of context.files) {
      const helm = helmExpression(file);
      if (helm !== undefined) {
        // Not YAML until rendered: one note on its first expression instead of syntax errors on every `{{ }}`.
        const message = 'Helm template: left alone, `{{ }}` is rendered by Helm first (lint the output of `helm template`).';
        yield { file, object: undefined, range: helm, message, severity: 'info' } satisfies Report;
        continue;
      }
      for (const document of file.parsed.documents) {
        if (document.error === undefined) continue;
        const { offset, end, message } = document.error;
        const range = { start: offset, end };
        yield { file, object: undefined, range, message: `YAML syntax error: ${message}` } satisfies Report;
      }
    }
  },
};

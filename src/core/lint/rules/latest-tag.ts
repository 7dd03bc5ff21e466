import { parseImageReference } from '../../validation/image-reference.ts';
import { quotable, quoteValue } from '../quote-value.ts';
import { rangeIn } from '../ranges.ts';
import { reportOn } from '../report.ts';
import type { Rule } from '../types.ts';
import { podKinds } from '../workloads.ts';

export const latestTag: Rule = {
  id: 'latest-tag',
  category: 'images',
  severity: 'warning',
  kinds: podKinds,
  description: 'An image with the tag `latest`, or with neither a tag nor a digest (which means `latest`).',
  why: 'Which image runs depends on when each node pulled it: rollbacks do nothing and replicas can differ. Pin a version or a digest.',
  fix: 'Pin a tag (asks for it).',
  *checkObject(object, context) {
    for (const { container } of context.workloads.containers(object)) {
      if (typeof container.image !== 'string') continue;
      const reference = parseImageReference(container.image);
      if (!reference.ok || reference.digest !== undefined || (reference.tag !== undefined && reference.tag !== 'latest')) continue;
      const range = rangeIn(object, container, 'image');
      const what = reference.tag === undefined ? 'has no tag, so it means latest' : 'uses the tag latest';
      // A valid reference holds no password, but may be token-like: then only its type is named.
      const shown = quotable(container.image) !== undefined;
      // The edit writes only the tag, keeping the scalar's quotes and carrying nothing of the reference.
      const offset = object.file.parsed.text.slice(range.start, range.end).indexOf(container.image);
      const at = range.start + offset;
      const fix = {
        title: 'Pin the image tag',
        edits: [{ start: at + reference.repository.length, end: at + container.image.length, newText: ':${input}' }],
        input: { prompt: shown ? `Tag for ${reference.repository}` : 'Tag for the image', placeholder: '1.0.0' },
      };
      yield reportOn(object, range, `The image ${shown ? container.image : quoteValue(container.image)} ${what}; pin a version.`, offset === -1 ? {} : { fix });
    }
  },
};

import { parseImageReference } from '../../validation/image-reference.ts';
import { replaceEdit } from '../edits.ts';
import { rangeIn } from '../ranges.ts';
import { reportOn } from '../report.ts';
import type { Rule } from '../types.ts';
import { containers, podKinds } from '../workloads.ts';

export const latestTag: Rule = {
  id: 'latest-tag',
  category: 'images',
  severity: 'warning',
  kinds: podKinds,
  description: 'An image with the tag `latest`, or with neither a tag nor a digest (which means `latest`).',
  why: 'Which image runs depends on when each node pulled it: rollbacks do nothing and replicas can differ. Pin a version or a digest.',
  fix: 'Pin a tag (asks for it).',
  *check(context) {
    for (const { object, container } of containers(context)) {
      if (typeof container.image !== 'string') continue;
      const reference = parseImageReference(container.image);
      if (!reference.ok || reference.digest !== undefined || (reference.tag !== undefined && reference.tag !== 'latest')) continue;
      const range = rangeIn(object, container, 'image');
      const what = reference.tag === undefined ? 'has no tag, so it means latest' : 'uses the tag latest';
      yield reportOn(object, range, `The image ${container.image} ${what}; pin a version.`, {
        fix: {
          title: 'Pin the image tag',
          edits: [replaceEdit(range, `${reference.repository}:\${input}`)],
          input: { prompt: `Tag for ${reference.repository}`, placeholder: '1.0.0' },
        },
      });
    }
  },
};

import { parseImageReference } from '../../validation/image-reference.ts';
import { quoteValue, reasonFor } from '../quote-value.ts';
import { rangeIn } from '../ranges.ts';
import { reportOn } from '../report.ts';
import type { Rule } from '../types.ts';
import { podKinds } from '../workloads.ts';

export const invalidImageReference: Rule = {
  id: 'invalid-image-reference',
  category: 'images',
  severity: 'error',
  kinds: podKinds,
  description: 'An image that is not a valid reference: uppercase repository, whitespace, empty, bad tag or digest.',
  why: 'The kubelet cannot pull it: the pod sits in InvalidImageName.',
  *checkObject(object, context) {
    for (const { container } of context.workloads.containers(object)) {
      if (!Object.hasOwn(container, 'image')) continue;
      const image = typeof container.image === 'string' ? container.image : '';
      const reference = parseImageReference(image);
      if (reference.ok) continue;
      yield reportOn(object, rangeIn(object, container, 'image'), `Invalid image reference ${quoteValue(container.image)}: ${reasonFor(container.image, reference.reason, 'not a reference')}.`);
    }
  },
};

import { rangeIn } from '../ranges.ts';
import { describe, reportOn } from '../report.ts';
import { holdsSecret, looksSecretName, redactUrlCredentials } from '../secret-text.ts';
import type { Rule } from '../types.ts';
import { asText, mappingAt } from '../values.ts';

const privateKey = /-----BEGIN [A-Z0-9 ]*PRIVATE KEY/;

/** A value that is a credential: a private key, credentials in a URL, or a single token that looks random. */
function looksLikeCredential(value: string): boolean {
  const token = value.trim();
  return privateKey.test(value) || redactUrlCredentials(value) !== value || (!/\s/.test(token) && holdsSecret(token));
}

export const secretInConfigMap: Rule = {
  id: 'secret-in-config-map',
  category: 'security',
  severity: 'warning',
  kinds: ['ConfigMap'],
  description: 'A ConfigMap entry whose key names a secret (`*PASSWORD*`, `*TOKEN*`, ...) with a value, or whose value is a private key, URL credentials or a single random-looking token (the value is never shown).',
  why: 'ConfigMaps are readable by anyone who may read the namespace\'s configuration and are not encrypted at rest: credentials belong in a Secret.',
  *checkObject(object) {
    const data = mappingAt(object.value, 'data');
    for (const [key, raw] of Object.entries(data ?? {})) {
      const value = asText(raw) ?? '';
      if (value.trim() === '' || !(looksSecretName(key) || looksLikeCredential(value))) continue;
      yield reportOn(object, rangeIn(object, data, key, 'key'), `The key ${key} of ${describe(object)} looks like a credential; keep it in a Secret.`);
    }
  },
};

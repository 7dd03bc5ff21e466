// A Secret edited as text: `data` values that are UTF-8 text shown decoded under `stringData` (which
// the API server accepts on writes and folds into `data`), encoded back before the save. Values that
// are not text (keystores, images) stay base64 under `data`, as stored.
import { revealSecretKey } from '../cluster/describe-secret.ts';
import { isRecord, ordered } from './live-object.ts';

type Json = Record<string, unknown>;

const isSecret = (object: Json): boolean => object['kind'] === 'Secret' && object['apiVersion'] === 'v1';

/** The Secret with its text values decoded under `stringData`; other objects unchanged. */
export function decodeSecret(object: Json): Json {
  if (!isSecret(object) || !isRecord(object['data'])) return object;
  const data: Json = {};
  const stringData: Json = {};
  for (const key of Object.keys(object['data'])) {
    const value = revealSecretKey(object, key);
    if (value?.encoding === 'utf-8') stringData[key] = value.text;
    else data[key] = object['data'][key];
  }
  const { data: _data, ...rest } = object;
  const keys = Object.keys(object);
  // stringData where data was, so the document reads in the order the server's object does.
  const decoded = { ...rest, ...(Object.keys(data).length > 0 ? { data } : {}), stringData };
  return ordered(decoded, [...keys.slice(0, keys.indexOf('data')), 'data', 'stringData']);
}

function base64(text: string): string {
  let binary = '';
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/** `stringData` folded into `data` (base64), as the server would store it; a stringData key wins, as on the server. */
export function encodeSecret(object: Json): Json {
  if (!isSecret(object) || !isRecord(object['stringData'])) return object;
  const encoded = Object.fromEntries(Object.entries(object['stringData']).map(([key, value]) => [key, base64(typeof value === 'string' ? value : String(value))]));
  const { stringData: _stringData, ...rest } = object;
  const keys = Object.keys(object).map((key) => (key === 'stringData' ? 'data' : key));
  return ordered({ ...rest, data: { ...(isRecord(object['data']) ? object['data'] : {}), ...encoded } }, keys);
}

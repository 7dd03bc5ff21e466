// What an OpenAPI field description states in prose: the values it allows and its default. Kubernetes'
// OpenAPI v2 has no `enum` or `default` for built-in types; the descriptions say "One of Always, Never,
// IfNotPresent." and "Defaults to ClusterIP.", and that is what completion and hover can offer.

const enumLead = /(?:One of|one of|Valid (?:values|options) are|valid values are|Must be(?: one of)?|must be(?: one of)?|Can be|Allowed values are|Acceptable values are|Supported values are|Possible values are)[:]?\s+/g;
const enumToken = String.raw`"?[A-Z][A-Za-z0-9]*"?`;
const enumSeparator = String.raw`(?:,\s*(?:or\s+|and\s+)?|\s+or\s+|\s+and\s+)`;
const enumList = new RegExp(String.raw`^${enumToken}(?:${enumSeparator}${enumToken})+`);

/** The values a description lists as allowed ("One of A, B, or C."), or undefined when it lists none. */
export function describedEnum(description: string): string[] | undefined {
  for (const lead of description.matchAll(enumLead)) {
    // "Exactly one of A, B must be set" names fields that exclude each other, not values.
    if (/(?:exactly|at most|at least|only) $/i.test(description.slice(0, lead.index))) continue;
    const rest = description.slice((lead.index ?? 0) + lead[0].length);
    const list = enumList.exec(rest)?.[0];
    if (list === undefined) continue;
    const values = list.split(new RegExp(enumSeparator)).map((value) => value.replaceAll('"', ''));
    if (values.length >= 2 && new Set(values).size === values.length) return values;
  }
  return undefined;
}

const defaultPattern = /\b(?:Defaults?|defaults?) (?:to|is) ("[^"]{1,40}"|`[^`]{1,40}`|'[^']{1,40}'|[\w.-]{1,40}?)(?:\.(?:\s|$)|,|;|$)/;

/** The default a description states as a literal ("Defaults to ClusterIP."), or undefined. */
export function describedDefault(description: string): string | undefined {
  const value = defaultPattern.exec(description)?.[1]?.replace(/^["'`]|["'`]$/g, '');
  if (value === undefined || /^(?:the|a|an|empty|unset|nil|none)$/i.test(value)) return undefined;
  return value;
}

// Text from manifests, clusters and files printed to a terminal: control characters in it (ESC and
// the other C0 and C1 controls, DEL) could move the cursor, rewrite earlier lines, retitle the
// window or hide a finding, and bidirectional overrides could reorder what is shown ("Trojan
// Source", CVE-2021-42574). Each one is shown as a visible escape instead.

// eslint-disable-next-line no-control-regex -- control characters are what is matched
const controls = /[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/g;
// eslint-disable-next-line no-control-regex -- control characters are what is matched
const controlsButLineBreaks = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/g;

function escape(character: string): string {
  const code = character.charCodeAt(0);
  return code <= 0xff ? `\\x${code.toString(16).toUpperCase().padStart(2, '0')}` : `\\u${code.toString(16).toUpperCase()}`;
}

/** One cell or field: every control character escaped, tabs and line breaks included. */
export function terminalField(text: string): string {
  return text.replace(controls, escape);
}

/** Whole lines of output: as terminalField, but line breaks and tabs stay. */
export function terminalLines(text: string): string {
  return text.replace(controlsButLineBreaks, escape);
}

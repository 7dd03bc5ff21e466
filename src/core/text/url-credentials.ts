// URLs as they may be shown: a user name or password in a URL (https://user:pass@host) is a
// credential, so it is cut out of every server URL and error message before anyone sees it.

/** scheme://userinfo@ as the WHATWG URL parser reads it: userinfo ends at the last @ before / ? # or a space. */
const userinfoInText = /\b([a-z][a-z0-9+.-]*:\/\/)[^\s/?#]*@/gi;

/** Every URL in `text` without its userinfo (the text of an error message, say). */
export function redactUrlCredentials(text: string): string {
  return text.replace(userinfoInText, '$1');
}

/**
 * One URL to show (a tooltip, a message). A URL that does not parse may hold a password with a `/`
 * in it, so everything up to its last @ goes.
 */
export function displayUrl(url: string): string {
  if (URL.canParse(url)) return redactUrlCredentials(url);
  return url.replace(/^([a-z][a-z0-9+.-]*:\/\/).*@/is, '$1');
}

// `kubectl config use-context` as a text edit: the top-level current-context line of a kubeconfig
// gets the new name, everything else (comments, order, credentials) stays byte for byte.

const LINE = /^current-context:[^\r\n]*$/m;

/** Quotes a context name when YAML would read it as something other than that string. */
function yamlScalar(name: string): string {
  return /^[A-Za-z0-9_][A-Za-z0-9_.@/-]*$/.test(name) && !/^(true|false|null|yes|no|on|off|~|[0-9.e+-]+)$/i.test(name) ? name : JSON.stringify(name);
}

export function withCurrentContext(kubeconfig: string, context: string): string {
  const line = `current-context: ${yamlScalar(context)}`;
  if (LINE.test(kubeconfig)) return kubeconfig.replace(LINE, line);
  const newline = kubeconfig.includes('\r\n') ? '\r\n' : '\n';
  return `${kubeconfig}${kubeconfig === '' || kubeconfig.endsWith('\n') ? '' : newline}${line}${newline}`;
}

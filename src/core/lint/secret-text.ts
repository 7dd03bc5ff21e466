// What looks like a secret, shared by the lint messages (which never quote one) and Describe (which
// hides them): env var names that hold secrets, tokens and private keys, credentials inside URLs.

// env-var-secret's list (LINT-RULES.md): Describe hides exactly the literals that rule reports.
const secretName = /PASSWORD|SECRET|TOKEN|API_KEY|PRIVATE_KEY/;

/** Whether an environment variable's name says it holds a secret. */
export function looksSecretName(name: string): boolean {
  return secretName.test(name.toUpperCase());
}

/**
 * Keys under which any value may be a secret: Secret and ConfigMap payloads, annotations (kubectl's
 * last-applied copy of a Secret), environment variables and command lines (`--password=...`).
 */
export const secretBearingKeys: ReadonlySet<string> = new Set(['data', 'stringData', 'binaryData', 'annotations', 'env', 'args', 'command']);

// Runs of the base64, base64url and hex alphabets long enough to be a key.
const run = /[A-Za-z0-9+/_-]{20,}={0,2}/g;
// A private key block, a JWT (`eyJ` is base64 for `{"`), an AWS access key id (uppercase, so no run matches it).
const privateKey = /-----BEGIN [A-Z0-9 ]*PRIVATE KEY[A-Z ]*-----[\s\S]*?(?:-----END [A-Z0-9 ]*PRIVATE KEY[A-Z ]*-----|$)/g;
const jwt = /eyJ[\w-]{4,}\.[\w-]{4,}(?:\.[\w-]*)?/g;
const awsKeyId = /\b(?:AKIA|ASIA)[A-Z0-9]{16}\b/g;
// Certificates are public, and their base64 lines would read as keys.
const certificate = /(-----BEGIN CERTIFICATE-----[\s\S]*?-----END CERTIFICATE-----)/;

function randomLooking(text: string): boolean {
  if (/^[0-9a-fA-F]{32,}$/.test(text)) return true;
  const digits = text.replace(/[^0-9]/g, '').length;
  // Digits are what tell a base64 key from hyphenated words such as `kube-state-metrics-exporter`.
  if (digits === 0) return false;
  if (/[A-Z]/.test(text) && /[a-z]/.test(text)) return true;
  // Lowercase base36 tokens: long, with digits spread through them.
  return text.length >= 32 && digits >= text.length / 5;
}

function redactOutsideCertificates(text: string): string {
  return text
    .replace(privateKey, '<redacted: private key>')
    .replace(jwt, '<redacted>')
    .replace(awsKeyId, '<redacted>')
    .replace(run, (match) => (randomLooking(match) ? '<redacted>' : match));
}

// `--password=…`, `DB_TOKEN=…` in command lines and env files.
const assignment = /([A-Za-z0-9_.-]+)=([^\s"',;&]+)/g;

/**
 * The text with what looks like a secret replaced by `<redacted>`: long random-looking runs, JWTs,
 * private keys, and the values assigned to secret-looking names (`--password=…`).
 */
export function maskSecrets(text: string): string {
  return text
    .replace(assignment, (all: string, name: string) => (looksSecretName(name) ? `${name}=<redacted>` : all))
    .split(certificate)
    .map((part, index) => (index % 2 === 1 ? part : redactOutsideCertificates(part)))
    .join('');
}

export function holdsSecret(text: string): boolean {
  return maskSecrets(text) !== text;
}

// Up to the last `@` before the path: a password may hold an unescaped `@`.
const urlCredentials = /\b([a-z][a-z0-9+.-]*:\/\/)([^\s/?#]*)@/gi;

/**
 * The text with each URL's credentials replaced by `<redacted>`: a `user:password` pair, or a user part
 * that looks like a token (`https://<token>@github.com`); a plain user name (`ssh://git@`) stays.
 */
export function redactUrlCredentials(text: string): string {
  return text.replace(urlCredentials, (all: string, scheme: string, userinfo: string) => (userinfo.includes(':') || holdsSecret(userinfo) ? `${scheme}<redacted>@` : all));
}

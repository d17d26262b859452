/**
 * Credential detection for the two CIS-DI-0010 rules. High confidence: provider token formats,
 * private key blocks, and random-looking literals under secret names (secret-value). Low
 * confidence: names that suggest a secret (secret-name). Both read the config Env, the history
 * (ENV/ARG entries, build args of RUN steps, the RUN scripts) and captured file contents.
 * Values are never printed: `maskSecret` keeps a provider prefix at most.
 */
import type { ImageModel } from '../../model/image/types.js';
import { baseName, historySteps, historyField, splitAssignments, type HistoryStep } from './image.js';
import { EXAMPLE, looksRandom, PRIVATE_KEY_MARKER, PUBLIC_NAME, TOKEN_KINDS } from './secrets.js';
import { table } from '../../table.js';


/** A PEM private key with a body (a line of base64 after the header), not just the marker a library tests for. */
const PRIVATE_KEY_BLOCK = /-----BEGIN ((?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?)-----\r?\n(?:[A-Za-z-]+:[^\n]*\r?\n)*(?:\r?\n)?[A-Za-z0-9+/=]{40,}/;
const URL_CREDENTIALS = /[a-z][a-z0-9+.-]*:\/\/[^/:@\s]*:([^/@\s]+)@/i;


/** `ghp_… (40 characters)`: a provider prefix at most, never the secret. */
export function maskSecret(value: string): string {
  const prefix = /^(?:AKIA|ASIA|ghp_|gho_|ghu_|ghs_|ghr_|github_pat_|glpat-|xox[abposr]-|sk_live_|rk_live_|AIza|npm_|pypi-|dckr_pat_|hf_|sk-proj-|sk-ant-|sk-|SG\.)/.exec(value);
  return `${prefix ? prefix[0] : ''}*** (${value.length} characters)`;
}

/** Split a name into upper-case words: `awsSecretAccessKey` and `AWS_SECRET_ACCESS_KEY` -> AWS, SECRET, ACCESS, KEY. */
export function nameWords(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toUpperCase()
    .split(/[^A-Z0-9]+/)
    .filter(Boolean);
}

// Dockle's sensitive words (PASS, PASSWD, PASSWORD, SECRET, KEY, ACCESS, TOKEN), matched as whole
// words at the end of the name so KEYCLOAK_VERSION or PASSWORD_MIN_LENGTH do not count.
const SECRET_LAST = new Set(['PASS', 'PASSWD', 'PASSWORD', 'PASSWORDS', 'PASSPHRASE', 'SECRET', 'SECRETS', 'TOKEN', 'TOKENS', 'KEY', 'KEYS', 'APIKEY', 'CREDENTIAL', 'CREDENTIALS', 'PRIVATEKEY']);
// Words that make the value public or a description of the secret, not the secret itself.
const NOT_SECRET_WORDS = new Set(['PUBLIC', 'PUB', 'GPG', 'PGP', 'FILE', 'PATH', 'DIR', 'URL', 'URI', 'HOST', 'PORT', 'NAME', 'USER', 'USERNAME', 'ID', 'TYPE', 'LENGTH', 'ENABLED', 'REQUIRED', 'POLICY', 'HEADER']);

/** Does the variable name suggest a secret value (low confidence)? */
export function secretLikeName(name: string): boolean {
  if (name === 'PWD' || name === 'OLDPWD') return false;
  const words = nameWords(name);
  if (words.length === 0 || words.some((w) => NOT_SECRET_WORDS.has(w))) return false;
  const last = words[words.length - 1];
  // SECRET_KEY_BASE (Rails) names the secret with a trailing word.
  return SECRET_LAST.has(last) || (last === 'BASE' && words.includes('SECRET'));
}

const PLACEHOLDER = /^(|true|false|yes|no|on|off|null|none|nil|changeme|change_me|<.*>|\*+|x+|secret|password|example|test|dummy|todo|tbd|-)$/i;

/** A value worth flagging under a secret-looking name: not empty, a placeholder, a reference or a path. */
export function meaningfulValue(value: string): boolean {
  const v = value.trim();
  return !PLACEHOLDER.test(v) && !v.startsWith('/') && !v.startsWith('$') && !/^\d{1,5}$/.test(v) && v.length >= 4;
}

export interface SecretHit {
  /** What was found: `GitHub token`, `private key`, `random-looking value`, `password in a URL`. */
  kind: string;
  /** The matched secret (for masking and de-duplication only; never print it). */
  value: string;
}

/** High-confidence secret in one `NAME=value` (ENV, ARG, build arg). */
export function secretInAssignment(name: string, value: string): SecretHit | undefined {
  const hit = tokenIn(value, name);
  if (hit) return hit;
  const url = URL_CREDENTIALS.exec(value);
  if (url && looksRandom(url[1])) return { kind: 'password in a URL', value: url[1] };
  if (secretLikeName(name) && !PUBLIC_NAME.test(name) && looksRandom(value)) return { kind: 'random-looking secret', value };
  return undefined;
}

/** A provider token or private key marker in free text. */
export function tokenIn(text: string, name = ''): SecretHit | undefined {
  const pk = PRIVATE_KEY_MARKER.exec(text);
  if (pk) return { kind: 'private key', value: pk[0] };
  for (const t of TOKEN_KINDS) {
    const m = t.re.exec(text);
    if (!m || EXAMPLE.test(m[0]) || (t.publicOk && PUBLIC_NAME.test(name))) continue;
    return { kind: t.kind, value: m[0] };
  }
  return undefined;
}

/** A provider token or a private key block in file contents. */
export function secretInContent(data: Buffer): SecretHit | undefined {
  // Binary files (NUL bytes) are not scanned: tokens live in text.
  if (data.subarray(0, 8000).includes(0)) return undefined;
  const text = data.toString('utf8');
  const pk = PRIVATE_KEY_BLOCK.exec(text);
  if (pk) return { kind: pk[1] === 'PRIVATE KEY' ? 'private key' : `${pk[1].replace(/ PRIVATE KEY.*$/, '')} private key`, value: pk[0] };
  for (const t of TOKEN_KINDS) {
    const m = t.re.exec(text);
    if (m && !EXAMPLE.test(m[0])) return { kind: t.kind, value: m[0] };
  }
  return undefined;
}

/** Where a secret sits: a config Env entry, a history entry (ENV/ARG/build arg/script) or a file. */
export interface SecretFinding extends SecretHit {
  field?: string;
  path?: string;
  layer?: number;
  /** The variable's name, for env and build args. */
  name?: string;
  /** `ENV`, `ARG`, `build arg`, `RUN`, or `file`. */
  where: string;
}

/** Trees whose files come from packages: credentials there are test fixtures or documentation. */
export const PACKAGE_TREES = ['/usr/', '/lib/', '/lib32/', '/lib64/', '/bin/', '/sbin/', '/proc/', '/sys/', '/var/lib/', '/var/cache/', '/etc/ssl/', '/etc/pki/'];
export const VENDOR_SEGMENTS = ['/node_modules/', '/site-packages/', '/dist-packages/', '/vendor/', '/__pycache__/', '/.git/', '/go/pkg/mod/'];

export function inPackageTree(path: string): boolean {
  return (PACKAGE_TREES.some((p) => path.startsWith(p)) && !path.startsWith('/usr/local/')) || VENDOR_SEGMENTS.some((s) => path.includes(s));
}

const cache = new WeakMap<ImageModel, SecretFinding[]>();

/** Every high-confidence secret of the image, each value reported once (config first, then history, then files). */
export function highConfidenceSecrets(image: ImageModel): SecretFinding[] {
  const cached = cache.get(image);
  if (cached) return cached;
  const out: SecretFinding[] = [];
  const seen = new Set<string>();
  const add = (f: SecretFinding): void => {
    if (seen.has(f.value)) return;
    seen.add(f.value);
    out.push(f);
  };
  for (const kv of image.config.env) {
    const eq = kv.indexOf('=');
    if (eq <= 0) continue;
    const name = kv.slice(0, eq);
    const hit = secretInAssignment(name, kv.slice(eq + 1));
    if (hit) add({ ...hit, name, field: 'config.Env', where: 'ENV' });
  }
  for (const step of historySteps(image)) {
    for (const a of historyAssignments(step)) {
      const hit = secretInAssignment(a.key, a.value);
      if (hit) add({ ...hit, name: a.key, field: historyField(step), layer: step.layer, where: a.where });
    }
    if (step.instruction === 'RUN') {
      const hit = tokenIn(step.args);
      if (hit) add({ ...hit, field: historyField(step), layer: step.layer, where: 'RUN' });
    }
  }
  for (const [path, data] of image.contents) {
    if (inPackageTree(path)) continue;
    const hit = secretInContent(data);
    if (hit) add({ ...hit, path, layer: image.files.get(path)?.layer, where: 'file' });
  }
  for (const r of image.removedContents) {
    if (inPackageTree(r.path)) continue;
    const hit = secretInContent(r.content);
    if (hit) add({ ...hit, path: r.path, layer: r.layer, where: 'removed-file' });
  }
  cache.set(image, out);
  return out;
}

/** `NAME=value` pairs a history entry records: build args of a RUN, ENV and ARG entries. */
export function historyAssignments(step: HistoryStep): Array<{ key: string; value: string; where: string }> {
  if (step.instruction === 'RUN') return step.buildArgs.map((a) => ({ ...a, where: 'build arg' }));
  if (step.instruction !== 'ENV' && step.instruction !== 'ARG') return [];
  const text = step.args;
  // Legacy `ENV NAME value` (one pair, separated by a space).
  const legacy = /^([A-Za-z_][A-Za-z0-9_]*)\s+(?![A-Za-z_][A-Za-z0-9_]*=)(.+)$/.exec(text);
  const pairs = legacy && !text.slice(0, text.indexOf(' ')).includes('=') ? [{ key: legacy[1], value: legacy[2].trim() }] : splitAssignments(text);
  return pairs.map((p) => ({ ...p, where: step.instruction }));
}

// Basenames and extensions that often hold credentials (Dockle's lists, less the noisy ones:
// settings.py and config.json name ordinary source files far more often than secrets).
export const SECRET_FILE_NAMES = new Set([
  'credentials', 'credentials.json', 'credential', 'credential.json', 'password.txt', 'passwords.txt',
  'id_rsa', 'id_dsa', 'id_ecdsa', 'id_ed25519', 'secret_token.rb', 'carrierwave.rb', 'omniauth.rb',
  'database.yml', 'credentials.xml', '.npmrc', '.pypirc', '.netrc', '.git-credentials', '.dockercfg',
  '.htpasswd', 'secrets.yml', 'secrets.yaml', 'secrets.json', 'terraform.tfvars', '.pgpass', '.my.cnf',
  'terraform.tfstate', 'service-account.json', 'keyfile.json',
]);
export const SECRET_FILE_EXTENSIONS = ['.secret', '.ovpn', '.private_key', '.cscfg', '.rdp', '.pem', '.key', '.p12', '.pfx', '.jks', '.keystore', '.tfvars', '.tfstate', '.kdbx'];
// Files whose secret is a line inside: when the content is known and the marker is absent, they are harmless.
const CONTENT_MARKERS = table<RegExp>({
  '.npmrc': /_auth|_password|:_authToken/i,
  '.pypirc': /password/i,
  '.netrc': /password/i,
  '.my.cnf': /password/i,
  'database.yml': /password:\s*['"]?[^\s'"<{$]/i,
});
const ENV_TEMPLATES = /\.(?:example|sample|template|dist|defaults?|tpl)$/;

/** Why a file name looks like a credential, or undefined. Accept lists are applied by the rule. */
export function secretFileKind(path: string, acceptExtensions: readonly string[]): string | undefined {
  const base = baseName(path).toLowerCase();
  if (base.endsWith('.pub')) return undefined;
  if (base === '.env' || (base.startsWith('.env.') && !ENV_TEMPLATES.test(base))) return 'environment file';
  if (path.includes('/.docker/') && base === 'config.json') return 'Docker registry credentials';
  if (path.includes('/.aws/') && (base === 'credentials' || base === 'config')) return 'AWS credentials';
  if (path.includes('/.ssh/') && base.startsWith('id_')) return 'SSH private key';
  if (SECRET_FILE_NAMES.has(base)) return base.startsWith('id_') ? 'SSH private key' : 'credentials file';
  const ext = SECRET_FILE_EXTENSIONS.find((e) => base.endsWith(e) && !acceptExtensions.includes(e) && !acceptExtensions.includes(e.slice(1)));
  return ext ? `${ext} file` : undefined;
}

/** With the content known, is the named file harmless (a certificate, an .npmrc without a token, empty)? */
export function contentClears(path: string, data: Buffer | undefined): boolean {
  if (!data) return false;
  if (data.length === 0) return true;
  const base = baseName(path).toLowerCase();
  // A certificate bundle may be captured up to a MiB, and a key may come after its certificates.
  if (/\.(?:pem|key|crt)$/.test(base)) return !data.includes('PRIVATE KEY');
  const marker = CONTENT_MARKERS[base];
  return marker ? !marker.test(data.subarray(0, 65536).toString('utf8')) : false;
}

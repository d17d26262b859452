import type { ComposeRuleContext } from '../compose-types.js';
import { literalEnvironment } from '../helpers/compose.js';
import { DESCRIBES_SECRET } from '../helpers/secret-words.js';
import { defineRule } from '../types.js';

/** Variable names that hold secrets. An access key alone (MINIO_ACCESS_KEY, AWS_ACCESS_KEY) is the ID that goes with a secret key. */
const SECRET_NAME = /(^|_)(PASSWORD|PASSWD|SECRET|SECRETS|TOKEN|API_?KEY|APIKEY|PRIVATE_?KEY|SECRET_?KEY|CLIENT_SECRET|AUTH_?KEY|CREDENTIALS?|ENCRYPTION_?KEY|SIGNING_?KEY|MASTER_?KEY)($|_)/i;
/**
 * Short words that also mean something else (PASS_THROUGH; PWD, the working directory): a name
 * matched only through them counts when its value looks like a password, not a path or a word.
 */
const WEAK_SECRET_NAME = /(^|_)(PASS|PWD)($|_)/i;
/** The shell's working directories, set by images and entrypoints. */
const SHELL_VARIABLE = /^(OLD)?PWD$/i;
const PATH_OR_WORD = /^(\/\S*|[a-z]+)$/;
/** Values that are placeholders or not secrets. */
const PLACEHOLDER = /^(|true|false|yes|no|on|off|null|none|changeme|change_me|<.*>|\*+|x+|secret|password|example|test|dummy|todo|tbd)$/i;
/** Provider-specific token shapes, flagged whatever the variable is called. */
const TOKENS: Array<[RegExp, string]> = [
  [/\bAKIA[0-9A-Z]{16}\b/, 'an AWS access key'],
  [/\bgh[pousr]_[A-Za-z0-9]{36,}\b/, 'a GitHub token'],
  [/\bglpat-[A-Za-z0-9_-]{20,}\b/, 'a GitLab token'],
  [/\bxox[baprs]-[A-Za-z0-9-]{10,}\b/, 'a Slack token'],
  [/\bsk_live_[A-Za-z0-9]{20,}\b/, 'a Stripe secret key'],
  [/\bnpm_[A-Za-z0-9]{36}\b/, 'an npm token'],
  [/-----BEGIN [A-Z ]*PRIVATE KEY-----/, 'a private key'],
  [/\bsk-[A-Za-z0-9_-]{32,}\b/, 'an API secret key'],
];
const URL_PASSWORD = /^[a-z][a-z0-9+.-]*:\/\/[^:/@\s]+:([^@\s]+)@/i;

/** `DB_PASSWORD_FILE`, `SESSION_TOKEN_REFRESH`: the last word says what the variable is about (helpers/secret-words.ts). */
function describesSecret(key: string): boolean {
  const cut = key.lastIndexOf('_');
  return cut > 0 && DESCRIBES_SECRET.has(key.slice(cut + 1).toLowerCase());
}

export function secretKind(key: string, value: string): string | undefined {
  for (const [re, what] of TOKENS) if (re.test(value)) return what;
  const pw = URL_PASSWORD.exec(value);
  if (pw && !pw[1].startsWith('$') && !PLACEHOLDER.test(pw[1])) return 'a password inside a URL';
  const v = value.trim();
  if (describesSecret(key) || SHELL_VARIABLE.test(key)) return undefined;
  if (!SECRET_NAME.test(key) && !(WEAK_SECRET_NAME.test(key) && !PATH_OR_WORD.test(v))) return undefined;
  if (PLACEHOLDER.test(v) || v.length < 4 || v.startsWith('/run/secrets/') || /^\d{1,5}$/.test(v)) return undefined;
  return 'a literal secret';
}

export default defineRule<ComposeRuleContext>({
  id: 'DC011',
  name: 'secret-in-environment',
  aliases: [],
  meta: {
    target: 'compose',
    category: 'security',
    severity: 'error',
    fixable: null,
    status: 'stable',
    docs: {
      summary: 'A literal password, token or key is written in a service\'s `environment:`.',
      why: 'A secret written in the Compose file ends up in version control, in `docker inspect`, in CI logs and in every copy of the repository. Reference it instead: `${DB_PASSWORD}` read from the environment or an uncommitted `.env`, an `env_file`, or better Compose `secrets:`, which mounts it as a file under /run/secrets. Values that are references (`${VAR}`), placeholders or file paths are not flagged, nor are names whose last word describes the secret rather than holding it (`_FILE`, `_URL`, `_LENGTH`, `_TTL`, `_REFRESH`, `_MAX_AGE`, `_BACKEND`...), nor `PWD` (the working directory); a name that is secret only through `PASS` or `PWD` (`PASS_THROUGH`, `FTP_PWD`) counts when its value is neither an absolute path nor one plain lowercase word (`enabled`).',
      bad: 'services:\n  db:\n    image: postgres:16\n    environment:\n      POSTGRES_PASSWORD: s3cr3t-Passw0rd\n',
      good: 'services:\n  db:\n    image: postgres:16\n    environment:\n      POSTGRES_PASSWORD_FILE: /run/secrets/db_password\n    secrets:\n      - db_password\nsecrets:\n  db_password:\n    file: ./db_password.txt\n',
    },
    messages: {
      secret: 'Service "{{service}}" has {{what}} in {{key}}: it ends up in version control and `docker inspect`. Use a reference (${{{key}}}), an env_file, or Compose secrets.',
    },
  },
  check(ctx) {
    for (const svc of ctx.services) {
      for (const { key, value, origin } of literalEnvironment(svc)) {
        const what = secretKind(key, value);
        if (what) ctx.report({ messageId: 'secret', data: { service: svc.name, key, what }, at: origin });
      }
    }
  },
});

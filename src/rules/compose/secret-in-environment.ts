import type { ComposeRuleContext } from '../compose-types.js';
import { literalEnvironment } from '../helpers/compose.js';
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
/**
 * Names that only describe a secret (a file, a path, a flag, a length) or a setting about one
 * (SESSION_TOKEN_REFRESH, PASSWORD_MAX_AGE, SECRETS_BACKEND): the secret word is not the last one.
 */
const NOT_A_SECRET = /(_FILE|_PATH|_DIR|_URL|_URI|_HOST|_PORT|_DOMAIN|_AUDIENCE|_SCOPE|_REALM|_LENGTH|_LEN|_MIN|_MAX|_ENABLED|_ENABLE|_REQUIRED|_POLICY|_HEADER|_NAME|_USER|_USERNAME|_TYPE|_EXPIRY|_EXPIRES|_EXPIRATION|_TTL|_TIMEOUT|_ALGORITHM|_ALGO|_HASH_ITERATIONS|_ENDPOINT|_ISSUER|_ID|_FORMAT|_SIZE|_PREFIX|_MODE|_METHOD|_COMMAND|_CMD|_PROVIDER|_SOURCE|_LOCATION|_REFRESH|_ROTATION|_INTERVAL|_LIFETIME|_DURATION|_PERIOD|_SCHEDULE|_FREQUENCY|_RENEWAL|_VALIDITY|_AGE|_STRATEGY|_BACKEND|_STORE|_VERSION|_COUNT|_LIMIT|_RETRIES|_DELAY)$/i;
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

export function secretKind(key: string, value: string): string | undefined {
  for (const [re, what] of TOKENS) if (re.test(value)) return what;
  const pw = URL_PASSWORD.exec(value);
  if (pw && !pw[1].startsWith('$') && !PLACEHOLDER.test(pw[1])) return 'a password inside a URL';
  const v = value.trim();
  if (NOT_A_SECRET.test(key) || SHELL_VARIABLE.test(key)) return undefined;
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

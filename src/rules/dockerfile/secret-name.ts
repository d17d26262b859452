import { DESCRIBES_SECRET } from '../helpers/secret-words.js';
import { defineRule } from '../types.js';

// Well-known variables that hold credentials, including ones whose names carry no telltale word.
const KNOWN = new Set([
  'AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN', 'AZURE_CLIENT_SECRET', 'AZURE_STORAGE_KEY',
  'AZURE_STORAGE_CONNECTION_STRING', 'GOOGLE_API_KEY', 'GCP_SERVICE_ACCOUNT_KEY', 'DIGITALOCEAN_ACCESS_TOKEN',
  'CLOUDFLARE_API_TOKEN', 'HEROKU_API_KEY', 'GITHUB_TOKEN', 'GH_TOKEN', 'GH_ENTERPRISE_TOKEN', 'GITLAB_TOKEN',
  'CI_JOB_TOKEN', 'CI_DEPLOY_PASSWORD', 'BITBUCKET_APP_PASSWORD', 'CIRCLE_TOKEN', 'CODECOV_TOKEN', 'SONAR_TOKEN',
  'SNYK_TOKEN', 'NPM_TOKEN', 'NPM_AUTH_TOKEN', 'NODE_AUTH_TOKEN', 'YARN_NPM_AUTH_TOKEN', 'PYPI_TOKEN',
  'TWINE_PASSWORD', 'NUGET_API_KEY', 'GEM_HOST_API_KEY', 'DOCKER_PASSWORD', 'DOCKERHUB_TOKEN', 'DOCKER_AUTH_CONFIG',
  'OPENAI_API_KEY', 'ANTHROPIC_API_KEY', 'HF_TOKEN', 'HUGGING_FACE_HUB_TOKEN', 'STRIPE_API_KEY', 'SLACK_TOKEN',
  'SLACK_WEBHOOK_URL', 'SENTRY_AUTH_TOKEN', 'SENDGRID_API_KEY', 'TWILIO_AUTH_TOKEN', 'VAULT_TOKEN',
  'FIREBASE_TOKEN', 'POSTGRES_PASSWORD', 'MYSQL_ROOT_PASSWORD', 'RAILS_MASTER_KEY', 'SSH_PRIVATE_KEY',
]);
// Words that mark a name as a credential, matched against the name's parts (`DB_PASSWORD` -> db, password).
const SECRET_WORDS = new Set(['password', 'passwd', 'passphrase', 'secret', 'secrets', 'token', 'tokens', 'apikey', 'credentials']);
// Two-part names: `API_KEY`, `PRIVATE_KEY`, ...
const KEY_PREFIXES = new Set(['api', 'private', 'client', 'access', 'secret', 'signing', 'encryption', 'master']);
const CAMEL = /([a-z0-9])([A-Z])/g;
const HINT = /pass|secret|token|key|credential|connection|webhook|auth/i;
// A value that is a file path points at the secret instead of holding it (`TLS_PRIVATE_KEY=/run/secrets/tls.key`).
const FILE_PATH = /^\/[\w.@/-]+$/;
const SEPARATORS = /[_.-]+/;

/** The name's lower-case parts: `dbPassword` / `DB_PASSWORD` -> db, password. */
function nameParts(name: string): string[] {
  const parts = name.replace(CAMEL, '$1_$2').toLowerCase().split(SEPARATORS);
  // Separators at either end leave empty parts (none in the middle: the separator pattern takes runs).
  if (parts[0] === '') parts.shift();
  if (parts.length > 0 && parts[parts.length - 1] === '') parts.pop();
  return parts;
}

/** Does this variable name look like it holds a credential? */
function looksSecret(name: string): boolean {
  // Cheap pre-check: every known name and secret word contains one of these.
  if (!HINT.test(name)) return false;
  if (KNOWN.has(name.toUpperCase())) return true;
  const parts = nameParts(name);
  if (parts.length === 0 || DESCRIBES_SECRET.has(parts[parts.length - 1])) return false;
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i];
    if (SECRET_WORDS.has(p) || p.endsWith('password') || p.endsWith('token') || p.endsWith('secret') || p.endsWith('apikey')) return true;
    if (p === 'key' && i > 0 && KEY_PREFIXES.has(parts[i - 1])) return true;
  }
  return false;
}

export default defineRule({
  id: 'DF063',
  name: 'secret-name',
  aliases: ['DL3064'],
  onlyWith: ['ARG', 'ENV'],
  meta: {
    target: 'dockerfile',
    category: 'security',
    severity: 'warning',
    fixable: null,
    status: 'stable',
    docs: {
      summary: 'ARG or ENV whose name suggests it holds a secret.',
      why: 'ENV values are stored in the image config, and ARG values in the build history, where anyone who can pull the image can read them with `docker inspect` or `docker history`. Pass credentials as build secrets (`RUN --mount=type=secret,id=npm_token ...`) and provide runtime secrets when the container starts.',
      bad: 'FROM node:20-slim\nARG NPM_TOKEN\nRUN echo "//registry.npmjs.org/:_authToken=${NPM_TOKEN}" > .npmrc && npm ci && rm .npmrc\n',
      good: 'FROM node:20-slim\nRUN --mount=type=secret,id=npmrc,target=/root/.npmrc npm ci\n',
    },
    messages: {
      arg: 'ARG {{name}} looks like a secret, and build arguments are recorded in the image history; pass it as a build secret instead (RUN --mount=type=secret,id={{id}} ...).',
      env: 'ENV {{name}} looks like a secret, and ENV values are stored in the image for anyone who can pull it; provide it when the container starts, or as a build secret (RUN --mount=type=secret,id={{id}}) if only the build needs it.',
    },
  },
  check({ df, report }) {
    for (const outer of df.instructions) {
      const instr = outer.trigger ?? outer;
      if (instr.keyword !== 'ARG' && instr.keyword !== 'ENV') continue;
      for (const p of instr.pairs) {
        if (!looksSecret(p.key) || (p.hasValue && FILE_PATH.test(p.value))) continue;
        report({ messageId: instr.keyword === 'ARG' ? 'arg' : 'env', data: { name: p.key, id: p.key.toLowerCase() }, span: p.keySpan });
      }
    }
  },
});

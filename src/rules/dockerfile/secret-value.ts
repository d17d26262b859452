import { EXAMPLE, looksRandom, PRIVATE_KEY_MARKER, PUBLIC_NAME, TOKEN_KINDS } from '../helpers/secrets.js';
import type { KeyValue } from '../../model/dockerfile/types.js';
import { defineRule, type DockerfileContext } from '../types.js';

// Provider token formats (shared with the image rule), the PEM marker, and JWTs: in a Dockerfile
// value a JWT is a committed credential (unless its name says it is a public/anon key).
const TOKENS: ReadonlyArray<{ kind: string; re: RegExp; publicOk?: boolean }> = [
  { kind: 'private key', re: PRIVATE_KEY_MARKER },
  ...TOKEN_KINDS,
  { kind: 'JSON Web Token', re: /(?<![\w-])eyJ[A-Za-z0-9_-]{10,}\.eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}/, publicOk: true },
];
// Any of the formats in one pass (they carry no flags): most values match none, and one scan beats one per format.
const ANY_TOKEN = new RegExp(TOKENS.map((t) => t.re.source).join('|'));
// Names whose value is a credential itself (not `PASSWORD_FILE`, `TOKEN_URL`).
const SECRET_NAME = /(?:passw(?:or)?d|passphrase|secret|token|api_?key|private_?key|access_?key|secret_?key(?:_base)?|auth_?key|master_?key|encryption_?key|signing_?key)$/i;
const CAMEL = /([a-z0-9])([A-Z])/g;
// `scheme://user:password@host`
const URL_CREDENTIALS = /^[a-z][a-z0-9+.-]*:\/\/[^/:@\s]*:([^/@\s]+)@/i;

export default defineRule({
  id: 'DF106',
  name: 'secret-value',
  aliases: [],
  onlyWith: ['ARG', 'ENV', 'LABEL'],
  meta: {
    target: 'dockerfile',
    category: 'security',
    severity: 'error',
    fixable: null,
    status: 'stable',
    docs: {
      summary: 'A literal credential (API token, private key, random password) written into ENV, ARG or LABEL.',
      why: 'ENV and LABEL values are stored in the image config and ARG defaults in its history: anyone who can pull the image reads them with `docker inspect` or `docker history`, and the Dockerfile itself sits in version control. Treat a committed credential as leaked: revoke it, then provide it at run time or as a build secret (`RUN --mount=type=secret`). Flags values with a provider token format (AWS AKIA/ASIA, GitHub ghp_/gho_/github_pat_, GitLab glpat-, Slack xox*- and webhooks, Stripe sk_live_, Google AIza, npm_, PyPI, Docker Hub, Hugging Face, OpenAI, Anthropic, SendGrid, DigitalOcean, JWTs, `-----BEGIN ... PRIVATE KEY-----`), and, for names like `*_PASSWORD`/`*_SECRET`/`*_TOKEN`/`*_API_KEY` and URL passwords (`scheme://user:pass@`), only literals that look randomly generated (16+ characters, mixed classes, high entropy). Skips `${VAR}` references, documentation examples (`...EXAMPLE`, `changeme`), short or word-like passwords (secret-name, DF063, warns about the name), and Google keys and JWTs under public/anon names, which are meant to be published.',
      // A fake token, split so that secret scanners do not flag this file.
      bad: 'FROM node:20-slim\nENV GITHUB_TOKEN=ghp_' + 'R8vJm2Qx7LpT4nWc9ZbK1sYd6FhA3uGe0XiO\nRUN npm ci --omit=dev\n',
      good: 'FROM node:20-slim\nRUN --mount=type=secret,id=github_token,env=GITHUB_TOKEN npm ci --omit=dev\n',
    },
    messages: {
      token: '{{keyword}} {{name}} contains a literal {{kind}}, readable by anyone who can pull the image; revoke it and pass it at run time or as a build secret (RUN --mount=type=secret) instead.',
      generic: '{{keyword}} {{name}} contains what looks like a real credential, readable by anyone who can pull the image; rotate it and pass it at run time or as a build secret (RUN --mount=type=secret) instead.',
    },
  },
  check({ df, report, source }) {
    for (const outer of df.instructions) {
      const instr = outer.trigger ?? outer;
      if (instr.keyword !== 'ENV' && instr.keyword !== 'ARG' && instr.keyword !== 'LABEL') continue;
      for (const p of instr.pairs) {
        if (!p.hasValue || p.value.length < 16) continue;
        const raw = source.text.slice(p.valueSpan.start, p.valueSpan.end);
        if (ANY_TOKEN.test(raw) && reportToken(instr.keyword, p, raw, report)) continue;
        if (hasUrlPassword(p.value) || (nameHoldsSecret(p.key) && !PUBLIC_NAME.test(p.key) && looksRandom(p.value))) {
          report({ messageId: 'generic', data: { keyword: instr.keyword, name: p.key }, span: p.valueSpan });
        }
      }
    }
  },
});

/** Reports the first token format found in `raw` (skipping examples and public names); false if none counts. */
function reportToken(keyword: string, p: KeyValue, raw: string, report: DockerfileContext['report']): boolean {
  for (const t of TOKENS) {
    const m = t.re.exec(raw);
    if (!m || EXAMPLE.test(m[0]) || (t.publicOk && PUBLIC_NAME.test(p.key))) continue;
    const start = p.valueSpan.start + m.index;
    report({ messageId: 'token', data: { keyword, name: p.key, kind: t.kind }, span: { start, end: start + m[0].length } });
    return true;
  }
  return false;
}

/** `scheme://user:password@host` with a random-looking password. */
function hasUrlPassword(value: string): boolean {
  // Cheap rejection first: almost no value holds a URL.
  if (!value.includes('://')) return false;
  const url = URL_CREDENTIALS.exec(value);
  return url !== null && looksRandom(url[1]);
}

/** Does the name (camelCase split into snake_case) end like a credential's name? */
function nameHoldsSecret(key: string): boolean {
  return SECRET_NAME.test(key.replace(CAMEL, '$1_$2'));
}

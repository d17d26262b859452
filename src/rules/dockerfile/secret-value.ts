import { defineRule } from '../types.js';

// Credential formats with a distinctive prefix or shape: a match is almost never a false alarm.
// `(?<![\w-])` / `(?![\w-])` keep them from matching inside longer words.
const TOKENS: Array<{ kind: string; re: RegExp; publicNames?: boolean }> = [
  { kind: 'private key', re: /-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----/ },
  { kind: 'AWS access key id', re: /(?<![A-Z0-9])(?:AKIA|ASIA)[A-Z0-9]{16}(?![A-Z0-9])/ },
  { kind: 'GitHub token', re: /(?<![\w-])(?:gh[pousr]_[A-Za-z0-9]{36,}|github_pat_[A-Za-z0-9_]{60,})(?![\w-])/ },
  { kind: 'GitLab token', re: /(?<![\w-])glpat-[A-Za-z0-9_-]{20,}/ },
  { kind: 'Slack token', re: /(?<![\w-])xox[abposr]-[A-Za-z0-9-]{10,}/ },
  { kind: 'Slack webhook', re: /https:\/\/hooks\.slack\.com\/services\/T[A-Z0-9]+\/B[A-Z0-9]+\/[A-Za-z0-9]{16,}/ },
  { kind: 'Stripe secret key', re: /(?<![\w-])(?:sk|rk)_live_[A-Za-z0-9]{20,}/ },
  { kind: 'Google API key', re: /(?<![\w-])AIza[0-9A-Za-z_-]{35}(?![\w-])/, publicNames: true },
  { kind: 'npm token', re: /(?<![\w-])npm_[A-Za-z0-9]{36}(?![\w-])/ },
  { kind: 'PyPI token', re: /(?<![\w-])pypi-AgEIcHlwaS5vcmc[A-Za-z0-9_-]{50,}/ },
  { kind: 'Docker Hub token', re: /(?<![\w-])dckr_pat_[A-Za-z0-9_-]{20,}/ },
  { kind: 'Hugging Face token', re: /(?<![\w-])hf_[A-Za-z]{34}(?![\w-])/ },
  { kind: 'OpenAI API key', re: /(?<![\w-])sk-(?:proj-[A-Za-z0-9_-]{40,}|[A-Za-z0-9]{20}T3BlbkFJ[A-Za-z0-9]{20})/ },
  { kind: 'Anthropic API key', re: /(?<![\w-])sk-ant-[a-z]+\d*-[A-Za-z0-9_-]{80,}/ },
  { kind: 'SendGrid API key', re: /(?<![\w-])SG\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{43}(?![\w-])/ },
  { kind: 'DigitalOcean token', re: /(?<![\w-])do[por]_v1_[a-f0-9]{64}(?![\w-])/ },
  { kind: 'JSON Web Token', re: /(?<![\w-])eyJ[A-Za-z0-9_-]{10,}\.eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}/, publicNames: true },
];
// Documentation examples (AWS's AKIAIOSFODNN7EXAMPLE) are not secrets.
const EXAMPLE = /EXAMPLE|example|dummy|placeholder|changeme|xxxxx|your[-_]/;
// Browser keys and anon JWTs are published on purpose (`NEXT_PUBLIC_FIREBASE_API_KEY`, `SUPABASE_ANON_KEY`).
const PUBLIC_NAME = /public|anon|browser|client_?id/i;
// Names whose value is a credential itself (not `PASSWORD_FILE`, `TOKEN_URL`).
const SECRET_NAME = /(?:passw(?:or)?d|passphrase|secret|token|api_?key|private_?key|access_?key|secret_?key(?:_base)?|auth_?key|master_?key|encryption_?key|signing_?key)$/i;
const CAMEL = /([a-z0-9])([A-Z])/g;
// `scheme://user:password@host`
const URL_CREDENTIALS = /^[a-z][a-z0-9+.-]*:\/\/[^/:@\s]*:([^/@\s]+)@/i;

/** Bits per character; random keys score above 3.5, words and placeholders below. */
function entropy(s: string): number {
  const counts = new Map<string, number>();
  for (const c of s) counts.set(c, (counts.get(c) ?? 0) + 1);
  let h = 0;
  for (const n of counts.values()) h -= (n / s.length) * Math.log2(n / s.length);
  return h;
}

/** A literal that looks machine-generated: long, mixed character classes, high entropy, no `$`. */
function randomLiteral(s: string): boolean {
  if (s.length < 16 || s.includes('$') || /\s/.test(s) || s.startsWith('/') || EXAMPLE.test(s)) return false;
  const classes = +/[a-z]/.test(s) + +/[A-Z]/.test(s) + +/[0-9]/.test(s) + +/[^A-Za-z0-9]/.test(s);
  return classes >= 2 && /[0-9]/.test(s) && entropy(s) >= 3.5;
}

export default defineRule({
  id: 'DF106',
  name: 'secret-value',
  aliases: [],
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
        const data = { keyword: instr.keyword, name: p.key };
        let found = false;
        for (const t of TOKENS) {
          const m = t.re.exec(raw);
          if (!m || EXAMPLE.test(m[0]) || (t.publicNames && PUBLIC_NAME.test(p.key))) continue;
          const start = p.valueSpan.start + m.index;
          report({ messageId: 'token', data: { ...data, kind: t.kind }, span: { start, end: start + m[0].length } });
          found = true;
          break;
        }
        if (found) continue;
        const url = URL_CREDENTIALS.exec(p.value);
        const normalized = p.key.replace(CAMEL, '$1_$2');
        if ((url && randomLiteral(url[1])) || (SECRET_NAME.test(normalized) && !PUBLIC_NAME.test(p.key) && randomLiteral(p.value))) {
          report({ messageId: 'generic', data, span: p.valueSpan });
        }
      }
    }
  },
});

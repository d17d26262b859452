/**
 * Credential formats shared by the Dockerfile and image secret rules: provider tokens with a
 * distinctive shape, the PEM private key marker, and the test for machine-generated literals.
 */

export interface TokenKind {
  kind: string;
  re: RegExp;
  /** Published on purpose under public/anon names (browser keys, anon JWTs). */
  publicOk?: boolean;
}

// Formats with a distinctive prefix or shape; the look-arounds keep them from matching inside longer words.
export const TOKEN_KINDS: readonly TokenKind[] = [
  { kind: 'AWS access key id', re: /(?<![A-Z0-9])(?:AKIA|ASIA)[A-Z0-9]{16}(?![A-Z0-9])/ },
  { kind: 'GitHub token', re: /(?<![\w-])(?:gh[pousr]_[A-Za-z0-9]{36,}|github_pat_[A-Za-z0-9_]{60,})(?![\w-])/ },
  { kind: 'GitLab token', re: /(?<![\w-])glpat-[A-Za-z0-9_-]{20,}/ },
  { kind: 'Slack token', re: /(?<![\w-])xox[abposr]-[A-Za-z0-9-]{10,}/ },
  { kind: 'Slack webhook', re: /https:\/\/hooks\.slack\.com\/services\/T[A-Z0-9]+\/B[A-Z0-9]+\/[A-Za-z0-9]{16,}/ },
  { kind: 'Stripe secret key', re: /(?<![\w-])(?:sk|rk)_live_[A-Za-z0-9]{20,}/ },
  { kind: 'Google API key', re: /(?<![\w-])AIza[0-9A-Za-z_-]{35}(?![\w-])/, publicOk: true },
  { kind: 'npm token', re: /(?<![\w-])npm_[A-Za-z0-9]{36}(?![\w-])/ },
  { kind: 'PyPI token', re: /(?<![\w-])pypi-AgEIcHlwaS5vcmc[A-Za-z0-9_-]{50,}/ },
  { kind: 'Docker Hub token', re: /(?<![\w-])dckr_pat_[A-Za-z0-9_-]{20,}/ },
  { kind: 'Hugging Face token', re: /(?<![\w-])hf_[A-Za-z]{34}(?![\w-])/ },
  { kind: 'OpenAI API key', re: /(?<![\w-])sk-(?:proj-[A-Za-z0-9_-]{40,}|[A-Za-z0-9]{20}T3BlbkFJ[A-Za-z0-9]{20})/ },
  { kind: 'Anthropic API key', re: /(?<![\w-])sk-ant-[a-z]+\d*-[A-Za-z0-9_-]{80,}/ },
  { kind: 'DigitalOcean token', re: /(?<![\w-])do[por]_v1_[a-f0-9]{64}(?![\w-])/ },
  { kind: 'SendGrid API key', re: /(?<![\w-])SG\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{43}(?![\w-])/ },
];


/** In a one-line value (ENV, ARG, history) the marker alone is enough: nobody writes it there by accident. */
export const PRIVATE_KEY_MARKER = /-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----/;
/** Documentation examples (AWS's AKIAIOSFODNN7EXAMPLE) are not secrets. */
export const EXAMPLE = /EXAMPLE|example|dummy|placeholder|changeme|xxxxx|your[-_]/;
/** Browser keys and anon JWTs are published on purpose (`NEXT_PUBLIC_FIREBASE_API_KEY`, `SUPABASE_ANON_KEY`). */
export const PUBLIC_NAME = /public|anon|browser|client_?id/i;

/** Bits per character; random keys score above 3.5, words and placeholders below. */
function entropy(s: string): number {
  const counts = new Map<string, number>();
  for (const c of s) counts.set(c, (counts.get(c) ?? 0) + 1);
  let h = 0;
  for (const n of counts.values()) h -= (n / s.length) * Math.log2(n / s.length);
  return h;
}

/** A literal that looks machine-generated: long, digits and letters, high entropy, no reference. */
export function looksRandom(s: string): boolean {
  if (s.length < 16 || s.includes('$') || /\s/.test(s) || s.startsWith('/') || EXAMPLE.test(s)) return false;
  const classes = +/[a-z]/.test(s) + +/[A-Z]/.test(s) + +/[0-9]/.test(s) + +/[^A-Za-z0-9]/.test(s);
  return classes >= 2 && /[0-9]/.test(s) && entropy(s) >= 3.5;
}

import type { Dockerfile, Instruction } from '../../model/dockerfile/types.js';
import { defineRule, type DockerfileContext } from '../types.js';

// Files that hold credentials by convention (matched against the last path component).
const SECRET_FILES = new Set([
  '.npmrc', '.pypirc', '.git-credentials', '.netrc', '_netrc', '.pgpass', '.my.cnf', '.htpasswd',
  'id_rsa', 'id_dsa', 'id_ecdsa', 'id_ed25519', 'id_ecdsa_sk', 'id_ed25519_sk',
]);
// Folders whose whole content is credentials (`COPY .ssh /root/.ssh`).
const SECRET_DIRS = new Set(['.ssh', '.aws', '.gnupg', '.kube']);
// Paths inside a home folder: `.aws/credentials`, `.docker/config.json`, `.kube/config`.
const SECRET_PATHS = /(?:^|\/)(?:\.aws\/credentials|\.docker\/config\.json|\.kube\/config|\.config\/gcloud\/[^/]*credentials[^/]*\.json)$/;
// `.env`, `.env.production`, `.env*`; not the committed templates. (`meta.env`-style names are too often plain settings.)
const DOTENV = /^\.env(?:[.*].*)?$/;
const ENV_TEMPLATE = /(?:example|sample|template|dist|defaults?|schema|tpl)$/i;
// Private key material by extension.
const KEY_EXT = /\.(?:pem|key|p12|pfx)$/i;
// Names that say a .pem/.key file is a certificate or a public key, which are fine to ship.
const PUBLIC_HINT = /(?:^|[-_.])(?:ca|cert|certs|certificate|chain|fullchain|bundle|root|public|pub|trust|truststore|gpg|pgp|signing|archive|repo|keyring|dhparams?|ffdhe\d*)(?:[-_.]|$)/i;
// A URL source (`https://...`), which ADD downloads.
const URL_SOURCE = /^[a-z][a-z0-9+.-]*:\/\//i;
// Destinations that say the file is a public key or certificate (repository keyrings, CA stores, `*.pub`).
const KEYRING_DEST = /(?:keyrings|trusted\.gpg\.d|rpm-gpg|apk\/keys|ca-certificates|ca-trust|\/ssl\/certs|\.(?:pub|asc|gpg|crt)$|public)/i;

/** Is this COPY source a credentials file? Returns the matched name (for the secret id), or undefined. */
function secretName(path: string, dest: string): string | undefined {
  const clean = withoutTrailingSlashes(path);
  const base = clean.slice(clean.lastIndexOf('/') + 1);
  if (base === '' || base === '.' || base === '*') return undefined;
  if (SECRET_FILES.has(base) || SECRET_DIRS.has(base) || SECRET_PATHS.test(clean)) return base;
  if (DOTENV.test(base) && !ENV_TEMPLATE.test(base)) return base;
  if (KEY_EXT.test(base) && !PUBLIC_HINT.test(base.replace(KEY_EXT, '')) && !KEYRING_DEST.test(dest)) return base;
  return undefined;
}

/** `path` without trailing slashes (what `/\/+$/` would remove). */
function withoutTrailingSlashes(path: string): string {
  let end = path.length;
  while (end > 0 && path.charCodeAt(end - 1) === 0x2f /* / */) end--;
  return end === path.length ? path : path.slice(0, end);
}

/** A remote source (URL, `git@`) or a heredoc: not a file from the build context. */
function isRemoteOrHeredoc(value: string): boolean {
  return value.startsWith('<<') || (value.includes('://') && URL_SOURCE.test(value)) || value.startsWith('git@');
}

/** Reports the source `value` (at `start`..`end`) if it is a credentials file. */
function checkSource(df: Dockerfile, instr: Instruction, value: string, start: number, end: number, dest: string, shipped: boolean, report: DockerfileContext['report']): void {
  if (isRemoteOrHeredoc(value)) return;
  const path = value.includes('$') ? df.expand(instr, value) : value;
  if (path === null) return;
  const name = secretName(path, dest);
  if (!name) return;
  const id = name.replace(/^\.+/, '').replace(/[^A-Za-z0-9_-]+/g, '_').toLowerCase() || 'secret';
  // A file from another stage or image (`COPY --from`) is not in the build context: .dockerignore has no say.
  const ignore = instr.flags.some((f) => f.name === 'from') ? '' : ' and exclude it in .dockerignore';
  report({ messageId: shipped ? 'shipped' : 'build', data: { keyword: instr.keyword, file: value, id, ignore }, span: { start, end } });
}

export default defineRule({
  id: 'DF107',
  name: 'secret-file-copied',
  aliases: [],
  onlyWith: ['COPY', 'ADD'],
  meta: {
    target: 'dockerfile',
    category: 'security',
    severity: 'error',
    fixable: null,
    status: 'stable',
    docs: {
      summary: 'COPY/ADD of a credentials file (`.env`, private keys, `.npmrc`, `.netrc`, `.aws/credentials`, ...).',
      why: 'A file copied into the image stays in its layer for good, even if a later RUN deletes it: anyone who can pull the image (or the build cache) can read it. Mount build-time credentials only for the step that needs them with `RUN --mount=type=secret,id=...`, and give runtime configuration to the container when it starts. Flags sources named `.env`/`.env.*` (not `.env.example` and other templates; `*.env` names such as `meta.env` are too often plain settings), `id_rsa`/`id_ed25519`/... keys, `*.pem`/`*.key`/`*.p12`/`*.pfx` (unless the name or destination says certificate, CA, DH parameters or public key, e.g. `COPY repo.key /usr/share/keyrings/` or `... /key.pub`), `.npmrc`, `.pypirc`, `.git-credentials`, `.netrc`, `.pgpass`, `.htpasswd`, `.aws/credentials`, `.docker/config.json`, `.kube/config` and `.ssh`/`.aws`/`.gnupg` folders, also with globs and `--from`. Build-only stages are flagged too: their layers stay in the builder cache and in any exported cache (`--cache-to`), and `--target` can ship them. Skips heredoc sources, URLs and whole-context copies (secret-in-context, DI002, checks what `COPY .` would pick up).',
      bad: 'FROM node:20-slim\nWORKDIR /app\nCOPY package.json package-lock.json .npmrc ./\nRUN npm ci --omit=dev\n',
      good: 'FROM node:20-slim\nWORKDIR /app\nCOPY package.json package-lock.json ./\nRUN --mount=type=secret,id=npmrc,target=/app/.npmrc npm ci --omit=dev\n',
    },
    messages: {
      shipped: '{{keyword}} puts {{file}} into the image, where anyone who pulls it can read it; mount it only where needed with RUN --mount=type=secret,id={{id}} (or pass it at run time){{ignore}}.',
      build: '{{keyword}} puts {{file}} into a build-stage layer, which stays in the builder cache; mount it only where needed with RUN --mount=type=secret,id={{id}} instead.',
    },
  },
  check({ df, report }) {
    for (const outer of df.instructions) {
      const instr = outer.trigger ?? outer;
      if (instr.keyword !== 'COPY' && instr.keyword !== 'ADD') continue;
      // ONBUILD triggers run in child images, which ship them.
      const shipped = outer !== instr || df.shippedStages.has(instr.stage);
      const json = instr.json;
      if (json) {
        // The spans of JSON strings include their quotes.
        const n = json.values.length - 1;
        const dest = json.values[n] ?? '';
        for (let k = 0; k < n; k++) checkSource(df, instr, json.values[k], json.spans[k].start + 1, json.spans[k].end - 1, dest, shipped, report);
      } else {
        const words = instr.words;
        const n = words.length - 1;
        const dest = words[n]?.value ?? '';
        for (let k = 0; k < n; k++) checkSource(df, instr, words[k].value, words[k].start, words[k].end, dest, shipped, report);
      }
    }
  },
});

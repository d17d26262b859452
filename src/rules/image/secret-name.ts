import type { ImageRuleContext } from '../image-types.js';
import { contentClears, highConfidenceSecrets, historyAssignments, inPackageTree, meaningfulValue, secretFileKind, secretLikeName } from '../helpers/image-secrets.js';
import { baseName, historyField, historySteps, regularFiles, stringList } from '../helpers/image.js';
import { readFile } from '../../model/image/fs.js';
import { defineRule } from '../types.js';

export default defineRule<ImageRuleContext>({
  id: 'IM007',
  name: 'secret-name',
  aliases: ['CIS-DI-0010'],
  meta: {
    target: 'image',
    category: 'security',
    severity: 'info',
    fixable: null,
    status: 'stable',
    docs: {
      summary: 'Something in the image is named like a credential: an ENV or build arg such as `DB_PASSWORD` with a value, or a file such as `id_rsa`, `.env`, `credentials.json`, `*.pem`.',
      why: 'Names are a weak signal (Dockle\'s CIS-DI-0010 is mostly known for its false alarms), so this rule is separate from `secret-value` (IM006), which reports what is almost surely a credential, and defaults to info. Look at each hit: if it is a real secret, move it out of the image (run-time environment, mounted secret, `RUN --mount=type=secret`). Names match whole words at the end (`*_PASSWORD`, `*_TOKEN`, `*_SECRET`, `*_KEY`, not `KEYCLOAK_VERSION` or `PASSWORD_MIN_LENGTH`); GPG/PGP and public keys, `*_FILE`/`*_PATH` names, placeholders and paths are skipped, and so are files in package trees (/usr, node_modules, site-packages...), certificates without a private key, and `.npmrc`/`.netrc`/`.pypirc` files whose captured content holds no credential. Accept lists: `accept-keys`, `accept-files`, `accept-extensions`.',
      bad: JSON.stringify({ config: { Env: ['DB_PASSWORD=hunter2-prod'] }, layers: [{ files: [{ path: '/root/.ssh/id_rsa', size: 1675 }] }] }, null, 2),
      good: JSON.stringify({ config: { Env: ['DB_PASSWORD_FILE=/run/secrets/db_password', 'GPG_KEY=A035C8C19219BA821ECEA86B64E628F8D684696D'] }, layers: [{ files: [{ path: '/root/.ssh/id_rsa.pub', content: 'ssh-ed25519 AAAAC3Nza user@host\n' }] }] }, null, 2),
      references: ['https://github.com/goodwithtech/dockle/blob/master/CHECKPOINT.md#cis-di-0010'],
    },
    options: {
      'accept-keys': { type: 'string[]', description: 'Variable names never reported (case-insensitive).', default: ['GPG_KEY', 'GPG_KEYS'] },
      'accept-files': { type: 'string[]', description: 'Files never reported: base names (`.env`) or absolute paths (a directory accepts everything below it).', default: [] },
      'accept-extensions': { type: 'string[]', description: 'Extensions never reported (`pem`, `.key`).', default: [] },
    },
    messages: {
      env: 'ENV {{name}} in the image config looks like a secret: anyone who can pull the image reads its value. If it is one, pass it at run time instead.',
      history: '{{where}} {{name}} recorded in {{field}} looks like a secret: `docker history` shows its value. If it is one, use a build secret (RUN --mount=type=secret) instead.',
      file: '{{path}} looks like a credential file ({{kind}}): anyone who can pull the image can read it. If it holds a credential, keep it out of the build and mount it at run time.',
    },
  },
  check(ctx) {
    const image = ctx.image;
    const acceptKeys = new Set(stringList(ctx.options['accept-keys']).map((k) => k.toUpperCase()));
    const acceptFiles = stringList(ctx.options['accept-files']);
    const acceptExt = stringList(ctx.options['accept-extensions']).map((e) => e.toLowerCase());
    const high = highConfidenceSecrets(image);
    const highNames = new Set(high.filter((s) => s.name).map((s) => s.name!));
    const highPaths = new Set(high.filter((s) => s.path).map((s) => s.path!));
    const suspicious = (name: string, value: string): boolean =>
      secretLikeName(name) && meaningfulValue(value) && !acceptKeys.has(name.toUpperCase()) && !highNames.has(name);

    const reported = new Set<string>();
    for (const kv of image.config.env) {
      const eq = kv.indexOf('=');
      if (eq <= 0) continue;
      const name = kv.slice(0, eq);
      if (!suspicious(name, kv.slice(eq + 1))) continue;
      reported.add(kv);
      ctx.report({ messageId: 'env', data: { name }, field: 'config.Env', key: name });
    }
    for (const step of historySteps(image)) {
      for (const a of historyAssignments(step)) {
        // An ENV the config still holds was reported above.
        if (reported.has(`${a.key}=${a.value}`) || !suspicious(a.key, a.value)) continue;
        reported.add(`${a.key}=${a.value}`);
        const field = historyField(step);
        ctx.report({ messageId: 'history', data: { name: a.key, where: a.where, field }, field, layer: step.layer, key: a.key });
      }
    }
    for (const f of regularFiles(image)) {
      if (inPackageTree(f.path) || highPaths.has(f.path)) continue;
      const kind = secretFileKind(f.path, acceptExt);
      if (!kind) continue;
      const base = baseName(f.path);
      if (acceptFiles.some((a) => a === base || a === f.path || (a.startsWith('/') && f.path.startsWith(a.replace(/\/+$/, '') + '/')))) continue;
      if (contentClears(f.path, readFile(image, f.path))) continue;
      ctx.report({ messageId: 'file', data: { path: f.path, kind }, path: f.path, layer: f.layer });
    }
  },
});

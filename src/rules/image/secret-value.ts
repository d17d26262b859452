import type { ImageRuleContext } from '../image-types.js';
import { highConfidenceSecrets, maskSecret } from '../helpers/image-secrets.js';
import { defineRule } from '../types.js';

// A fake token, split so that secret scanners do not flag this file.
const FAKE_GITHUB_TOKEN = 'ghp_' + 'R8vJm2Qx7LpT4nWc9ZbK1sYd6FhA3uGe0XiO';

export default defineRule<ImageRuleContext>({
  id: 'IM006',
  name: 'secret-value',
  aliases: ['CIS-DI-0010'],
  meta: {
    target: 'image',
    category: 'security',
    severity: 'error',
    fixable: null,
    status: 'stable',
    docs: {
      summary: 'A credential is baked into the image: a provider token or private key in an ENV value, a build arg, a history step or a file.',
      why: 'Anyone who can pull the image reads its config (`docker inspect`), its history (`docker history --no-trunc`, which keeps build args as `|1 NAME=value`) and every file of every layer. Treat a credential found there as leaked: revoke it, then pass it at run time or as a build secret (`RUN --mount=type=secret`). This rule only reports what is almost never a false alarm: provider token formats (AWS AKIA/ASIA, GitHub ghp_/github_pat_, GitLab glpat-, Slack xox*-, Stripe sk_live_, Google AIza, npm_, PyPI, Docker Hub, Hugging Face, OpenAI, Anthropic, SendGrid), PEM private key blocks in captured file contents, and random-looking values under secret names (`*_PASSWORD`, `*_TOKEN`, `*_SECRET`, `*_KEY`) or inside URLs. Names alone are the job of `secret-name` (IM007). Values are masked in the report.',
      bad: JSON.stringify({ config: { Env: ['PATH=/usr/local/bin:/usr/bin:/bin', `GITHUB_TOKEN=${FAKE_GITHUB_TOKEN}`] }, layers: [{ files: [] }] }, null, 2),
      good: JSON.stringify({ config: { Env: ['PATH=/usr/local/bin:/usr/bin:/bin', 'GITHUB_TOKEN_FILE=/run/secrets/github_token'] }, layers: [{ files: [] }] }, null, 2),
      references: ['https://github.com/goodwithtech/dockle/blob/master/CHECKPOINT.md#cis-di-0010', 'https://docs.docker.com/build/building/secrets/'],
    },
    messages: {
      env: 'ENV {{name}} in the image config holds a credential ({{kind}}: {{masked}}): anyone who can pull the image reads it. Revoke it and pass it at run time instead.',
      history: '{{where}} {{name}} recorded in {{field}} holds a credential ({{kind}}: {{masked}}): `docker history` shows it to anyone who can pull the image. Revoke it and use a build secret (RUN --mount=type=secret).',
      run: 'The RUN step in {{field}} contains a credential ({{kind}}: {{masked}}): `docker history` shows it to anyone who can pull the image. Revoke it and use a build secret (RUN --mount=type=secret).',
      file: '{{path}} contains a credential ({{kind}}: {{masked}}): anyone who can pull the image can read it. Revoke it, remove the file from the build, and mount it at run time.',
      removed: '{{path}} held a credential ({{kind}}: {{masked}}) in a layer: a later layer deletes or replaces the file, but the layer still ships it to anyone who can pull the image. Revoke it and use a build secret (RUN --mount=type=secret) so it never lands in a layer.',
    },
  },
  check(ctx) {
    for (const s of highConfidenceSecrets(ctx.image)) {
      const masked = s.kind.endsWith('private key') ? 'content not shown' : maskSecret(s.value);
      const data = { kind: s.kind, masked, name: s.name ?? '', where: s.where, field: s.field ?? '', path: s.path ?? '' };
      const messageId = s.where === 'removed-file' ? 'removed' : s.path ? 'file' : s.field === 'config.Env' ? 'env' : s.where === 'RUN' ? 'run' : 'history';
      ctx.report({ messageId, data, field: s.field, path: s.path, layer: s.layer, key: s.name ?? s.path ?? s.kind });
    }
  },
});

import { defineContextRule, exampleTree } from '../context-types.js';
import { appendLineFix, findSecrets, lineNames } from './_helpers.js';

const bad = exampleTree({
  'Dockerfile': 'FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nRUN pip install --no-cache-dir -r requirements.txt\nCMD ["python", "app.py"]\n',
  '.dockerignore': '__pycache__\n',
  '.env': 'DATABASE_URL=postgres://app:s3cr3t@db/app\n',
  'app.py': '',
  'requirements.txt': 'flask==3.0.3\n',
});
const good = exampleTree({ ...bad.files, '.dockerignore': '__pycache__\n.env\n' });

export default defineContextRule({
  id: 'DI002',
  name: 'secret-in-context',
  aliases: [],
  meta: {
    target: 'context',
    category: 'security',
    severity: 'error',
    fixable: 'safe',
    status: 'preview',
    docs: {
      summary: 'A secret file (`.env`, private key, credentials, Terraform state) is sent to the builder and copied into the image.',
      why: 'Anything COPY or ADD puts in a layer stays in the image, even if a later step deletes it, and anyone who can pull the image can read it. shipready looks at the real files of the build context: `.env*` files (not `.env.example`), SSH keys (`id_rsa`...), `*.pem`/`*.key` files that hold a private key, `.npmrc`/`.pypirc`/`.netrc`/`.git-credentials` with credentials in them, `.aws/`, `.ssh/` and `*.tfstate`, that the `.dockerignore` lets through and a COPY/ADD takes. The fix appends the exact path to `.dockerignore` (unsafe when another Dockerfile reading the same `.dockerignore` names or mounts the file, or when a `!` exception there re-includes it on purpose); when a COPY names the secret itself, or a `RUN --mount=type=bind` needs it (excluding it would break that mount), there is no fix: pass it as a build secret (`RUN --mount=type=secret`) or at run time instead.',
      get bad() { return bad.text; },
      get good() { return good.text; },
      badFiles: bad.files,
      goodFiles: good.files,
      references: ['https://docs.docker.com/build/building/secrets/'],
    },
    messages: {
      broad: '{{file}} ({{what}}) is sent to the builder and copied into the image by this {{keyword}}; exclude it: add `{{line}}` to {{ignoreFile}}.',
      explicit: '{{keyword}} copies {{file}} ({{what}}) into the image, where anyone with the image can read it; pass it as a build secret (RUN --mount=type=secret) or at run time instead.',
      mounted: '{{file}} ({{what}}) is sent to the builder and copied into the image by this {{keyword}}; the bind mount on line {{mountLine}} needs it, so excluding it would break that step: mount it with --mount=type=secret there instead, then add `{{line}}` to {{ignoreFile}}.',
    },
  },
  check(ctx) {
    for (const s of findSecrets(ctx)) {
      const data = { file: s.path, what: s.what, keyword: s.source.keyword, line: s.line, ignoreFile: ctx.ignorePath };
      if (s.explicit) {
        ctx.report({ messageId: 'explicit', data, span: s.source.span, key: s.path });
        continue;
      }
      if (s.mountedBy) {
        ctx.report({ messageId: 'mounted', data: { ...data, mountLine: s.mountedBy.instr.line }, span: s.source.span, key: s.path });
        continue;
      }
      ctx.report({
        messageId: 'broad',
        data,
        span: s.source.span,
        key: s.path,
        // (A name that is not UTF-8 shows U+FFFD, which no pattern line can match.)
        ...(lineNames(s.line, s.path) ? { fix: appendLineFix(ctx, [s.index], s.line, s.neededBy) } : {}),
      });
    }
  },
});

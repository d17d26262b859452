import { copiedSources, isWholeContext } from '../../model/context/copy-sources.js';
import { defineContextRule, exampleTree } from '../context-types.js';
import { findJunk, findSecrets, lineNames } from './_helpers.js';

const bad = exampleTree({
  'Dockerfile': 'FROM node:20-slim\nWORKDIR /app\nCOPY . .\nRUN npm ci --omit=dev\nCMD ["node", "server.js"]\n',
  'package.json': '{ "name": "api" }\n',
  'package-lock.json': '{}\n',
  'server.js': '',
  '.git/HEAD': 'ref: refs/heads/main\n',
});
const good = exampleTree({ ...bad.files, '.dockerignore': '.git\nnode_modules\n' });

export default defineContextRule({
  id: 'DI001',
  name: 'dockerignore-missing',
  aliases: [],
  meta: {
    target: 'context',
    category: 'security',
    severity: 'warning',
    fixable: 'safe',
    status: 'preview',
    docs: {
      summary: 'No `.dockerignore` while the Dockerfile copies the whole build context (`COPY . .`).',
      why: 'Without a `.dockerignore`, `COPY . .` takes everything in the directory: the git history, local dependencies and build output, editor folders and any `.env` or key file lying around. The image gets bigger, every unrelated change invalidates the layer cache, and secrets end up in a layer anyone with the image can read. The fix creates a `.dockerignore` with the entries shipready found in the context, leaving out what the image or another Dockerfile of the directory (which reads the same file) needs.',
      get bad() { return bad.text; },
      get good() { return good.text; },
      badFiles: bad.files,
      goodFiles: good.files,
      references: ['https://docs.docker.com/build/concepts/context/#dockerignore-files'],
    },
    messages: {
      missing: '{{keyword}} {{source}} copies the whole build context and there is no .dockerignore: git metadata, local dependencies, build output and secrets all go into the image. Create {{ignoreFile}}.',
    },
  },
  check(ctx) {
    if (ctx.ignore || ctx.context.ignoreRef) return;
    const copied = copiedSources(ctx.sources);
    const whole = copied.find(isWholeContext) ?? copied.find((s) => s.wildcard && s.base === '' && s.rest === '*');
    if (!whole) return;
    // Not what this image or another Dockerfile reading the same file needs: the created file is
    // the context's, not this Dockerfile's alone.
    const secrets = findSecrets(ctx).filter((s) => !s.explicit && !s.mountedBy && !s.neededBy && lineNames(s.line, s.path));
    const junk = findJunk(ctx).filter((j) => !j.neededBy);
    const lines = [...new Set([...secrets.map((s) => s.line), ...junk.map((j) => j.line)])];
    ctx.report({
      messageId: 'missing',
      data: { keyword: whole.keyword, source: whole.written, ignoreFile: ctx.ignorePath },
      span: whole.span,
      ...(lines.length ? { fix: { title: `Create ${ctx.ignorePath} excluding ${lines.join(', ')}`, edits: ctx.appendToIgnore(lines) } } : {}),
    });
  },
});

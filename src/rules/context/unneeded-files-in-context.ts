import { defineContextRule, exampleTree } from '../context-types.js';
import { appendLineFix, findJunk } from './_helpers.js';

const bad = exampleTree({
  'Dockerfile': 'FROM node:20-slim\nWORKDIR /app\nCOPY . .\nRUN npm ci --omit=dev\nCMD ["node", "server.js"]\n',
  '.dockerignore': '*.log\n',
  'node_modules/express/package.json': '{ "name": "express" }\n',
  'package.json': '{ "name": "api" }\n',
  'package-lock.json': '{}\n',
  'server.js': '',
});
const good = exampleTree({ ...bad.files, '.dockerignore': '*.log\nnode_modules\n' });

export default defineContextRule({
  id: 'DI003',
  name: 'unneeded-files-in-context',
  aliases: [],
  meta: {
    target: 'context',
    category: 'performance',
    severity: 'warning',
    fixable: 'safe',
    status: 'preview',
    docs: {
      summary: '`.git`, `node_modules`, `__pycache__`, `.venv`, `target/`, `dist/`, coverage or editor folders are sent and copied though the image rebuilds them or does not need them.',
      why: 'These folders are large, change all the time and do not belong in the image: `node_modules` when the image runs `npm ci` itself (host packages may even be built for another platform), `target/` and `dist/` when the image builds them, `.git`, `__pycache__`, virtual environments, coverage reports and editor settings never. Sending them slows every build, and because they change on every commit or test run, the `COPY` that takes them misses the layer cache each time. The rule only fires for folders a COPY/ADD of a parent directory takes (copying `node_modules` by name, or a `RUN --mount=type=bind` of the folder or of something in it, is deliberate); the fix appends the pattern to `.dockerignore`, and is unsafe when another Dockerfile of the directory reads the same `.dockerignore` and needs the folder (it copies `.git` and runs git, or names or mounts it), or when a `!` exception there re-includes part of it on purpose. Where an earlier line already excludes the folder and an exception re-includes part of it, BuildKit would not apply the appended line below the folder: there is no fix.',
      get bad() { return bad.text; },
      get good() { return good.text; },
      badFiles: bad.files,
      goodFiles: good.files,
      references: ['https://docs.docker.com/build/cache/optimize/#use-dockerignore-files'],
    },
    messages: {
      unneeded: '{{what}} ({{paths}}) {{verb}} sent to the builder and copied into the image by this {{keyword}}, but {{reason}}; add `{{line}}` to {{ignoreFile}}.',
    },
  },
  check(ctx) {
    for (const j of findJunk(ctx)) {
      const shown = j.paths.slice(0, 3).join(', ') + (j.paths.length > 3 ? ` and ${j.paths.length - 3} more` : '');
      ctx.report({
        messageId: 'unneeded',
        data: { what: j.kind.what[0].toUpperCase() + j.kind.what.slice(1), paths: shown, verb: j.paths.length > 1 || j.kind.what.endsWith('s') ? 'are' : 'is', keyword: j.source.keyword, reason: j.reason, line: j.line, ignoreFile: ctx.ignorePath },
        span: j.source.span,
        key: j.name,
        fix: appendLineFix(ctx, j.indices, j.line, j.neededBy),
      });
    }
  },
});

import type { ImageRuleContext } from '../image-types.js';
import { addToTotal, emptyTotal, formatBytes, plural, stringList, type TreeTotal } from '../helpers/image.js';
import { packageCacheOf } from '../helpers/image-caches.js';
import { defineRule } from '../types.js';

/** Folders that only matter on a developer's machine or in CI (Dockle's list). */
const DIRS = new Set(['.git', '.cache', '.aws', '.azure', '.gcp', '.vscode', '.idea', '.npm', '.svn', '.hg']);
/** Tool caches: any tool run in a RUN step may create one, so an empty one is no leftover. */
const CACHE_DIRS = new Set(['.cache', '.npm']);
/** Files that describe the build or an editor, not the running app. */
const FILES = new Set(['Dockerfile', 'Containerfile', 'docker-compose.yml', 'docker-compose.yaml', 'compose.yml', 'compose.yaml', '.vimrc', '.DS_Store', '.dockerignore']);
/** Trees that vendor third-party code: their own dotfiles are not the image author's to remove. */
const IGNORED = ['/node_modules/', '/vendor/', '/site-packages/', '/dist-packages/', '/usr/share/doc/', '/usr/local/go/', '/go/pkg/mod/', '/usr/lib/', '/usr/share/'];

export default defineRule<ImageRuleContext>({
  id: 'IM015',
  name: 'unneeded-files',
  aliases: ['DKL-LI-0003'],
  meta: {
    target: 'image',
    category: 'maintainability',
    severity: 'info',
    fixable: null,
    status: 'stable',
    docs: {
      summary: 'The image contains development leftovers: .git, .cache, cloud CLI folders (.aws, .azure, .gcp), IDE folders, a Dockerfile or compose file, .vimrc, .DS_Store.',
      why: 'These files cost bytes on every pull and say more than they should: a `.git` folder carries the whole history (deleted secrets included), `.aws` may hold credentials, and a Dockerfile or compose file documents the build to whoever gets the image. Add them to `.dockerignore`, or copy only what the app needs. Folders inside node_modules, vendor and language package trees are ignored; add accepted paths with the `accept` option.',
      bad: JSON.stringify({ layers: [{ createdBy: 'COPY . /app # buildkit', files: [{ path: '/app/.git/HEAD', content: 'ref: refs/heads/main\n' }, { path: '/app/Dockerfile', content: 'FROM node:20\n' }, { path: '/app/server.js', content: 'require("http")\n' }] }] }, null, 2),
      good: JSON.stringify({ layers: [{ createdBy: 'COPY . /app # buildkit', files: [{ path: '/app/server.js', content: 'require("http")\n' }, { path: '/app/node_modules/pkg/.git/HEAD', content: 'ref: refs/heads/main\n' }] }] }, null, 2),
      references: ['https://github.com/goodwithtech/dockle/blob/master/CHECKPOINT.md#dkl-li-0003'],
    },
    options: {
      accept: { type: 'string[]', description: 'Absolute paths never reported (a folder accepts everything below it).', default: [] },
    },
    messages: {
      dir: '{{path}} ({{files}}, {{size}}) is a {{name}} folder: it is not needed at run time. Exclude it in .dockerignore, or delete it in the RUN step that creates it.',
      file: '{{path}} is not needed at run time: exclude it in .dockerignore or copy only what the app needs.',
    },
  },
  check(ctx) {
    const accept = stringList(ctx.options.accept).map((a) => a.replace(/\/+$/, ''));
    const dirs = new Map<string, TreeTotal>();
    const files: Array<{ path: string; layer: number }> = [];
    for (const f of ctx.image.files.values()) {
      const p = f.path;
      if (IGNORED.some((s) => p.includes(s)) || accept.some((a) => p === a || p.startsWith(a + '/'))) continue;
      if (f.type !== 'dir' && packageCacheOf(p)) continue; // package-cache (IM022) reports it, with the right fix
      const segs = p.split('/');
      // The outermost unneeded folder on the path (so .git/objects/.cache is part of .git).
      const at = segs.findIndex((s, i) => DIRS.has(s) && (i < segs.length - 1 || f.type === 'dir'));
      if (at > 0) {
        const dir = segs.slice(0, at + 1).join('/');
        const total = dirs.get(dir) ?? emptyTotal();
        if (f.type === 'file' || f.type === 'hardlink') addToTotal(total, f);
        else if (f.layer > total.layer) total.layer = f.layer;
        dirs.set(dir, total);
        continue;
      }
      if ((f.type === 'file' || f.type === 'hardlink') && FILES.has(segs[segs.length - 1])) files.push({ path: p, layer: f.layer });
    }
    for (const [path, t] of dirs) {
      const name = path.slice(path.lastIndexOf('/') + 1);
      if (t.files === 0 && CACHE_DIRS.has(name)) continue;
      ctx.report({ messageId: 'dir', data: { path, name, files: plural(t.files, 'file'), size: formatBytes(t.bytes) }, path, layer: t.layer });
    }
    for (const f of files) ctx.report({ messageId: 'file', data: { path: f.path }, path: f.path, layer: f.layer });
  },
});

import type { ImageRuleContext } from '../image-types.js';
import { isUnder, normalizePath, stringList } from '../helpers/image.js';
import type { ImageFile } from '../../model/image/types.js';
import { defineRule } from '../types.js';

/** Shared scratch directories: world-writable (with the sticky bit) by design. */
const DEFAULT_ALLOW = ['/tmp', '/var/tmp', '/dev/shm', '/run/lock', '/var/lock', '/dev', '/proc', '/sys'];

const octal = (mode: number): string => (mode & 0o7777).toString(8).padStart(4, '0');

/**
 * Sorted in path order by segments: `/app/lib` right after `/app`, before `/app-data` (plain string
 * order puts `-` before `/` and splits a directory's subtree). Each key is built once.
 */
function sortBySegments(files: ImageFile[]): ImageFile[] {
  return files
    .map((f) => ({ f, key: f.path.replaceAll('/', '\0') }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .map((e) => e.f);
}

export default defineRule<ImageRuleContext>({
  id: 'IM023',
  name: 'world-writable',
  aliases: [],
  meta: {
    target: 'image',
    category: 'security',
    severity: 'warning',
    fixable: null,
    status: 'stable',
    docs: {
      summary: 'A directory is writable by everyone without the sticky bit, or a file is writable by everyone, outside /tmp, /var/tmp and /dev/shm.',
      why: 'Any process in the container, whatever its user, can replace the files in a world-writable directory (the app\'s code, its config, a script root runs later) or rewrite a world-writable file. `chmod -R 777` is the usual cause, used to make a directory writable for the app\'s user. Give the directory to that user instead (`COPY --chown=app:app`, `chown app /data`) with mode 755 or 775. Directories with the sticky bit (like /tmp, mode 1777) only let owners delete their files and are fine. Entries below a reported directory are counted in its finding, not reported one by one.',
      bad: JSON.stringify({ layers: [{ files: [{ path: '/app/', type: 'dir', mode: 0o777 }, { path: '/app/server.js', content: 'require("http")\n', mode: 0o666 }] }] }, null, 2),
      good: JSON.stringify({ layers: [{ files: [{ path: '/app/', type: 'dir', mode: 0o755, uid: 10001 }, { path: '/app/server.js', content: 'require("http")\n', mode: 0o644 }, { path: '/tmp/', type: 'dir', mode: 0o1777 }] }] }, null, 2),
    },
    options: {
      allow: { type: 'string[]', description: 'More directories where world-writable entries are accepted (everything below them too).', default: [] },
    },
    messages: {
      dir: '{{path}} is writable by everyone without the sticky bit (mode {{mode}}){{more}}: any user in the container can replace what is in it. Give it to the app\'s user with mode 755 instead.',
      file: '{{path}} is writable by everyone (mode {{mode}}): any user in the container can change it. Use 644 (or 664 for a group).',
    },
  },
  check(ctx) {
    const allow = [...DEFAULT_ALLOW, ...stringList(ctx.options.allow).map(normalizePath)];
    const hits: ImageFile[] = [];
    for (const f of ctx.image.files.values()) {
      if ((f.mode & 0o002) === 0 || f.type === 'symlink' || f.type === 'char' || f.type === 'block' || f.type === 'fifo') continue;
      if (f.type === 'dir' && (f.mode & 0o1000) !== 0) continue;
      if (allow.some((a) => isUnder(f.path, a))) continue;
      hits.push(f);
    }
    // Entries below a reported directory are counted in its finding (they follow it in segment order).
    const roots: Array<{ f: ImageFile; below: number }> = [];
    for (const f of sortBySegments(hits)) {
      const root = roots.length > 0 ? roots[roots.length - 1] : undefined;
      if (root && root.f.type === 'dir' && isUnder(f.path, root.f.path)) root.below++;
      else roots.push({ f, below: 0 });
    }
    for (const { f, below } of roots) {
      const more = below > 0 ? `, with ${below} more world-writable ${below === 1 ? 'entry' : 'entries'} below it` : '';
      ctx.report({ messageId: f.type === 'dir' ? 'dir' : 'file', data: { path: f.path, mode: octal(f.mode), more }, path: f.path, layer: f.layer });
    }
  },
});

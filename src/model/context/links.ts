/** Symbolic links inside a directory the builder receives, followed the way BuildKit follows them. */
import { lstatSync, readlinkSync } from 'node:fs';
import { goClean } from './gopath.js';

export type RawType = 'file' | 'dir' | 'symlink' | 'other';

/** lstat of a path relative to `root`, without following a final symlink. */
export function lstatInside(root: string, rel: string): RawType | null {
  try {
    const st = lstatSync(rel === '.' ? root : `${root}/${rel}`, { throwIfNoEntry: false });
    if (!st) return null;
    return st.isSymbolicLink() ? 'symlink' : st.isDirectory() ? 'dir' : st.isFile() ? 'file' : 'other';
  } catch {
    return null;
  }
}

/**
 * Follows symlinks the way BuildKit does (tonistiigi/fsutil): link targets are read with `root`
 * as `/`, so resolution never leaves it (`../../x` from the root is `/x`). Returns the real path
 * relative to `root` and its type, or null when it does not exist (or loops).
 */
export function resolveInside(root: string, rel: string, lstat: (rel: string) => RawType | null = (r) => lstatInside(root, r)): { path: string; type: RawType } | null {
  if (rel === '.') return { path: '.', type: 'dir' };
  let todo = rel.split('/');
  const done: string[] = [];
  for (let hops = 0; todo.length > 0; ) {
    const name = todo.shift()!;
    const cand = [...done, name].join('/');
    const t = lstat(cand);
    if (t === null) return null;
    if (t === 'symlink') {
      if (++hops > 255) return null;
      let target: string;
      try {
        target = readlinkSync(`${root}/${cand}`);
      } catch {
        return null;
      }
      const base = target.startsWith('/') ? target : `/${done.join('/')}/${target}`;
      const cleaned = goClean(base).slice(1);
      done.length = 0;
      todo = [...(cleaned ? cleaned.split('/') : []), ...todo];
      continue;
    }
    done.push(name);
    if (todo.length > 0 && t !== 'dir') return null;
    if (todo.length === 0) return { path: done.join('/'), type: t };
  }
  return { path: done.length ? done.join('/') : '.', type: 'dir' };
}

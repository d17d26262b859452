import { lstatSync, readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { compareStrings } from './compare.js';

const SKIP_DIRS = new Set(['.git', 'node_modules', '.hg', '.svn']);

/** Is this file name a Dockerfile by shipready's naming rules? */
export function isDockerfileName(name: string): boolean {
  const n = name.toLowerCase();
  return n === 'dockerfile' || n === 'containerfile' || n.startsWith('dockerfile.') || n.endsWith('.dockerfile') || n.startsWith('containerfile.');
}

/**
 * Dockerfiles under the given paths (files are taken as given). Directories are walked without
 * following symlinks, skipping .git and node_modules. Results are sorted and de-duplicated.
 */
export function discoverDockerfiles(paths: string[], cwd: string): { files: string[]; missing: string[] } {
  const out = new Set<string>();
  const missing: string[] = [];
  const walk = (dir: string): void => {
    let entries: import('node:fs').Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      if (e.isDirectory()) {
        if (!SKIP_DIRS.has(e.name)) walk(join(dir, e.name));
      } else if (e.isFile() && isDockerfileName(e.name)) out.add(join(dir, e.name));
    }
  };
  for (const p of paths) {
    const abs = join(cwd, p).startsWith(p) && p.startsWith(sep) ? p : join(cwd, p);
    let st;
    try {
      st = lstatSync(abs);
    } catch {
      missing.push(p);
      continue;
    }
    if (st.isDirectory()) walk(abs);
    else out.add(abs);
  }
  return { files: [...out].sort((a, b) => compareStrings(relative(cwd, a), relative(cwd, b))), missing };
}

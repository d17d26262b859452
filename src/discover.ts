import { readdirSync, statSync, type Dirent } from 'node:fs';
import { isAbsolute, join, relative } from 'node:path';
import { compareStrings } from './compare.js';

const SKIP_DIRS = new Set(['.git', 'node_modules', '.hg', '.svn']);

/**
 * Is this file name a Dockerfile by shipready's naming rules? `Dockerfile.dockerignore` is not: it
 * is the ignore file BuildKit reads for `Dockerfile`.
 */
export function isDockerfileName(name: string): boolean {
  const n = name.toLowerCase();
  if (n.endsWith('.dockerignore')) return false;
  return n === 'dockerfile' || n === 'containerfile' || n.startsWith('dockerfile.') || n.endsWith('.dockerfile') || n.startsWith('containerfile.');
}

/** A regular file, or a symlink to one (`Dockerfile -> docker/Dockerfile.prod`); not a FIFO or device. */
function isFileEntry(dir: string, e: Dirent): boolean {
  if (e.isFile()) return true;
  if (!e.isSymbolicLink()) return false;
  try {
    return statSync(join(dir, e.name)).isFile();
  } catch {
    return false; // dangling
  }
}

/**
 * Dockerfiles under the given paths (files are taken as given). A path given is followed if it is
 * a symlink; inside, symlinks to files are followed but symlinks to directories are not (no loops),
 * and .git and node_modules are skipped. Results are sorted and de-duplicated.
 */
export function discoverDockerfiles(paths: string[], cwd: string): { files: string[]; missing: string[] } {
  const out = new Set<string>();
  const missing: string[] = [];
  const walk = (dir: string): void => {
    let entries: Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      if (e.isDirectory()) {
        if (!SKIP_DIRS.has(e.name)) walk(join(dir, e.name));
      } else if (isDockerfileName(e.name) && isFileEntry(dir, e)) out.add(join(dir, e.name));
    }
  };
  for (const p of paths) {
    const abs = isAbsolute(p) ? p : join(cwd, p);
    let st;
    try {
      st = statSync(abs);
    } catch {
      missing.push(p);
      continue;
    }
    if (st.isDirectory()) walk(abs);
    else out.add(abs);
  }
  return { files: [...out].sort((a, b) => compareStrings(relative(cwd, a), relative(cwd, b))), missing };
}

const COMPOSE_MAIN = ['compose.yaml', 'compose.yml', 'docker-compose.yml', 'docker-compose.yaml'];
const COMPOSE_OVERRIDE = ['compose.override.yaml', 'compose.override.yml', 'docker-compose.override.yml', 'docker-compose.override.yaml'];

/** Is this one of the file names `docker compose` looks for by default (main or override)? */
export function isComposeFileName(name: string): boolean {
  return COMPOSE_MAIN.includes(name) || COMPOSE_OVERRIDE.includes(name);
}

/**
 * Compose projects under the given paths: each default main file found while walking directories
 * (`compose.yaml`, `compose.yml`, `docker-compose.yml`, `docker-compose.yaml`) together with its
 * override file (`<same stem>.override.<ext>` first, else any default override name in that
 * directory), the way `docker compose` picks them. A YAML file given explicitly is a project of its
 * own (no override added). Each set lists absolute paths, the main file first.
 */
export function discoverComposeProjects(paths: string[], cwd: string): { sets: string[][]; missing: string[] } {
  const sets: string[][] = [];
  const seen = new Set<string>();
  const missing: string[] = [];
  const fromDir = (dir: string, names: Set<string>): void => {
    for (const main of COMPOSE_MAIN) {
      if (!names.has(main)) continue;
      const stem = main.replace(/\.ya?ml$/, '');
      const override = [`${stem}.override.yaml`, `${stem}.override.yml`, ...COMPOSE_OVERRIDE].find((o) => names.has(o));
      const set = [join(dir, main), ...(override ? [join(dir, override)] : [])];
      if (!seen.has(set[0])) {
        seen.add(set[0]);
        sets.push(set);
      }
    }
  };
  const walk = (dir: string): void => {
    let entries: Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    fromDir(dir, new Set(entries.filter((e) => isFileEntry(dir, e)).map((e) => e.name)));
    for (const e of entries) if (e.isDirectory() && !SKIP_DIRS.has(e.name)) walk(join(dir, e.name));
  };
  for (const p of paths) {
    const abs = isAbsolute(p) ? p : join(cwd, p);
    let st;
    try {
      st = statSync(abs);
    } catch {
      missing.push(p);
      continue;
    }
    if (st.isDirectory()) walk(abs);
    else if (/\.ya?ml$/i.test(abs) && !seen.has(abs)) {
      seen.add(abs);
      sets.push([abs]);
    }
  }
  sets.sort((a, b) => compareStrings(relative(cwd, a[0]), relative(cwd, b[0])));
  return { sets, missing };
}

/**
 * Path lookups in the merged filesystem the way the container would see them: symlinks followed
 * (absolute targets from the image root, relative ones from the link's directory), `..` clamped at
 * the root so nothing resolves outside the image, and a hop limit against loops.
 */
import { dataEntry } from './overlay.js';
import { PATH_MAX } from './paths.js';
import type { ImageFile, ImageModel } from './types.js';
import { append } from '../../append.js';

export { dataEntry };

/** Linux's limit on symlinks followed in one lookup (MAXSYMLINKS). */
export const MAX_SYMLINK_HOPS = 40;
export const DEFAULT_PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

type Files = ReadonlyMap<string, ImageFile>;

export interface ResolveOptions {
  /** Follow a symlink in the last component too (default true; false is `lstat`). */
  followFinal?: boolean;
}

function segments(path: string): string[] {
  return path.split('/').filter((s) => s !== '' && s !== '.');
}

/**
 * The absolute path `path` resolves to inside the image, or undefined when a component is not a
 * directory, the symlinks loop or a name is too long. The result may not exist; see `resolvePath`
 * for the entry.
 */
export function resolveLink(files: Files, path: string, opts: ResolveOptions = {}): string | undefined {
  if (path.length >= PATH_MAX) return undefined;
  const followFinal = opts.followFinal ?? true;
  // The resolved path so far, grown and cut in place; `starts` holds where each component begins.
  let resolved = '';
  const starts: number[] = [];
  // Components still to walk, reversed so the next one is popped off the end.
  const todo = segments(path).reverse();
  let hops = 0;
  while (todo.length > 0) {
    const seg = todo.pop()!;
    if (seg === '..') {
      if (starts.length > 0) resolved = resolved.slice(0, starts.pop());
      continue;
    }
    starts.push(resolved.length);
    resolved += '/' + seg;
    if (resolved.length >= PATH_MAX) return undefined;
    const entry = files.get(resolved);
    const last = todo.length === 0;
    if (!entry) {
      // A missing final component is fine (the caller sees undefined); a missing middle one is a
      // directory the tar never listed only if something lives below it, which the next step checks.
      continue;
    }
    if (entry.type === 'symlink' && (!last || followFinal)) {
      const target = entry.linkname ?? '';
      if (++hops > MAX_SYMLINK_HOPS || target.length >= PATH_MAX) return undefined;
      resolved = resolved.slice(0, starts.pop());
      if (target.startsWith('/')) {
        resolved = '';
        starts.length = 0;
      }
      append(todo, segments(target).reverse());
      continue;
    }
    if (!last && entry.type !== 'dir') return undefined; // ENOTDIR
  }
  return resolved || '/';
}

/** The entry `path` finally names (symlinks followed), or undefined. `/` itself has no entry. */
export function resolvePath(model: Pick<ImageModel, 'files'>, path: string, opts: ResolveOptions = {}): ImageFile | undefined {
  const target = resolveLink(model.files, path, opts);
  return target === undefined ? undefined : model.files.get(target);
}

/** Captured contents of the file `path` names (through symlinks and hardlinks), or undefined. */
export function readFile(model: Pick<ImageModel, 'files' | 'contents'>, path: string): Buffer | undefined {
  const file = resolvePath(model, path);
  if (!file) return undefined;
  const own = model.contents.get(file.path);
  if (own) return own;
  const data = dataEntry(file);
  return data !== file && model.files.get(data.path) === data ? model.contents.get(data.path) : undefined;
}

/** A regular file (or a hardlink to one) with an execute bit. */
export function isExecutableFile(file: ImageFile | undefined): boolean {
  if (!file) return false;
  const data = dataEntry(file);
  return data.type === 'file' && (data.mode & 0o111) !== 0;
}

/** The `PATH` an image's processes start with: the last `PATH=` in the config env, else the default. */
export function imagePath(env: readonly string[]): string {
  let path: string | undefined;
  for (const kv of env) if (kv.startsWith('PATH=')) path = kv.slice(5);
  return path ?? DEFAULT_PATH;
}

export interface FoundBinary {
  /** The path the lookup found (before following symlinks), e.g. `/usr/bin/curl`. */
  path: string;
  /** The executable it resolves to. */
  file: ImageFile;
}

/**
 * Look a command up the way `execvp` would in the container: a name with a slash is taken as a
 * path (relative ones from `workingDir`), a bare name is searched along the image's PATH.
 */
export function findInPath(
  model: Pick<ImageModel, 'files' | 'config'>,
  binary: string,
  env: readonly string[] = model.config.env,
): FoundBinary | undefined {
  if (binary === '') return undefined;
  const candidates = binary.includes('/')
    ? [binary.startsWith('/') ? binary : `${model.config.workingDir || '/'}/${binary}`]
    : imagePath(env)
        .split(':')
        .filter((dir) => dir.startsWith('/')) // empty or relative PATH entries depend on the cwd: skip
        .map((dir) => `${dir}/${binary}`);
  for (const candidate of candidates) {
    const file = resolvePath(model, candidate);
    if (isExecutableFile(file)) return { path: '/' + segments(candidate).join('/'), file: file! };
  }
  return undefined;
}

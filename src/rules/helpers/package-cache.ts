/**
 * What the package-manager cache rules share (yum/dnf in rpm.ts, zypper): whether a path or a
 * cache mount covers a cache directory, and which command of a RUN leaves its cache in the layer.
 */
import type { Dockerfile, Instruction } from '../../model/dockerfile/types.js';
import type { Command } from '../../model/shell/types.js';
import { mounts } from './dockerfile.js';

/**
 * Does removing (or mounting over) `path` take one of `dirs` with it: the directory, its contents
 * (`dir/*`) or a parent? A part of it (`/var/cache/apk/APKINDEX.tar.gz`) leaves the rest behind.
 */
function coversCacheDir(path: string, dirs: readonly string[]): boolean {
  const p = path.replace(/[/*]+$/, '');
  return p !== '' && dirs.some((d) => p === d || d.startsWith(p + '/'));
}

/** `rm` of a path that covers one of `dirs` (its ARG/ENV variables resolved). */
export function removesCacheDir(cmd: Command, dirs: readonly string[], df: Dockerfile, instr: Instruction): boolean {
  return cmd.base === 'rm' && cmd.args.some((a) => {
    if (a.value.startsWith('-')) return false;
    const path = a.expands ? df.expand(instr, a.value) : a.value;
    return path !== null && coversCacheDir(path, dirs);
  });
}

/** Does a cache or tmpfs mount of the RUN cover one of `dirs` (or satisfy `alsoCovers`)? */
export function cacheMountCovers(df: Dockerfile, instr: Instruction, dirs: readonly string[], alsoCovers?: (target: string) => boolean): boolean {
  return mounts(instr).some((m) => {
    if (m.type !== 'cache' && m.type !== 'tmpfs') return false;
    const t = df.expand(instr, m.target) ?? m.target;
    return coversCacheDir(t, dirs) || !!alsoCovers?.(t);
  });
}

/**
 * The earliest command of a RUN's `cmds` that fills the cache after the last one that cleans it
 * (every fill from there on keeps its cache in the layer), with what `fills` said about it.
 */
export function firstUncleanedFill<T>(cmds: readonly Command[], cleans: (c: Command) => boolean, fills: (c: Command) => T | undefined): { cmd: Command; fill: T } | undefined {
  let lastClean = -1;
  for (const c of cmds) if (c.start > lastClean && cleans(c)) lastClean = c.start;
  let first: { cmd: Command; fill: T } | undefined;
  for (const cmd of cmds) {
    if (cmd.start < lastClean || (first && first.cmd.start < cmd.start)) continue;
    const fill = fills(cmd);
    if (fill !== undefined) first = { cmd, fill };
  }
  return first;
}

/** The last of a RUN's commands (in source order) whose base name is in `names`; there must be one. */
export function lastCommandOf(cmds: readonly Command[], names: ReadonlySet<string>): Command {
  let last: Command | undefined;
  for (const c of cmds) if (names.has(c.base) && (!last || c.start > last.start)) last = c;
  return last!;
}

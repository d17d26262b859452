import { defineRule } from '../types.js';
import { dockerHubBase, insertFlagAfter, mounts, runAsOtherUser, runCommandsWhere } from '../helpers/dockerfile.js';
import { usersBefore } from '../helpers/users.js';
import { isRootUser } from '../../model/user.js';
import { isPipOrPython, PIP, pipArgs, pipSubcommand } from '../helpers/pip.js';
import type { Dockerfile, Instruction } from '../../model/dockerfile/types.js';
import type { Command, ShellWord } from '../../model/shell/types.js';

// pip global options whose value is the next word.
const GLOBAL_VALUE = new Set([
  'proxy', 'retries', 'timeout', 'log', 'cache-dir', 'python', 'exists-action', 'trusted-host', 'cert', 'client-cert',
  'use-feature', 'use-deprecated', 'keyring-provider',
]);
// `PIP_NO_CACHE_DIR=1 pip install` or `export PIP_NO_CACHE_DIR=1` in the script.
const ENV_IN_SCRIPT = /\bPIP_NO_CACHE_DIR=["']?[^\s"';&|]/;

/** The `install` word of `pip install`, `pip3 install`, `python -m pip install`, and the command's words. */
function pipInstall(cmd: Command): { install: ShellWord; args: ShellWord[] } | undefined {
  const args = pipArgs(cmd);
  const sub = args && pipSubcommand(args, GLOBAL_VALUE);
  return sub?.word.value === 'install' ? { install: sub.word, args: cmd.args } : undefined;
}

/** `--no-cache-dir` (optparse also accepts the unambiguous prefix `--no-cache`), and the `--cache-dir` value. */
function cacheOptions(args: ShellWord[]): { noCache: boolean; cacheDir: string | undefined } {
  let noCache = false;
  let cacheDir: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const v = args[i].value;
    if (v === '--') break;
    const eq = v.indexOf('=');
    const name = eq < 0 ? v : v.slice(0, eq);
    if (name.length >= 10 && '--no-cache-dir'.startsWith(name)) noCache = true;
    else if (name === '--cache-dir') cacheDir = eq >= 0 ? v.slice(eq + 1) : args[++i]?.value;
  }
  return { noCache, cacheDir };
}

/**
 * pip's cache directory for this command, when the file says it: --cache-dir, PIP_CACHE_DIR,
 * XDG_CACHE_HOME/pip, HOME/.cache/pip, or the home of a USER root (/root/.cache/pip).
 */
function pipCacheDir(df: Dockerfile, instr: Instruction, cacheDir: string | undefined, user: string | null | undefined): string | undefined {
  const dir = cacheDir ?? df.variable(instr, 'PIP_CACHE_DIR');
  if (dir !== undefined) return dir;
  const xdg = df.variable(instr, 'XDG_CACHE_HOME');
  if (xdg) return `${xdg.replace(/\/+$/, '')}/pip`;
  const home = df.variable(instr, 'HOME');
  if (home) return `${home.replace(/\/+$/, '')}/.cache/pip`;
  return user && isRootUser(user) ? '/root/.cache/pip' : undefined;
}

/**
 * Is pip's cache on a cache or tmpfs mount? Where the cache directory is known, a mount on it or
 * above it; else a mount on some .cache/pip, but not under /root for a USER that is not root
 * (pip then caches in that user's home, and the mount catches nothing).
 * Returns null when one does, else the targets of mounts meant for pip's cache that miss it.
 */
function uncoveredMounts(df: Dockerfile, instr: Instruction, dir: string | undefined, user: string | null | undefined): string[] | null {
  const targets: string[] = [];
  for (const m of mounts(instr)) {
    if (m.type !== 'cache' && m.type !== 'tmpfs') continue;
    const t = (df.expand(instr, m.target) ?? m.target).replace(/\/+$/, '');
    if (t === '') continue;
    if (dir !== undefined) {
      if (dir === t || dir.startsWith(t + '/')) return null;
    } else if (t.includes('.cache/pip') || t.endsWith('/.cache')) {
      const nonRoot = typeof user === 'string' && !isRootUser(user);
      if (!(nonRoot && (t === '/root' || t.startsWith('/root/')))) return null;
    }
    // A mount meant for pip's cache that misses it (not one for apt's or npm's cache).
    if (t.includes('pip') || t.endsWith('/.cache')) targets.push(t);
  }
  return targets;
}

/**
 * Is the stage built on a python image from before pip 6 (python 2.7.8, 3.4.2 and older), or on a
 * distribution release whose packaged pip is that old, whose pip rejects --no-cache-dir? Then adding
 * it would break the build.
 */
function oldPip(df: Dockerfile, instr: Instruction): boolean {
  const ref = dockerHubBase(df, instr);
  // Distributions whose packaged pip predates 6.0: Ubuntu 14.04 and older, Debian 8 (jessie) and older.
  if (ref?.repository === 'ubuntu' && /^(?:1[0-4]\.(?:04|10)|precise|trusty|lucid)\b/.test(ref.tag ?? '')) return true;
  if (ref?.repository === 'debian' && /^(?:[5-8](?:\.|$|-)|jessie|wheezy|squeeze|lenny)/.test(ref.tag ?? '')) return true;
  const m = ref?.repository === 'python' ? /^(\d+)\.(\d+)(?:\.(\d+))?/.exec(ref.tag ?? '') : null;
  if (!m) return false;
  const [major, minor, patch] = [Number(m[1]), Number(m[2]), m[3] === undefined ? Infinity : Number(m[3])];
  if (major === 2) return minor < 7 || (minor === 7 && patch < 9);
  return major === 3 && (minor < 4 || (minor === 4 && patch < 3));
}

export default defineRule({
  id: 'DF041',
  name: 'pip-cache',
  aliases: ['DL3042'],
  meta: {
    target: 'dockerfile',
    category: 'performance',
    severity: 'warning',
    fixable: 'safe',
    status: 'stable',
    docs: {
      summary: '`pip install` without `--no-cache-dir` in a shipped stage.',
      why: 'pip keeps every downloaded wheel in ~/.cache/pip. In an image that cache is dead weight (often tens of megabytes) that ships with every pull. Pass `--no-cache-dir`, set `PIP_NO_CACHE_DIR=1`, or put the cache on a BuildKit cache mount over the directory pip really uses (the home of the USER it runs as, or PIP_CACHE_DIR). The fix is withheld on python images older than 2.7.9 and 3.4.3, whose pip (before 6) has no `--no-cache-dir`.',
      bad: 'FROM python:3.12-slim\nRUN pip install flask==3.0.3\n',
      good: 'FROM python:3.12-slim\nRUN pip install --no-cache-dir flask==3.0.3\n',
    },
    messages: {
      cache: '`{{cmd}}` keeps its download cache in the image; add --no-cache-dir (or set PIP_NO_CACHE_DIR=1, or use a cache mount on ~/.cache/pip).',
      mountMissesCache: '`{{cmd}}` keeps its download cache in the image: the cache mount on {{target}} is not where pip caches here ({{dir}}); mount it there, or add --no-cache-dir.',
    },
  },
  check({ df, report }) {
    let userBefore: ((instr: Instruction) => string | null | undefined) | undefined;
    for (const { instr, cmd } of runCommandsWhere(df, isPipOrPython, { onbuild: true })) {
      if (!df.shippedStages.has(instr.stage)) continue;
      const pip = pipInstall(cmd);
      if (!pip) continue;
      const { noCache, cacheDir } = cacheOptions(pip.args);
      if (noCache) continue;
      // pip disables the cache for any value of PIP_NO_CACHE_DIR (even "0", for backwards compatibility).
      if (df.variable(instr, 'PIP_NO_CACHE_DIR') || ENV_IN_SCRIPT.test(df.script(instr).text)) continue;
      // Whose cache: the stage's USER, unless sudo/doas runs pip as someone else (then not known).
      const user = instr.parent === null && !runAsOtherUser(df, instr, cmd) ? (userBefore ??= usersBefore(df))(instr) : null;
      const dir = pipCacheDir(df, instr, cacheDir, user);
      const missed = uncoveredMounts(df, instr, dir, user);
      if (missed === null) continue;
      const data = { cmd: PIP.test(cmd.base) ? `${cmd.base} install` : `${cmd.base} -m pip install` };
      const span = { start: cmd.words[0].start, end: pip.install.end };
      if (missed.length > 0) {
        // A cache mount was meant to keep the cache: --no-cache-dir would undo that, so no fix.
        const home = user ? `~${user.split(':')[0]}` : '~';
        report({ messageId: 'mountMissesCache', data: { ...data, target: missed[0], dir: dir ?? `${home}/.cache/pip` }, span });
        continue;
      }
      // A --cache-dir given on the command line wins over an inserted --no-cache-dir before it.
      const edits = oldPip(df, instr) || cacheDir !== undefined ? undefined : insertFlagAfter(df, instr, pip.install, '--no-cache-dir');
      report({ messageId: 'cache', data, span, fix: edits ? { title: 'Add --no-cache-dir', edits } : undefined });
    }
  },
});

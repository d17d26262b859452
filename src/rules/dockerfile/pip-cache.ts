import { defineRule } from '../types.js';
import { dockerHubBase, insertFlagAfter, mounts, runCommandsWhere } from '../helpers/dockerfile.js';
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

/** A cache or tmpfs mount over pip's cache (the default ~/.cache/pip, or the chosen cache dir). */
function cacheMounted(df: Dockerfile, instr: Instruction, cacheDir: string | undefined): boolean {
  const dir = cacheDir ?? df.variable(instr, 'PIP_CACHE_DIR');
  for (const m of mounts(instr)) {
    if (m.type !== 'cache' && m.type !== 'tmpfs') continue;
    const t = (df.expand(instr, m.target) ?? m.target).replace(/\/+$/, '');
    if (t === '') continue;
    if (t.includes('.cache/pip') || t.endsWith('/.cache')) return true;
    if (dir && (dir === t || dir.startsWith(t + '/'))) return true;
  }
  return false;
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
      why: 'pip keeps every downloaded wheel in ~/.cache/pip. In an image that cache is dead weight (often tens of megabytes) that ships with every pull. Pass `--no-cache-dir`, set `PIP_NO_CACHE_DIR=1`, or put the cache on a BuildKit cache mount. The fix is withheld on python images older than 2.7.9 and 3.4.3, whose pip (before 6) has no `--no-cache-dir`.',
      bad: 'FROM python:3.12-slim\nRUN pip install flask==3.0.3\n',
      good: 'FROM python:3.12-slim\nRUN pip install --no-cache-dir flask==3.0.3\n',
    },
    messages: {
      cache: '`{{cmd}}` keeps its download cache in the image; add --no-cache-dir (or set PIP_NO_CACHE_DIR=1, or use a cache mount on ~/.cache/pip).',
    },
  },
  check({ df, report }) {
    for (const { instr, cmd } of runCommandsWhere(df, isPipOrPython, { onbuild: true })) {
      if (!df.shippedStages.has(instr.stage)) continue;
      const pip = pipInstall(cmd);
      if (!pip) continue;
      const { noCache, cacheDir } = cacheOptions(pip.args);
      if (noCache) continue;
      // pip disables the cache for any value of PIP_NO_CACHE_DIR (even "0", for backwards compatibility).
      if (df.variable(instr, 'PIP_NO_CACHE_DIR') || ENV_IN_SCRIPT.test(df.script(instr).text)) continue;
      if (cacheMounted(df, instr, cacheDir)) continue;
      // A --cache-dir given on the command line wins over an inserted --no-cache-dir before it.
      const edits = oldPip(df, instr) || cacheDir !== undefined ? undefined : insertFlagAfter(df, instr, pip.install, '--no-cache-dir');
      report({
        messageId: 'cache',
        data: { cmd: PIP.test(cmd.base) ? `${cmd.base} install` : `${cmd.base} -m pip install` },
        span: { start: cmd.words[0].start, end: pip.install.end },
        fix: edits ? { title: 'Add --no-cache-dir', edits } : undefined,
      });
    }
  },
});

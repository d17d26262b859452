/** pip's command line as `pip …`, `pip3 …` or `python -m pip …`, shared by the pip-* rules. */
import type { Command, ShellWord } from '../../model/shell/types.js';

export const PIP = /^pip(?:\d+(?:\.\d+)?)?$/;
const PYTHON = /^python(?:\d+(?:\.\d+)?)?$/;
/** Is a command name pip or python (the commands that can run pip)? */
export const isPipOrPython = (n: string): boolean => n.charCodeAt(0) === 112 /* p */ && (PIP.test(n) || PYTHON.test(n));
// python options whose value is the next word.
const PYTHON_VALUE = new Set(['-W', '-X', '-c']);

/** pip's own arguments: all of `pip …`'s, those after `python -m pip`; undefined for other commands. */
export function pipArgs(cmd: Command): ShellWord[] | undefined {
  const args = cmd.args;
  if (PIP.test(cmd.base)) return args;
  if (!PYTHON.test(cmd.base)) return undefined;
  let i = 0;
  while (i < args.length && args[i].value.startsWith('-') && args[i].value !== '-m' && args[i].value !== '-mpip') i += PYTHON_VALUE.has(args[i].value) ? 2 : 1;
  if (args[i]?.value === '-mpip') return args.slice(i + 1);
  if (args[i]?.value === '-m' && PIP.test(args[i + 1]?.value ?? '')) return args.slice(i + 2);
  return undefined;
}

/**
 * pip's subcommand word (`install`, ...) in its arguments and its index, after the options;
 * a `--long` option named in `valueOptions` (without `=`) takes the next word as its value.
 */
export function pipSubcommand(args: readonly ShellWord[], valueOptions: ReadonlySet<string>): { word: ShellWord; index: number } | undefined {
  for (let i = 0; i < args.length; i++) {
    const v = args[i].value;
    if (!v.startsWith('-') || v.length === 1) return { word: args[i], index: i };
    if (v.startsWith('--') && !v.includes('=') && valueOptions.has(v.slice(2))) i++;
  }
  return undefined;
}

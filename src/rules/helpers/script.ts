/**
 * Shell-script helpers shared by the image rules (scripts read from an image's layers or history)
 * and the build-context rules (scripts COPYed from the context). Kept apart from helpers/image.ts so
 * that a Dockerfile lint does not load the image model.
 */
import { parseShell } from '../../model/shell/parse.js';
import type { Command } from '../../model/shell/types.js';
import { baseName } from './dockerfile.js';

const IDENTITY = { toSource: (i: number) => i, toSourceEnd: (i: number) => i };

/** Simple commands of a shell script (heredoc bodies and comment lines removed first). */
export function shellCommands(script: string): Command[] {
  return parseShell(cleanScript(script), IDENTITY).commands;
}

/** Removes comment lines and heredoc bodies, which the shell parser would read as commands. */
export function cleanScript(script: string): string {
  const lines = script.split(/\r?\n/);
  const out: string[] = [];
  let terminator: { word: string; tabs: boolean } | null = null;
  for (const line of lines) {
    if (terminator) {
      const t = terminator.tabs ? line.replace(/^\t+/, '') : line;
      if (t === terminator.word) terminator = null;
      continue;
    }
    if (/^\s*#/.test(line)) continue;
    out.push(line);
    const h = /<<(-?)\s*(['"]?)([A-Za-z_][A-Za-z0-9_]*)\2/.exec(line.replace(/'[^']*'/g, "''"));
    if (h) terminator = { word: h[3], tabs: h[1] === '-' };
  }
  return out.join('\n');
}

/** Shorten a command for a message: first line, at most `max` characters. */
export function shorten(text: string, max = 80): string {
  const one = text.replace(/\s+/g, ' ').trim();
  return one.length > max ? one.slice(0, max - 1) + '…' : one;
}

/** Cleaned script text and its simple commands (offsets into `text`). */
export function parseScript(script: string): { text: string; commands: Command[] } {
  const text = cleanScript(script);
  return { text, commands: parseShell(text, IDENTITY).commands };
}

export const SHELLS = new Set(['sh', 'bash', 'ash', 'dash', 'zsh', 'ksh', 'mksh', 'busybox']);

/** `["/bin/sh", "-c", "..."]`: a shell-form command (or an exec form that calls a shell the same way). */
export function isShellForm(argv: readonly string[] | null): boolean {
  return !!argv && argv.length >= 3 && SHELLS.has(baseName(argv[0])) && baseName(argv[0]) !== 'busybox' && /^-[a-z]*c[a-z]*$/.test(argv[1]);
}

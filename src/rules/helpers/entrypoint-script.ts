/**
 * What an entrypoint shell script does with its last command: shared by the image rule (the script
 * read from the image) and the build-context rule (the script COPYed from the context).
 */
import { baseName } from './dockerfile.js';
import { isShellForm, parseScript, SHELLS, shorten } from './script.js';
import type { Command } from '../../model/shell/types.js';

/** Init wrappers whose argument is the real program. */
const INITS = new Set(['tini', 'tini-static', 'dumb-init', 'catatonit', 'docker-init']);
/** Last commands that do not start a long-running child: nothing to say about them. */
const HARMLESS = new Set(['exit', 'return', 'wait', 'true', 'false', ':', 'echo', 'printf', 'set', 'shift', 'export', 'unset', 'cd', 'test', '[', 'trap', 'sleep', 'fi', 'done', 'esac']);

/**
 * The script a container start command runs, if it can be one: the path as written (with the index
 * of its argv word) and whether a shell runs it (`sh entrypoint.sh`). Init wrappers are looked
 * through; a shell's `-c` string is not a script file.
 */
export function startScript(argv: readonly string[]): { path: string; index: number; viaShell: boolean } | undefined {
  let i = 0;
  if (INITS.has(baseName(argv[0] ?? ''))) {
    i = 1;
    while (i < argv.length && argv[i].startsWith('-')) {
      const flag = argv[i++];
      if (flag === '--') break;
    }
  }
  const program = argv[i];
  if (!program) return undefined;
  if (SHELLS.has(baseName(program))) {
    if (isShellForm(argv.slice(i))) return undefined; // the shell-form rules' case
    const script = argv[i + 1];
    if (!script || script.startsWith('-')) return undefined;
    return { path: script, index: i + 1, viaShell: true };
  }
  return { path: program, index: i, viaShell: false };
}

/**
 * The last command of an entrypoint script when it starts a program without `exec` (shortened for
 * a message; with the function it ends, when the script ends by calling one), else null: also for a script that is not a shell script (by its `#!` line, unless a
 * shell runs it), one that sets a `trap`, or one whose last command is a builtin or backgrounded.
 * A last command that calls a function of the script (docker-library's `_main "$@"`) is judged by
 * the function's own last command: `exec` cannot run a function, so that is where it belongs.
 */
export function lastCommandWithoutExec(text: string, viaShell: boolean): { line: string; fn?: string } | null {
  if (!viaShell) {
    const shebang = /^#!\s*(\S+)(?:\s+(\S+))?/.exec(text);
    if (!shebang) return null;
    const interp = baseName(shebang[1]) === 'env' ? shebang[2] ?? '' : baseName(shebang[1]);
    if (!SHELLS.has(interp)) return null;
  }
  const parsed = parseScript(text);
  const top = parsed.commands.filter((c) => !c.nested);
  if (top.some((c) => c.name === 'trap')) return null;
  const functions = functionBodies(parsed.text);
  let last = top[top.length - 1];
  let fn: string | undefined;
  // Into a called function's body, a few levels deep (a function calling itself stops there).
  for (let depth = 0; last && depth < 4; depth++) {
    const body = functions.get(last.name);
    if (body === undefined) break;
    const next = lastInBody(parsed.text, top, body);
    if (!next || next === last) return null;
    fn = last.name;
    last = next;
  }
  if (!last || last.name === '' || last.name === 'exec' || HARMLESS.has(last.name) || last.after === '&') return null;
  const line = shorten(parsed.text.slice(last.start, last.end).replace(/\\\r?\n\s*/g, ' '), 60);
  return fn === undefined ? { line } : { line, fn };
}

// `name() {`, `function name {`, `function name() {` at the start of a command (a `(` body, run
// in a subshell, is left alone: its commands are nested).
const FUNCTION_DEF = /(?:^|[\n;&|])[ \t]*(?:function[ \t]+([A-Za-z_][\w.-]*)[ \t]*(?:\([ \t]*\))?|([A-Za-z_][\w.-]*)[ \t]*\([ \t]*\))[ \t\n]*\{/g;

/** Where each function's body starts (just after its `{`), by name; a later definition wins. */
function functionBodies(text: string): Map<string, number> {
  const bodies = new Map<string, number>();
  for (const m of text.matchAll(FUNCTION_DEF)) bodies.set(m[1] ?? m[2], m.index + m[0].length);
  return bodies;
}

// `{` and `}` as words between commands (reserved words: the parser does not nest them).
const BRACE = /(?:^|[\s;&|])([{}])(?=[\s;&|]|$)/g;

/**
 * The last top-level command of the `{` body starting at `from`: braces are counted in the text
 * between commands (words and comments left out) until the one that closes the body.
 */
function lastInBody(text: string, top: readonly Command[], from: number): Command | undefined {
  let depth = 1;
  let last: Command | undefined;
  let gapStart = from;
  const closes = (gapEnd: number): boolean => {
    const gap = text.slice(gapStart, gapEnd).replace(/#[^\n]*/g, '');
    for (const m of gap.matchAll(BRACE)) {
      depth += m[1] === '{' ? 1 : -1;
      if (depth === 0) return true;
    }
    return false;
  };
  for (const c of top) {
    if (c.start < from) continue;
    if (closes(c.start)) return last;
    last = c;
    gapStart = c.end;
  }
  return closes(text.length) ? last : undefined;
}

/**
 * What an entrypoint shell script does with its last command: shared by the image rule (the script
 * read from the image) and the build-context rule (the script COPYed from the context).
 */
import { baseName, isShellForm, parseScript, SHELLS, shorten } from './image.js';

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
 * a message), else null: also for a script that is not a shell script (by its `#!` line, unless a
 * shell runs it), one that sets a `trap`, or one whose last command is a builtin or backgrounded.
 */
export function lastCommandWithoutExec(text: string, viaShell: boolean): string | null {
  if (!viaShell) {
    const shebang = /^#!\s*(\S+)(?:\s+(\S+))?/.exec(text);
    if (!shebang) return null;
    const interp = baseName(shebang[1]) === 'env' ? shebang[2] ?? '' : baseName(shebang[1]);
    if (!SHELLS.has(interp)) return null;
  }
  const parsed = parseScript(text);
  const commands = parsed.commands.filter((c) => !c.nested);
  if (commands.some((c) => c.name === 'trap')) return null;
  const last = commands[commands.length - 1];
  if (!last || last.name === '' || last.name === 'exec' || HARMLESS.has(last.name) || last.after === '&') return null;
  return shorten(parsed.text.slice(last.start, last.end).replace(/\\\r?\n\s*/g, ' '), 60);
}

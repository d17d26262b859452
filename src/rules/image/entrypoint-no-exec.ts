import type { ImageRuleContext } from '../image-types.js';
import { findInPath, readFile, resolvePath } from '../../model/image/fs.js';
import { baseName, isShellForm, parseScript, SHELLS, shorten, startCommand } from '../helpers/image.js';
import { defineRule } from '../types.js';

/** Init wrappers whose argument is the real program. */
const INITS = new Set(['tini', 'tini-static', 'dumb-init', 'catatonit', 'docker-init']);
/** Last commands that do not start a long-running child: nothing to say about them. */
const HARMLESS = new Set(['exit', 'return', 'wait', 'true', 'false', ':', 'echo', 'printf', 'set', 'shift', 'export', 'unset', 'cd', 'test', '[', 'trap', 'sleep', 'fi', 'done', 'esac']);

/** The script the container's start command runs, if it is a script: [path as found, invoked through a shell]. */
function scriptOf(ctx: ImageRuleContext, argv: readonly string[]): { path: string; viaShell: boolean } | undefined {
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
    if (isShellForm(argv.slice(i))) return undefined; // the shell-form-command rule's case
    const script = argv[i + 1];
    if (!script || script.startsWith('-')) return undefined;
    const found = findInPath(ctx.image, script.includes('/') ? script : `./${script}`) ?? { path: script.startsWith('/') ? script : `${ctx.image.config.workingDir || '/'}/${script}` };
    return { path: found.path, viaShell: true };
  }
  const found = findInPath(ctx.image, program);
  return found ? { path: found.path, viaShell: false } : undefined;
}

export default defineRule<ImageRuleContext>({
  id: 'IM019',
  name: 'entrypoint-no-exec',
  aliases: [],
  meta: {
    target: 'image',
    category: 'reliability',
    severity: 'warning',
    fixable: null,
    status: 'stable',
    docs: {
      summary: 'The entrypoint shell script starts the app as a child (`"$@"`, `node server.js`) instead of replacing itself with `exec`: signals are lost.',
      why: 'An entrypoint script runs as PID 1. When its last command starts the app without `exec`, the shell stays PID 1 and the app is its child: `docker stop` sends SIGTERM to the shell, which does not forward it, so the app gets no chance to shut down and is killed after the timeout (and zombie children are never reaped). End the script with `exec "$@"` (or `exec node server.js`). Scripts that set a `trap` handle signals themselves and are not flagged; nor are scripts whose last command is a builtin such as `exit` or `wait`. The script is read from the image (shell scripts only, found like the runtime finds the entrypoint; tini and dumb-init wrappers are looked through).',
      bad: JSON.stringify({ config: { Entrypoint: ['/usr/local/bin/docker-entrypoint.sh'], Cmd: ['node', 'server.js'] }, layers: [{ files: [{ path: '/usr/local/bin/docker-entrypoint.sh', mode: 0o755, content: '#!/bin/sh\nset -e\nnode /app/migrate.js\n"$@"\n' }] }] }, null, 2),
      good: JSON.stringify({ config: { Entrypoint: ['/usr/local/bin/docker-entrypoint.sh'], Cmd: ['node', 'server.js'] }, layers: [{ files: [{ path: '/usr/local/bin/docker-entrypoint.sh', mode: 0o755, content: '#!/bin/sh\nset -e\nnode /app/migrate.js\nexec "$@"\n' }] }] }, null, 2),
      references: ['https://docs.docker.com/reference/dockerfile/#entrypoint'],
    },
    messages: {
      noExec: 'The entrypoint script {{path}} ends with `{{line}}` without `exec`: the shell stays PID 1 and SIGTERM never reaches the app. Use `exec {{line}}`.',
    },
  },
  check(ctx) {
    const start = startCommand(ctx.image);
    if (!start) return;
    const script = scriptOf(ctx, start.argv);
    if (!script) return;
    const data = readFile(ctx.image, script.path);
    if (!data || data.subarray(0, 8000).includes(0)) return;
    const text = data.toString('utf8');
    if (!script.viaShell) {
      const shebang = /^#!\s*(\S+)(?:\s+(\S+))?/.exec(text);
      if (!shebang) return;
      const interp = baseName(shebang[1]) === 'env' ? shebang[2] ?? '' : baseName(shebang[1]);
      if (!SHELLS.has(interp)) return;
    }
    const parsed = parseScript(text);
    const commands = parsed.commands.filter((c) => !c.nested);
    if (commands.some((c) => c.name === 'trap')) return;
    const last = commands[commands.length - 1];
    if (!last || last.name === '' || last.name === 'exec' || HARMLESS.has(last.name) || last.after === '&') return;
    const line = shorten(parsed.text.slice(last.start, last.end).replace(/\\\r?\n\s*/g, ' '), 60);
    const file = resolvePath(ctx.image, script.path);
    ctx.report({ messageId: 'noExec', data: { path: script.path, line }, field: start.field, path: script.path, layer: file?.layer });
  },
});

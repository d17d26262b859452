import type { ImageRuleContext } from '../image-types.js';
import { findInPath, readFile, resolvePath } from '../../model/image/fs.js';
import { startCommand } from '../helpers/image.js';
import { lastCommandWithoutExec, startScript } from '../helpers/entrypoint-script.js';
import { defineRule } from '../types.js';

/** The script the container's start command runs, if it is a script: [path as found, invoked through a shell]. */
function scriptOf(ctx: ImageRuleContext, argv: readonly string[]): { path: string; viaShell: boolean } | undefined {
  const start = startScript(argv);
  if (!start) return undefined;
  const { path: script, viaShell } = start;
  if (viaShell) {
    const found = findInPath(ctx.image, script.includes('/') ? script : `./${script}`) ?? { path: script.startsWith('/') ? script : `${ctx.image.config.workingDir || '/'}/${script}` };
    return { path: found.path, viaShell: true };
  }
  const found = findInPath(ctx.image, script);
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
      why: 'An entrypoint script runs as PID 1. When its last command starts the app without `exec`, the shell stays PID 1 and the app is its child: `docker stop` sends SIGTERM to the shell, which does not forward it, so the app gets no chance to shut down and is killed after the timeout (and zombie children are never reaped). End the script with `exec "$@"` (or `exec node server.js`). Scripts that set a `trap` handle signals themselves and are not flagged; nor are scripts whose last command is a builtin such as `exit` or `wait`. The script is read from the image (shell scripts only, found like the runtime finds the entrypoint; tini and dumb-init wrappers are looked through). A script that ends by calling one of its own functions (docker-library\'s `_main "$@"`) is judged by that function\'s last command, since `exec` cannot run a function.',
      bad: JSON.stringify({ config: { Entrypoint: ['/usr/local/bin/docker-entrypoint.sh'], Cmd: ['node', 'server.js'] }, layers: [{ files: [{ path: '/usr/local/bin/docker-entrypoint.sh', mode: 0o755, content: '#!/bin/sh\nset -e\nnode /app/migrate.js\n"$@"\n' }] }] }, null, 2),
      good: JSON.stringify({ config: { Entrypoint: ['/usr/local/bin/docker-entrypoint.sh'], Cmd: ['node', 'server.js'] }, layers: [{ files: [{ path: '/usr/local/bin/docker-entrypoint.sh', mode: 0o755, content: '#!/bin/sh\nset -e\nnode /app/migrate.js\nexec "$@"\n' }] }] }, null, 2),
      references: ['https://docs.docker.com/reference/dockerfile/#entrypoint'],
    },
    messages: {
      noExec: 'The entrypoint script {{path}} ends with `{{line}}` without `exec`: the shell stays PID 1 and SIGTERM never reaches the app. Use `exec {{line}}`.',
      noExecInFunction: 'The entrypoint script {{path}} ends by calling {{fn}}, whose last command `{{line}}` runs without `exec`: the shell stays PID 1 and SIGTERM never reaches the app. Use `exec {{line}}` in {{fn}}.',
    },
  },
  check(ctx) {
    const start = startCommand(ctx.image);
    if (!start) return;
    const script = scriptOf(ctx, start.argv);
    if (!script) return;
    const data = readFile(ctx.image, script.path);
    if (!data || data.subarray(0, 8000).includes(0)) return;
    const last = lastCommandWithoutExec(data.toString('utf8'), script.viaShell);
    if (last === null) return;
    const file = resolvePath(ctx.image, script.path);
    const messageId = last.fn === undefined ? 'noExec' : 'noExecInFunction';
    ctx.report({ messageId, data: { path: script.path, ...last }, field: start.field, path: script.path, layer: file?.layer });
  },
});

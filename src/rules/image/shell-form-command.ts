import type { ImageRuleContext } from '../image-types.js';
import { isWindows, shellFormScript, shorten } from '../helpers/image.js';
import { defineRule } from '../types.js';

export default defineRule<ImageRuleContext>({
  id: 'IM020',
  name: 'shell-form-command',
  aliases: [],
  meta: {
    target: 'image',
    category: 'reliability',
    severity: 'warning',
    fixable: null,
    status: 'stable',
    docs: {
      summary: 'The config\'s Cmd or Entrypoint is a shell-form command (`["/bin/sh", "-c", "..."]`, or after a SHELL instruction the config\'s `Shell` plus the command string).',
      why: 'With the shell form, PID 1 is /bin/sh, not your program: `docker stop` sends SIGTERM to the shell, which does not pass it on, so the app never shuts down cleanly and is killed after the timeout. (Some shells replace themselves with the last simple command of `-c`, but which ones, and for which scripts, varies: bash and recent dash do, many others do not, and any `;`, pipe or trap undoes it.) A shell-form ENTRYPOINT also ignores CMD and `docker run` arguments. Use the exec form (`CMD ["node", "server.js"]`), or start the script with `exec` (`sh -c "exec node server.js"`), which is not flagged.',
      bad: JSON.stringify({ config: { Cmd: ['/bin/sh', '-c', 'node server.js'] }, layers: [{ files: [] }] }, null, 2),
      good: JSON.stringify({ config: { Cmd: ['node', 'server.js'] }, layers: [{ files: [] }] }, null, 2),
      references: ['https://docs.docker.com/reference/dockerfile/#shell-and-exec-form'],
    },
    messages: {
      shell: '{{field}} is a shell-form command (`{{script}}`): the shell can stay PID 1 and not forward SIGTERM to the app. Use the exec form, or start the script with `exec`.',
    },
  },
  check(ctx) {
    if (isWindows(ctx.image)) return; // cmd and PowerShell: neither the shells nor the signals meant here
    const c = ctx.image.config;
    for (const [field, argv] of [['config.Entrypoint', c.entrypoint], ['config.Cmd', c.cmd]] as const) {
      const script = shellFormScript(ctx.image, argv);
      if (script === undefined || /^\s*exec\s/.test(script)) continue;
      ctx.report({ messageId: 'shell', data: { field, script: shorten(script, 60) }, field });
    }
  },
});

import { defineRule } from '../types.js';
import { runCommandsWhere, runsAny } from '../helpers/dockerfile.js';
import type { Command } from '../../model/shell/types.js';

// Interactive tools, process/system control and daemons: nothing they do survives into the image.
const POINTLESS = new Set(['free', 'ifconfig', 'kill', 'mount', 'ps', 'service', 'shutdown', 'ssh', 'top', 'vim']);
const isPointless = (name: string): boolean => POINTLESS.has(name);
const WITH_ONBUILD = { onbuild: true };

/**
 * Two uses are meaningful during a build: services started for other commands of the same RUN
 * (e.g. start a database, load a schema, stop it again), and `kill` of a process this RUN put in the background.
 */
function usedForSetup(cmd: Command, name: string, cmds: Command[]): boolean {
  if (name === 'service') {
    const first = cmds.find((c) => c.base === 'service');
    return first !== undefined && cmds.some((c) => c.start > first.end && c.name !== '' && c.base !== 'service');
  }
  if (name === 'kill') return cmds.some((c) => c.start < cmd.start && c.after === '&');
  return false;
}

export default defineRule({
  id: 'DF004',
  name: 'pointless-command',
  aliases: ['DL3001'],
  meta: {
    target: 'dockerfile',
    category: 'maintainability',
    severity: 'info',
    fixable: null,
    status: 'stable',
    docs: {
      summary: 'RUN uses a command that has no lasting effect in an image build (ssh, vim, service, ps, top, kill, mount, ...).',
      why: 'Each RUN executes in a throw-away container and only its filesystem changes are kept. Interactive tools (vim, top, ssh), process inspection (ps, free) and starting or stopping services change nothing in the image: daemons are gone when the RUN ends. Start processes from CMD/ENTRYPOINT instead.',
      bad: 'FROM debian:12-slim\nRUN service nginx start\n',
      good: 'FROM debian:12-slim\nCMD ["nginx", "-g", "daemon off;"]\n',
    },
    messages: { pointless: '`{{cmd}}` has no lasting effect in a build step (nothing it does is kept in the image); remove it, or run it from CMD/ENTRYPOINT at container start.' },
  },
  check({ df, report }) {
    // A few index lookups; the usual file runs none of these. Then only the commands that matter.
    if (!runsAny(df, POINTLESS)) return;
    for (const { instr, cmd, base } of runCommandsWhere(df, isPointless, WITH_ONBUILD)) {
      if (usedForSetup(cmd, base, df.script(instr).commands)) continue;
      report({ messageId: 'pointless', data: { cmd: base }, span: { start: cmd.words[0].start, end: cmd.words[0].end } });
    }
  },
});

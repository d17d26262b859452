import { defineRule } from '../types.js';
import { runCommandsNamed } from '../helpers/dockerfile.js';
import { usersBefore } from '../helpers/users.js';
import { isRootUser } from '../../model/user.js';
import { stageDistro } from '../helpers/distro.js';
import type { Dockerfile, Instruction } from '../../model/dockerfile/types.js';
import type { Command, ShellWord } from '../../model/shell/types.js';

// sudo options that change nothing for root running a command as root.
const HARMLESS_OPTIONS = new Set(['-E', '-H', '-n', '--preserve-env', '--non-interactive', '--set-home']);

/** The first word of the command sudo runs, when sudo's options change nothing for root; else undefined. */
function commandAfterSudo(cmd: Command): ShellWord | undefined {
  for (const a of cmd.args) {
    if (a.value === '--') continue;
    if (!a.value.startsWith('-')) return a;
    if (!HARMLESS_OPTIONS.has(a.value)) return undefined;
  }
  return undefined;
}

/**
 * Does the RUN run as root? The last USER before it in its stage chain says so, or, with none, a
 * base image whose distribution is known (their images run as root).
 */
function runsAsRoot(df: Dockerfile, instr: Instruction, userBefore: (instr: Instruction) => string | null | undefined): boolean {
  const stage = df.stages[instr.stage];
  if (!stage) return false;
  const user = userBefore(instr);
  if (user === undefined) return stageDistro(df, stage) !== null;
  return user !== null && isRootUser(user);
}

export default defineRule({
  id: 'DF008',
  name: 'sudo-in-run',
  aliases: ['DL3004'],
  meta: {
    target: 'dockerfile',
    category: 'security',
    severity: 'error',
    fixable: 'unsafe',
    status: 'stable',
    docs: {
      summary: '`sudo` in a RUN.',
      why: 'sudo needs a TTY or a sudoers rule, behaves differently across base images, and keeps a privilege-escalation path in the image. Run root steps as root (switch with USER before and after them); to drop privileges at container start, use gosu or su-exec in the entrypoint. Where the step already runs as root (a USER root before it, or a known base image with no USER), the unsafe fix drops sudo; it is unsafe because sudo also resets the environment (PATH, ENV settings).',
      bad: 'FROM debian:12-slim\nUSER app\nRUN sudo mkdir /data\n',
      good: 'FROM debian:12-slim\nUSER root\nRUN mkdir /data && chown app /data\nUSER app\n',
    },
    messages: { sudo: 'Do not use sudo in a build step; run the step as root (USER root, then switch back) and use gosu/su-exec to drop privileges at runtime.' },
  },
  check({ df, report }) {
    let userBefore: ((instr: Instruction) => string | null | undefined) | undefined;
    for (const { instr, cmd } of runCommandsNamed(df, 'sudo', { onbuild: true })) {
      const word = cmd.words[0];
      // Where the step already runs as root, sudo only resets the environment (PATH becomes sudo's
      // secure_path, ENV settings are dropped): dropping it is the fix, unsafe for that reason.
      let rest = instr.parent === null && runsAsRoot(df, instr, (userBefore ??= usersBefore(df))) ? commandAfterSudo(cmd) : undefined;
      // -H sets HOME to root's: it changes something where an ENV set HOME elsewhere (pip, npm write there).
      if (rest && cmd.args.some((a) => a.start < rest!.start && (a.value === '-H' || a.value === '--set-home'))) {
        const home = df.variable(instr, 'HOME');
        if (home !== undefined && home.replace(/\/+$/, '') !== '/root') rest = undefined;
      }
      report({
        messageId: 'sudo',
        span: { start: word.start, end: word.end },
        fix: rest ? { title: 'Drop sudo: the step runs as root', edits: [{ start: word.start, end: rest.start, text: '' }] } : undefined,
      });
    }
  },
});

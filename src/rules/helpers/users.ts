import type { Dockerfile, Instruction, Stage } from '../../model/dockerfile/types.js';
import type { Command } from '../../model/shell/types.js';
import { perFile, positionals, runCommandsNamed } from './dockerfile.js';
import { partitionPoint } from '../../search.js';

/** A user account a RUN creates (`useradd -u 10001 app`, BusyBox's `adduser -D app`). */
export interface CreatedUser {
  name: string;
  /** The numeric UID given on the command line, or null when the tool picks one. */
  uid: string | null;
  /** Index of the stage whose RUN creates it, and the RUN's line. */
  stage: number;
  line: number;
}

const NUMERIC = /^\d+$/;
// Options that take a value, for useradd (shadow), Debian's adduser and BusyBox's adduser.
const VALUE_FLAGS = [
  '-u', '--uid', '-g', '--gid', '-G', '--groups', '-d', '--home-dir', '--home', '-h', '-s', '--shell', '-c', '--comment',
  '--gecos', '-e', '--expiredate', '-f', '--inactive', '-k', '--skel', '-K', '--key', '-p', '--password', '-Z',
  '--selinux-user', '-b', '--base-dir', '-R', '--root', '-P', '--prefix', '--ingroup', '--conf', '--firstuid', '--lastuid',
  '--firstgid', '--lastgid', '--extrausers',
];

// usermod also takes `-l NEW_NAME` (useradd's `-l` is --no-log-init, with no value).
const USERMOD_VALUE_FLAGS = [...VALUE_FLAGS, '-l', '--login'];

/** The account a useradd/adduser/usermod command names: its last operand. */
export function accountOf(cmd: Command): string | undefined {
  return positionals(cmd.args, cmd.base === 'usermod' ? USERMOD_VALUE_FLAGS : VALUE_FLAGS, true).at(-1)?.value;
}

const USER_TOOLS = ['useradd', 'adduser'];
const NONE: readonly CreatedUser[] = [];

// Per file: user-missing and user-name-not-uid both ask.
const CREATED = Symbol('created users');

/**
 * The users the file's RUNs create, in order. A command with two names (`adduser app staff`) adds
 * an existing user to a group, so it creates none.
 */
export function createdUsers(df: Dockerfile): readonly CreatedUser[] {
  const commands = runCommandsNamed(df, USER_TOOLS);
  // Most files create no user: no cache entry for them.
  if (commands.length === 0) return NONE;
  return perFile(df, CREATED, () => {
    const users: CreatedUser[] = [];
    for (const { cmd, instr } of commands) {
      const names = positionals(cmd.args, VALUE_FLAGS, true);
      if (names.length !== 1 || names[0].value === '' || names[0].value.startsWith('-')) continue;
      let uid: string | null = null;
      const args = cmd.args;
      for (let i = 0; i < args.length; i++) {
        const v = args[i].value;
        if ((v === '-u' || v === '--uid') && i + 1 < args.length) uid = args[++i].value;
        else if (v.startsWith('--uid=')) uid = v.slice(6);
      }
      users.push({ name: names[0].value, uid: uid !== null && NUMERIC.test(uid) ? uid : null, stage: instr.stage, line: instr.line });
    }
    return users;
  });
}

/**
 * The USER in effect at an instruction: the last one before it in its stage, else the last one of
 * the stages it is built FROM (undefined: none; null: a value with unknown variables). Each stage's
 * USERs are listed once and searched by position, so a stage with thousands of sudo RUNs stays linear.
 */
export function usersBefore(df: Dockerfile): (instr: Instruction) => string | null | undefined {
  const users = df.stages.map((s) => s.instructions.filter((i) => i.keyword === 'USER' && i.words.length > 0));
  return (instr) => {
    let limit = instr.start;
    for (let stage: Stage | undefined = df.stages[instr.stage]; stage; ) {
      const list = users[stage.index];
      const k = partitionPoint(list.length, (j) => list[j].start >= limit) - 1;
      if (k >= 0) return df.expand(list[k], list[k].words[0].value);
      // A stage builds FROM an earlier one only, so following lower indexes always ends.
      stage = stage.parentStage !== null && stage.parentStage < stage.index ? df.stages[stage.parentStage] : undefined;
      limit = Infinity;
    }
    return undefined;
  };
}

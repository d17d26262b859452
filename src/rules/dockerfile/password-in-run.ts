import { defineRule } from '../types.js';
import { forEachRunCommandNamed, positionals } from '../helpers/dockerfile.js';
import { partitionPoint } from '../../search.js';
import { accountOf } from '../helpers/users.js';
import type { Dockerfile, Instruction } from '../../model/dockerfile/types.js';
import type { Command, CommandGroup, ShellWord } from '../../model/shell/types.js';
import { enclosingGroups } from '../../model/shell/parse.js';

const TOOLS = ['chpasswd', 'passwd', 'openssl', 'useradd', 'usermod'];
// A crypt(3) hash: `$6$salt$...`, `$y$...`, `$2b$...`.
const CRYPT_HASH = /^\$(?:1|5|6|y|gy|7|2[aby]?)\$[^\s$]*\$\S+$/;
const OPENSSL_PASSWD_VALUE = new Set(['-salt', '-in', '-table', '-rand', '-writerand', '-propquery', '-provider', '-provider-path']);

/** A literal: no expansion the build could fill from a secret or a random source. */
const literal = (s: string): boolean => s !== '' && !s.includes('$') && !s.includes('`');

/**
 * The words a command reads on stdin, in order: a here-string (`<<< "root:pw"`), the single argument
 * of an echo/printf piped into it (`echo 'root:pw' | chpasswd`), or those of the echo/printf commands
 * of a group or subshell piped into it (`(echo pw; echo pw) | passwd`), which must start with one.
 * Undefined when the input is anything else.
 */
function stdinWords(df: Dockerfile, instr: Instruction, cmd: Command): ShellWord[] | undefined {
  const here = cmd.redirects.find((r) => r.op === '<<<');
  if (here) return here.target ? [here.target] : undefined;
  if (cmd.before !== '|') return undefined;
  // The nearest command before it at the same depth is the pipe's left side. A script's commands are
  // in source order (those inside `$(...)` right after the command holding them): a binary search, then
  // a walk back over the commands nested in the one before.
  const cmds = df.script(instr).commands;
  const before = partitionPoint(cmds.length, (i) => cmds[i].start >= cmd.start) - 1;
  let producer: Command | undefined;
  for (let k = before; k >= 0 && !producer; k--) {
    const c = cmds[k];
    if (c.nested === cmd.nested && c.end <= cmd.start) producer = c;
  }
  if (producer && producer.after === '|') {
    const word = echoedWord(producer);
    return word ? [word] : undefined;
  }
  // A group or subshell that ends right before the pipe: its outermost one piping into `cmd`.
  let group: CommandGroup | undefined;
  for (const g of before >= 0 ? enclosingGroups(cmds[before]) : []) if (g.after === '|' && g.end <= cmd.start) group = g;
  if (!group) return undefined;
  // Its commands are the ones right before the pipe, in source order.
  const members: Command[] = [];
  for (let k = before; k >= 0 && enclosingGroups(cmds[k]).includes(group); k--) members.push(cmds[k]);
  members.reverse();
  if (members.length === 0 || !echoedWord(members[0])) return undefined;
  return members.map(echoedWord).filter((w): w is ShellWord => w !== undefined);
}

/** The single argument an echo or printf prints (options aside). */
function echoedWord(c: Command): ShellWord | undefined {
  if (c.base !== 'echo' && c.base !== 'printf') return undefined;
  const words = c.args.filter((a) => !/^-[neE]+$/.test(a.value));
  return words.length === 1 ? words[0] : undefined;
}

/** Lines of an echoed text, with `\n` escapes (echo -e, printf) read as line breaks. */
const lines = (text: string): string[] => text.split(/\\n|\n/).filter((l) => l !== '');

interface Hit {
  span: ShellWord;
  messageId: 'literal' | 'hash';
  cmd: string;
  user: string;
}

function check(df: Dockerfile, instr: Instruction, cmd: Command): Hit | undefined {
  switch (cmd.base) {
    case 'chpasswd': {
      if (cmd.args.some((a) => a.value === '-e' || a.value === '--encrypted')) return undefined;
      for (const w of stdinWords(df, instr, cmd) ?? []) {
        for (const line of lines(w.value)) {
          const colon = line.indexOf(':');
          if (colon > 0 && literal(line.slice(colon + 1))) return { span: w, messageId: 'literal', cmd: 'chpasswd', user: line.slice(0, colon) };
        }
      }
      return undefined;
    }
    case 'passwd': {
      const w = stdinWords(df, instr, cmd)?.[0];
      const first = w ? lines(w.value)[0] : undefined;
      if (!w || first === undefined || !literal(first)) return undefined;
      const user = positionals(cmd.args).at(-1)?.value ?? 'root';
      return { span: w, messageId: 'literal', cmd: 'passwd', user };
    }
    case 'openssl': {
      const args = cmd.args;
      if (args[0]?.value !== 'passwd') return undefined;
      const pw = args.some((a) => a.value === '-stdin') ? stdinWords(df, instr, cmd)?.[0] : positionals(args.slice(1), OPENSSL_PASSWD_VALUE)[0];
      if (!pw || !literal(lines(pw.value)[0] ?? '')) return undefined;
      // `useradd -p "$(openssl passwd ...)" app`: the account is the one the enclosing command creates.
      const cmds = df.script(instr).commands;
      let outer: Command | undefined;
      for (let k = partitionPoint(cmds.length, (i) => cmds[i].start >= cmd.start) - 1; k >= 0 && !outer; k--) if (!cmds[k].nested) outer = cmds[k];
      if (outer && (outer.end < cmd.end || (outer.base !== 'useradd' && outer.base !== 'usermod'))) outer = undefined;
      const user = outer ? accountOf(outer) : undefined;
      return { span: pw, messageId: 'literal', cmd: 'openssl passwd', user: user ?? 'an account' };
    }
    default: {
      // useradd/usermod -p HASH: a fixed hash of a password someone chose.
      const args = cmd.args;
      const at = args.findIndex((a) => a.value === '-p' || a.value === '--password');
      const hash = at >= 0 ? args[at + 1] : undefined;
      if (!hash || hash.expands || !CRYPT_HASH.test(hash.value)) return undefined;
      const user = accountOf(cmd) ?? 'the account';
      return { span: hash, messageId: 'hash', cmd: `${cmd.base} -p`, user };
    }
  }
}

export default defineRule({
  id: 'DF117',
  name: 'password-in-run',
  aliases: ['CKV2_DOCKER_17'],
  meta: {
    target: 'dockerfile',
    category: 'security',
    severity: 'error',
    fixable: null,
    status: 'stable',
    docs: {
      summary: 'A RUN sets an account password written in the Dockerfile (`echo \'root:secret\' | chpasswd`, `openssl passwd secret`, `useradd -p \'$6$...\'`).',
      why: 'A password written in the Dockerfile is in version control and in the image history (`docker history` shows each RUN), and every container started from the image has the same one. Containers rarely need a password at all: lock the account and reach the container with `docker exec`, or set a password at run time from a secret (`RUN --mount=type=secret` at build time, or an entrypoint that reads /run/secrets). Passwords taken from variables or command output (`$(cat /run/secrets/pw)`, `$(openssl rand -base64 12)`) and `chpasswd -e` are not reported; `useradd -p` is reported only for a crypt hash (`$6$...`), since anything else locks the account. Checkov reports chpasswd as CKV2_DOCKER_17.',
      bad: 'FROM debian:12-slim\nRUN useradd -m app && echo \'app:Summer2024!\' | chpasswd\n',
      good: 'FROM debian:12-slim\nRUN useradd -m app && passwd -l app\n',
    },
    messages: {
      literal: '`{{cmd}}` sets the password of {{user}} to a value written in the Dockerfile: anyone with the Dockerfile or the image history can read it, and every container shares it. Lock the account (use `docker exec`), or set the password at run time from a secret.',
      hash: '`{{cmd}}` gives {{user}} a fixed password hash written in the Dockerfile, the same in every container; lock the account (use `docker exec`), or set the password at run time from a secret.',
    },
  },
  check({ df, report }) {
    forEachRunCommandNamed(df, TOOLS, ({ instr, cmd }) => {
      const h = check(df, instr, cmd);
      if (h) report({ messageId: h.messageId, data: { cmd: h.cmd, user: h.user }, span: h.span });
    });
  },
});

import type { Command, ShellWord } from './types.js';
import { baseName } from './parse.js';

// Commands that run the command named after their options: the options that take a value
// (`sudo -u app pip install`, `env -u HOME apt-get`, `xargs -n 1 apk add`; also as the last letter of
// a bundle, `sudo -Eu app`), the ones after which nothing is run or not as a plain word list
// (`sudo -l`, `command -v curl`, `env -S "..."`, `doas -C conf`), and how many operands come before
// the command (`timeout 600 apt-get ...`, `flock /tmp/lock make`).
interface Wrapper {
  value: ReadonlySet<string>;
  stop: ReadonlySet<string>;
  operands?: number;
}
const NONE: ReadonlySet<string> = new Set();
const WRAPPERS = new Map<string, Wrapper>([
  ['sudo', { value: new Set(['-u', '-g', '-C', '-D', '-h', '-p', '-r', '-t', '-U', '-T', '-R', '--user', '--group', '--close-from', '--chdir', '--host', '--prompt', '--role', '--type', '--other-user', '--command-timeout', '--chroot']), stop: new Set(['-l', '--list', '-e', '--edit', '-v', '--validate', '-V', '--version', '-K', '--remove-timestamp']) }],
  ['doas', { value: new Set(['-u']), stop: new Set(['-C']) }],
  ['env', { value: new Set(['-u', '-C', '--unset', '--chdir']), stop: new Set(['-S', '--split-string']) }],
  ['nice', { value: new Set(['-n', '--adjustment']), stop: NONE }],
  ['ionice', { value: new Set(['-c', '-n', '--class', '--classdata']), stop: new Set(['-p', '--pid', '-P', '--pgid', '-u', '--uid']) }],
  ['nohup', { value: NONE, stop: NONE }],
  ['eatmydata', { value: NONE, stop: NONE }],
  ['chronic', { value: NONE, stop: NONE }],
  ['stdbuf', { value: new Set(['-i', '-o', '-e']), stop: NONE }],
  ['timeout', { value: new Set(['-s', '-k', '--signal', '--kill-after']), stop: NONE, operands: 1 }],
  ['flock', { value: new Set(['-w', '-E', '--timeout', '--conflict-exit-code']), stop: new Set(['-c', '--command']), operands: 1 }],
  ['time', { value: new Set(['-f', '-o', '--format', '--output']), stop: NONE }],
  ['command', { value: NONE, stop: new Set(['-v', '-V']) }],
  ['exec', { value: new Set(['-a']), stop: NONE }],
  // `builtin cd /app`, `busybox wget ...`: run the builtin or applet named next (as ShellCheck, and
  // so hadolint, read them); `busybox --list` and `--install` run none.
  ['builtin', { value: NONE, stop: NONE }],
  ['busybox', { value: NONE, stop: new Set(['--list', '--list-full', '--install', '--help', '--show']) }],
  ['xargs', { value: new Set(['-I', '-n', '-P', '-d', '-a', '-E', '-L', '-s', '--max-args', '--max-procs', '--delimiter', '--arg-file', '--eof', '--max-lines', '--max-chars']), stop: NONE }],
]);
const ASSIGNMENT = /^[A-Za-z_][A-Za-z0-9_]*=/;
const BUNDLE = /^-[A-Za-z]{2,}$/;

/** Is this command name one that runs another command (sudo, env, nice, xargs, ...)? */
export function isWrapper(base: string): boolean {
  return WRAPPERS.has(base);
}

/**
 * The command a wrapper runs, as a command of its own: `sudo -E apt-get install -y curl` gives
 * `apt-get install -y curl` (its words keep their source positions), so rules about apt-get see it.
 * `env`'s and `sudo`'s `NAME=value` words become the inner command's assignments. Undefined when the
 * command is no wrapper or runs nothing (`command -v curl`, `sudo -l`).
 */
export function innerCommand(cmd: Command): Command | undefined {
  const wrapper = WRAPPERS.get(cmd.base);
  if (!wrapper) return undefined;
  const words = cmd.words;
  let assignments: ShellWord[] | undefined;
  let operands = wrapper.operands ?? 0;
  // xargs -I R / -iR / --replace[=R]: R stands for each input line; it is no argument of the command.
  let placeholder: string | undefined;
  let i = 1;
  for (; i < words.length; i++) {
    const v = words[i].value;
    if (v === '--') { i++; break; }
    if (v === '-' && cmd.base === 'env') continue; // `env -` is `env -i`
    if (v.startsWith('-') && v.length > 1) {
      if (wrapper.stop.has(v)) return undefined;
      if (cmd.base === 'xargs') {
        if (v === '-I') placeholder = words[i + 1]?.value;
        else if (v.startsWith('-I')) placeholder = v.slice(2);
        else if (v === '-i' || v === '--replace') placeholder = '{}';
        else if (v.startsWith('-i')) placeholder = v.slice(2);
        else if (v.startsWith('--replace=')) placeholder = v.slice(10);
      }
      // A value option, alone or as the last letter of a bundle (`-Eu app`).
      if (wrapper.value.has(v) || (BUNDLE.test(v) && !v.includes('=') && wrapper.value.has(`-${v[v.length - 1]}`))) i++;
      continue;
    }
    if ((cmd.base === 'env' || cmd.base === 'sudo') && ASSIGNMENT.test(v)) {
      (assignments ??= []).push(words[i]);
      continue;
    }
    if (operands > 0) { operands--; continue; }
    break;
  }
  if (i >= words.length) return undefined;
  const name = words[i];
  const args = placeholder ? words.slice(i + 1).filter((a) => !a.value.includes(placeholder)) : words.slice(i + 1);
  return {
    ...cmd,
    start: name.start,
    name: name.value,
    base: baseName(name.value),
    words: [name, ...args],
    args,
    // Only the wrapper's own `NAME=value` words: a prefix on the wrapper (`X=1 nice cmd`) stays the
    // wrapper's, so it is read once (and sudo drops it anyway).
    assignments: assignments ?? [],
  };
}

/** The command at the end of a chain of wrappers (`sudo env X=1 nice apt-get ...` -> apt-get), or `cmd` itself. */
export function innermostCommand(cmd: Command): Command {
  let c = cmd;
  for (let depth = 0, inner = innerCommand(c); inner && depth < 4; inner = innerCommand(c), depth++) c = inner;
  return c;
}

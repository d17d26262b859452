import type { Command, ShellWord } from '../../model/shell/types.js';
import { baseName } from '../../model/shell/parse.js';

// Commands that run the command named after their options: the options that take a value
// (`sudo -u app pip install`, `env -u HOME apt-get`, `xargs -n 1 apk add`), and the ones after which
// nothing is run, or not as a plain word list (`sudo -l`, `command -v curl`, `env -S "..."`).
interface Wrapper {
  value: ReadonlySet<string>;
  stop: ReadonlySet<string>;
}
const NONE: ReadonlySet<string> = new Set();
const WRAPPERS = new Map<string, Wrapper>([
  ['sudo', { value: new Set(['-u', '-g', '-C', '-D', '-h', '-p', '-r', '-t', '-U', '-T', '-R', '--user', '--group', '--close-from', '--chdir', '--host', '--prompt', '--role', '--type', '--other-user', '--command-timeout', '--chroot']), stop: new Set(['-l', '--list', '-e', '--edit', '-v', '--validate', '-V', '--version', '-k', '-K']) }],
  ['doas', { value: new Set(['-u', '-C']), stop: NONE }],
  ['env', { value: new Set(['-u', '-C', '--unset', '--chdir']), stop: new Set(['-S', '--split-string']) }],
  ['nice', { value: new Set(['-n', '--adjustment']), stop: NONE }],
  ['nohup', { value: NONE, stop: NONE }],
  ['time', { value: new Set(['-f', '-o', '--format', '--output']), stop: NONE }],
  ['command', { value: NONE, stop: new Set(['-v', '-V']) }],
  ['exec', { value: new Set(['-a']), stop: NONE }],
  ['xargs', { value: new Set(['-I', '-n', '-P', '-d', '-a', '-E', '-L', '-s', '--max-args', '--max-procs', '--delimiter', '--arg-file', '--eof', '--max-lines', '--max-chars', '--replace']), stop: NONE }],
]);
const ASSIGNMENT = /^[A-Za-z_][A-Za-z0-9_]*=/;

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
  let i = 1;
  for (; i < words.length; i++) {
    const v = words[i].value;
    if (v === '--') { i++; break; }
    if (v.startsWith('-') && v.length > 1) {
      if (wrapper.stop.has(v)) return undefined;
      if (wrapper.value.has(v)) i++;
      continue;
    }
    if ((cmd.base === 'env' || cmd.base === 'sudo') && ASSIGNMENT.test(v)) {
      (assignments ??= [...cmd.assignments]).push(words[i]);
      continue;
    }
    break;
  }
  if (i >= words.length) return undefined;
  const name = words[i];
  return {
    ...cmd,
    start: name.start,
    name: name.value,
    base: baseName(name.value),
    words: words.slice(i),
    args: words.slice(i + 1),
    assignments: assignments ?? cmd.assignments,
  };
}

import { defineRule } from '../types.js';
import { isPosixShell, rootStage, runCommandsNamed } from '../helpers/dockerfile.js';
import { stageDistro } from '../helpers/distro.js';
import type { Dockerfile, Instruction } from '../../model/dockerfile/types.js';
import type { ShellWord } from '../../model/shell/types.js';

// The RPM distributions (Fedora and its relatives, openSUSE): Fedora 40 made `wget` wget2, which
// rejects --progress=dot:giga (rockdaboot/wget2#317); -nv works with both wget versions.
const RPM_REPOSITORY = /^(?:library\/)?(?:fedora|centos|rockylinux|almalinux|amazonlinux|oraclelinux|opensuse|redhat\/ubi|ubi\d)(?:$|\/)/;

function rpmBased(df: Dockerfile, instr: Instruction): boolean {
  const ref = rootStage(df, df.stages[instr.stage]).ref;
  return !!ref && (ref.registry === 'registry.access.redhat.com' || RPM_REPOSITORY.test(ref.repository.toLowerCase()));
}

// Long options that silence or redirect the progress output.
const QUIET_LONG = new Set(['progress', 'quiet', 'no-verbose', 'output-file', 'append-output']);
// Short options that take a value: the rest of the bundle (or the next word) is that value.
const SHORT_VALUE = 'OoaetTwPUiBlARDIXQn';
// `-e progress=dot:giga` / `--execute=verbose=off` set the same thing as a wgetrc command.
const EXECUTE_QUIET = /^(?:progress\s*=|quiet\s*=\s*on|verbose\s*=\s*off)/i;

/**
 * The words wget receives; a variable with a known value (e.g. `ARG WGET_OPTS=-nv`) is split like the
 * shell would. Expanded on demand: the options usually settle the question before the `$URL`.
 */
class ArgValues {
  private readonly values: string[] = [];
  private next = 0;

  constructor(private readonly df: Dockerfile, private readonly instr: Instruction, private readonly args: ShellWord[]) {}

  /** The value at `i`, or undefined past the end. */
  at(i: number): string | undefined {
    while (i >= this.values.length && this.next < this.args.length) this.push(this.args[this.next++]);
    return this.values[i];
  }

  private push(a: ShellWord): void {
    if (!a.expands) this.values.push(a.value);
    else for (const v of (this.df.expand(this.instr, a.value) ?? a.value).split(/\s+/)) if (v) this.values.push(v);
  }
}

function quiet(values: ArgValues): boolean {
  for (let i = 0; ; i++) {
    const v = values.at(i);
    if (v === undefined) return false;
    if (v === '--') return false;
    if (v.startsWith('--')) {
      const eq = v.indexOf('=');
      const name = v.slice(2, eq < 0 ? undefined : eq);
      if (QUIET_LONG.has(name)) return true;
      if (name === 'execute' && EXECUTE_QUIET.test(eq < 0 ? values.at(i + 1) ?? '' : v.slice(eq + 1))) return true;
      continue;
    }
    if (!v.startsWith('-') || v.length < 2) continue;
    for (let k = 1; k < v.length; k++) {
      const c = v[k];
      if (c === 'q' || c === 'o' || c === 'a') return true;
      if (!SHORT_VALUE.includes(c)) continue;
      const value = k + 1 < v.length ? v.slice(k + 1) : values.at(i + 1) ?? '';
      // `-nv` is wget's short form of --no-verbose.
      if (c === 'n' && value.includes('v')) return true;
      if (c === 'e' && EXECUTE_QUIET.test(value)) return true;
      if (k + 1 === v.length) i++;
      break;
    }
  }
}

export default defineRule({
  id: 'DF046',
  name: 'wget-progress',
  aliases: ['DL3047'],
  meta: {
    target: 'dockerfile',
    category: 'maintainability',
    severity: 'info',
    fixable: 'safe',
    status: 'stable',
    docs: {
      summary: '`wget` without `--progress`, `-q` or `-nv`.',
      why: 'Without a terminal, wget falls back to printing a line of dots for every few kilobytes. A large download floods the build log with thousands of lines. `--progress=dot:giga` keeps a compact progress report; `-nv` or `-q` drop it. The fix adds `--progress=dot:giga` on Debian and Ubuntu, `-nv` on Fedora and the other RPM distributions (since Fedora 40 their wget is wget2, which rejects `--progress=dot:giga`), `-q` on alpine and busybox. Not checked where the shell is not POSIX: a Windows image runs RUN with cmd, and in PowerShell `wget` is Invoke-WebRequest.',
      bad: 'FROM debian:12-slim\nRUN wget https://example.com/app.tar.gz\n',
      good: 'FROM debian:12-slim\nRUN wget --progress=dot:giga https://example.com/app.tar.gz\n',
    },
    messages: {
      noProgress: 'wget without a progress setting floods the build log; add --progress=dot:giga (or -nv / -q).',
      wget2: 'wget without a progress setting floods the build log; add -nv (or -q): on Fedora and its relatives wget may be wget2, which rejects --progress=dot:giga.',
      busybox: 'wget without -q writes its progress bar into the build log; add -q (BusyBox\'s wget, the one on alpine and busybox images, has no --progress).',
    },
  },
  check({ df, report }) {
    for (const { instr, cmd } of runCommandsNamed(df, 'wget', { onbuild: true })) {
      // Under cmd or PowerShell (Windows images), `wget` is PowerShell's Invoke-WebRequest, or text
      // the sh reading of the line took for a command (`powershell -Command a ; wget -Uri ...`).
      if (!isPosixShell(df, instr) || quiet(new ArgValues(df, instr, cmd.args))) continue;
      const word = cmd.words[0];
      // GNU wget takes --progress; BusyBox's (alpine, busybox) does not, and -q is its only way.
      const distro = instr.json ? null : stageDistro(df, df.stages[instr.stage]);
      const rpm = distro === 'gnu' && rpmBased(df, instr);
      const flag = distro === 'gnu' ? (rpm ? '-nv' : '--progress=dot:giga') : distro === null ? null : '-q';
      report({
        messageId: distro === 'alpine' || distro === 'busybox' ? 'busybox' : rpm ? 'wget2' : 'noProgress',
        span: { start: word.start, end: word.end },
        fix: flag ? { title: `Add ${flag}`, edits: [{ start: word.end, end: word.end, text: ` ${flag}` }] } : undefined,
      });
    }
  },
});

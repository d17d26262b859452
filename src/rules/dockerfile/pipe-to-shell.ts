import type { Dockerfile } from '../../model/dockerfile/types.js';
import type { Command } from '../../model/shell/types.js';
import { defineRule, type DockerfileContext } from '../types.js';
import { baseName, instructions, isPosixShell, runCommandsNamed } from '../helpers/dockerfile.js';

const FETCHERS = ['curl', 'wget'];
const SHELLS = new Set(['sh', 'bash', 'ash', 'dash', 'zsh', 'ksh', 'mksh', 'fish']);
// Interpreters that run a program read from stdin, and the flags that make them run something else.
// A Map: a lookup of an arbitrary command name in an object would find `constructor`.
const INTERPRETERS = new Map<string, Set<string>>([
  ['python', new Set(['-c', '-m'])], ['python2', new Set(['-c', '-m'])], ['python3', new Set(['-c', '-m'])],
  ['perl', new Set(['-e', '-E'])], ['ruby', new Set(['-e'])], ['node', new Set(['-e', '-p', '--eval', '--print'])], ['php', new Set(['-r'])],
]);
const SHELL_NOT_STDIN = new Set(['-c']);
const PROC_SUBST = /<\(\s*$/;
// A script file that is stdin itself (`bash /dev/stdin -v latest`).
const STDIN_FILES = new Set(['/dev/stdin', '/proc/self/fd/0', '/dev/fd/0']);
// PowerShell (Windows images): `iex ((New-Object Net.WebClient).DownloadString('https://...'))`, `iwr https://... | iex`.
const PS_RUN = /\b(?:iex|invoke-expression)\b/i;
const PS_FETCH = /\b(?:downloadstring|iwr|irm|invoke-webrequest|invoke-restmethod|curl|wget)\b/i;


/** Does the download go to stdout? curl does unless `-o file`/`-O`; wget only with `-O -`. */
function toStdout(cmd: Command, fetcher: string): boolean {
  const a = cmd.args;
  for (let i = 0; i < a.length; i++) {
    const v = a[i].value;
    if (fetcher === 'curl') {
      if (v === '--output') return a[i + 1]?.value === '-';
      if (v.startsWith('--output=')) return v === '--output=-';
      if (v === '--remote-name' || v === '--remote-name-all') return false;
      if (v.charCodeAt(0) === 45 /* - */ && /^-[a-zA-Z]+$/.test(v) && /[oO]/.test(v)) {
        if (v.includes('O')) return false;
        const rest = v.slice(v.indexOf('o') + 1);
        return (rest || a[i + 1]?.value) === '-';
      }
    } else {
      if (v === '--output-document') return a[i + 1]?.value === '-';
      if (v.startsWith('--output-document=')) return v === '--output-document=-';
      const m = v.charCodeAt(0) === 45 /* - */ ? /^-[a-zA-Z]*O(.*)$/.exec(v) : null;
      if (m) return (m[1] || a[i + 1]?.value) === '-';
    }
  }
  return fetcher === 'curl';
}

/** The program a command runs, looking through `sudo [-E] ...`, `env [VAR=x] ...` and `busybox sh`. */
function program(cmd: Command): { name: string; args: Command['args'] } {
  let name = cmd.base;
  let args = cmd.args;
  while (name === 'sudo' || name === 'env' || name === 'exec' || name === 'busybox') {
    let k = 0;
    while (k < args.length && (args[k].value.startsWith('-') || args[k].value.includes('='))) k += name === 'sudo' && (args[k].value === '-u' || args[k].value === '-g') ? 2 : 1;
    if (k >= args.length) break;
    name = baseName(args[k].value);
    args = args.slice(k + 1);
  }
  return { name, args };
}

/** Does this command run as a program what it reads on stdin (`sh`, `bash -s --`, `python3 -`)? */
function runsStdin(cmd: Command): boolean {
  const { name, args } = program(cmd);
  const isShell = SHELLS.has(name);
  const skip = isShell ? SHELL_NOT_STDIN : INTERPRETERS.get(name.replace(/[\d.]+$/, '')) ?? INTERPRETERS.get(name);
  if (!skip) return false;
  for (const a of args) {
    if (a.value === '-' || a.value === '--') return true;
    if (skip.has(a.value)) return false;
    // `sh -s` reads the script from stdin whatever follows.
    if (isShell && /^-[a-z]*s/.test(a.value)) return true;
    if (!a.value.startsWith('-')) return STDIN_FILES.has(a.value); // a script file: stdin is only its input
  }
  return true;
}

export default defineRule({
  id: 'DF110',
  name: 'pipe-to-shell',
  aliases: [],
  meta: {
    target: 'dockerfile',
    category: 'security',
    severity: 'warning',
    fixable: null,
    status: 'stable',
    docs: {
      summary: 'A downloaded script is run straight from the network (`curl ... | sh`, `sh -c "$(curl ...)"`).',
      why: 'Piping a download into a shell runs whatever the server sends at build time, unverified: a compromised host, a man-in-the-middle or a half-finished transfer becomes code running as root in your build. Download the file, check its SHA-256 against a pinned value, then run it (or install the tool from a package manager or a verified release). Flags curl/wget piped into a shell or an interpreter that reads its program from stdin (sh, bash, `bash /dev/stdin`, python3 -, perl, ...; also behind sudo/env, and through `| tee file |`), `sh -c "$(curl ...)"`, `eval "$(curl ...)"` and `bash <(curl ...)`, in any stage and in ONBUILD triggers. On Windows images (RUN under cmd or PowerShell) it flags `iex`/`Invoke-Expression` of a download in the same statement: `iex ((New-Object Net.WebClient).DownloadString(...))`, `iwr ... | iex`, `iex (irm ...)`. Skips pipes into tools that only read data (`tar`, `gpg`, `python3 -c`, `sh script.sh`) and scripts nested inside `sh -c "..."` strings, which are not parsed.',
      bad: 'FROM debian:12-slim\nRUN curl -fsSL https://deb.nodesource.com/setup_20.x | bash -\n',
      good: 'FROM debian:12-slim\nRUN curl -fsSLo /tmp/setup.sh https://deb.nodesource.com/setup_20.x \\\n && echo "0f1e4cbc3b1e1b3d1a0f2ff1c6b0a4f1d8c7e0d9a1b2c3d4e5f60718293a4b5c  /tmp/setup.sh" | sha256sum -c - \\\n && bash /tmp/setup.sh && rm /tmp/setup.sh\n',
    },
    messages: {
      pipe: 'The output of {{fetcher}} is run directly by {{shell}}; download to a file, verify its sha256sum against a pinned value, then run it.',
      subst: '{{shell}} runs a script fetched by {{fetcher}} without checking it; download to a file, verify its sha256sum against a pinned value, then run it.',
      powershell: '{{shell}} runs a script fetched by {{fetcher}} without checking it; save it with -OutFile, compare (Get-FileHash <file>).Hash with a pinned SHA-256, then run it.',
    },
  },
  check({ df, report, source }) {
    // Only the curl and wget commands (from the per-file index, in file order), with their RUN's commands around them.
    for (const { instr, cmd: c, base: fetcher } of runCommandsNamed(df, FETCHERS, { onbuild: true })) {
      const cmds = df.script(instr).commands;
      // A command run by a wrapper (`sudo curl ...`) stands where its wrapper does.
      let i = cmds.indexOf(c);
      if (i < 0) i = cmds.findIndex((x) => x.start <= c.start && x.end === c.end);
      if (!c.nested) {
        if (c.after !== '|' || !toStdout(c, fetcher)) continue;
        // The pipe partner is the next top-level command (commands from `$(...)` inside curl's words come first).
        let j = i + 1;
        while (j < cmds.length && (cmds[j].nested || cmds[j].start < c.end)) j++;
        // `curl ... | tee /tmp/i.sh | sh`: tee passes the script on.
        while (cmds[j]?.base === 'tee' && cmds[j].before === '|' && cmds[j].after === '|') {
          const end = cmds[j].end;
          while (++j < cmds.length && (cmds[j].nested || cmds[j].start < end));
        }
        const next = cmds[j];
        if (next && next.before === '|' && runsStdin(next)) {
          report({ messageId: 'pipe', data: { fetcher, shell: program(next).name }, span: { start: c.start, end: next.end } });
        }
        continue;
      }
      // Inside `$(...)` or `<(...)`: which top-level command encloses it?
      let k = i - 1;
      while (k >= 0 && (cmds[k].nested || cmds[k].start > c.start)) k--;
      const outer = cmds[k];
      if (!outer) continue;
      const { name, args } = program(outer);
      let runs = false;
      if (PROC_SUBST.test(source.text.slice(Math.max(0, c.start - 8), c.start))) {
        runs = SHELLS.has(name) || name === 'source' || name === '.';
      } else if (name === 'eval') {
        runs = args.some((a) => a.start <= c.start && c.end <= a.end);
      } else if (SHELLS.has(name)) {
        const flag = args.findIndex((a) => /^-[a-z]*c[a-z]*$/.test(a.value));
        const script = flag >= 0 ? args[flag + 1] : undefined;
        // `sh -c "$(curl ...)"` runs what curl prints; a curl inside a plain `sh -c '...'` script is
        // one of its commands (the parser reads such scripts), not its source.
        runs = !!script && script.expands && script.start <= c.start && c.end <= script.end;
      }
      if (runs) report({ messageId: 'subst', data: { fetcher, shell: name }, span: { start: outer.start, end: Math.max(outer.end, c.end) } });
    }
    checkPowerShell(df, report);
  },
});

/** `iex (... DownloadString(...))` and `iwr ... | iex` in the RUNs of a Windows (cmd or PowerShell) shell. */
function checkPowerShell(df: Dockerfile, report: DockerfileContext['report']): void {
  for (const instr of instructions(df, { onbuild: true })) {
    if (instr.keyword !== 'RUN' || isPosixShell(df, instr)) continue;
    const text = instr.args.text;
    if (!PS_RUN.test(text)) continue;
    // One statement at a time: `;` ends one (also inside `powershell -Command "..."`).
    let from = 0;
    for (const stmt of text.split(';')) {
      const run = PS_RUN.exec(stmt);
      const fetch = run ? PS_FETCH.exec(stmt) : null;
      if (run && fetch) {
        const piped = fetch.index < run.index && stmt.lastIndexOf('|', run.index) > fetch.index;
        if (piped || fetch.index > run.index) {
          const start = from + Math.min(run.index, fetch.index);
          const end = from + (piped ? run.index + run[0].length : stmt.trimEnd().replace(/[\s"'`\\]+$/, '').length);
          report({ messageId: 'powershell', data: { fetcher: fetch[0], shell: run[0] }, span: { start: instr.args.toSource(start), end: instr.args.toSourceEnd(end) } });
        }
      }
      from += stmt.length + 1;
    }
  }
}

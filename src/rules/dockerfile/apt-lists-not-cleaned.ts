import { defineRule } from '../types.js';
import { commandsIn, canAppendAfter, runCommandsNamed, subcommand } from '../helpers/dockerfile.js';
import { cacheMountCovers, removesCacheDir } from '../helpers/package-cache.js';
import type { RunCommand } from '../helpers/dockerfile.js';
import type { Dockerfile, Instruction } from '../../model/dockerfile/types.js';
import type { Command } from '../../model/shell/types.js';

const LISTS = '/var/lib/apt/lists';
const LIST_DIRS = [LISTS];
const SHELLS = new Set(['sh', 'bash', 'dash', 'ash', 'zsh', 'ksh']);
const APT_NAMES = ['apt-get', 'apt', 'aptitude', 'apt-cache'];
const APT = new Set(APT_NAMES);
const VALUE_FLAGS = ['-o', '--option', '-c', '--config-file', '-t', '--target-release', '--default-release', '-a', '--host-architecture'];
// Subcommands that do not read the package lists.
const LIST_FREE = new Set(['update', 'clean', 'autoclean', 'distclean', 'dist-clean', 'remove', 'purge', 'autoremove']);


/** The apt subcommand (`update`, `install`, ...) of a command already known to be an apt one. */
function aptSub(cmd: Command): string | undefined {
  return subcommand(cmd, VALUE_FLAGS)?.word.value;
}

/** `rm -rf /var/lib/apt/lists/*`, `find /var/lib/apt/lists -delete`, or `apt-get distclean`. */
function removesLists(df: Dockerfile, instr: Instruction, cmd: Command): boolean {
  const name = cmd.base;
  // `sh -c "... && rm -rf /var/lib/apt/lists/*"` that the parser leaves as one word (it has expansions,
  // escapes or continuations; plain ones are read as commands): read the script as text.
  if (SHELLS.has(name)) {
    const c = cmd.args.findIndex((a) => /^-[a-z]*c$/.test(a.value));
    const script = c >= 0 ? cmd.args[c + 1]?.value ?? '' : '';
    return script.includes(LISTS) && /(?:^|[\s;&|(])rm\s/.test(script);
  }
  if (name === 'rm') return removesCacheDir(cmd, LIST_DIRS, df, instr);
  if (name === 'find') return cmd.args.some((a) => a.value.startsWith(LISTS)) && cmd.args.some((a) => a.value === '-delete' || a.value === '-exec');
  if (!APT.has(name)) return false;
  const sub = aptSub(cmd);
  return sub === 'distclean' || sub === 'dist-clean';
}


/** A cache or tmpfs mount over the lists keeps them out of the layer. */
function mountedLists(df: Dockerfile, instr: Instruction): boolean {
  return cacheMountCovers(df, instr, LIST_DIRS);
}

/**
 * Offset of the last RUN that reads apt lists it did not download itself (deleting them earlier would break it).
 * Walks only the apt commands (all RUNs', in file order): no other command reads or fetches lists.
 */
function lastListReader(aptCommands: readonly RunCommand[]): number {
  let last = -1;
  let updated = -1;
  let prev: Instruction | undefined;
  for (const { instr, cmd } of aptCommands) {
    if (instr !== prev) { prev = instr; updated = -1; }
    const sub = aptSub(cmd);
    if (sub === undefined) continue;
    if (sub === 'update') updated = Math.max(updated, cmd.start);
    else if (!LIST_FREE.has(sub) && (updated < 0 || updated > cmd.start)) last = instr.start;
  }
  return last;
}

export default defineRule({
  id: 'DF011',
  name: 'apt-lists-not-cleaned',
  aliases: ['DL3009'],
  meta: {
    target: 'dockerfile',
    category: 'performance',
    severity: 'info',
    fixable: 'safe',
    status: 'stable',
    docs: {
      summary: '`apt-get update` in a shipped stage without removing `/var/lib/apt/lists` in the same RUN.',
      why: 'The package lists that `apt-get update` downloads are tens of megabytes the running container never needs. Deleting them in a later RUN does not help: they stay in the earlier layer. Remove them at the end of the same RUN, or keep them in a cache mount.',
      bad: 'FROM debian:12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends curl=7.88.1-10+deb12u8\n',
      good: 'FROM debian:12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends curl=7.88.1-10+deb12u8 && rm -rf /var/lib/apt/lists/*\n',
    },
    messages: {
      notCleaned: '`{{cmd}} update` leaves the package lists in this layer; end the same RUN with `rm -rf /var/lib/apt/lists/*` (or use a cache mount on /var/lib/apt/lists).',
    },
  },
  check({ df, report }) {
    const apt = runCommandsNamed(df, APT_NAMES, { onbuild: true });
    let reader: number | undefined;
    // Only RUNs with an apt command (an `apt-get update` is one), from the per-file index, in file order:
    // a RUN's apt commands are consecutive there, `apt[first..end)`.
    for (let first = 0, end = 0; first < apt.length; first = end) {
      const instr = apt[first].instr;
      end = first + 1;
      while (end < apt.length && apt[end].instr === instr) end++;
      if (!df.shippedStages.has(instr.stage)) continue;
      let update: Command | undefined;
      for (let k = first; k < end; k++) {
        const { cmd: c, base } = apt[k];
        if (base !== 'apt-cache' && (!update || c.start > update.start) && aptSub(c) === 'update') update = c;
      }
      if (!update) continue;
      const u = update;
      const cmds = commandsIn(df, instr);
      if (cmds.some((c) => c.start > u.start && removesLists(df, instr, c))) continue;
      if (mountedLists(df, instr)) continue;

      const sub = subcommand(u, VALUE_FLAGS)!.word;
      // The fix appends to the RUN's last command (a script run after apt, such as a helper that
      // installs, may still read the lists); only where that cannot change control flow (not in a
      // loop, a subshell, or an if/case branch the update is not in) and no later RUN relies on the
      // lists. None where nothing runs after the update (`RUN apt-get update` alone): the lists were
      // fetched for a later step (a script, another tool), which removing them would break.
      const last = lastCommand(cmds);
      const fixable = usesListsAfter(cmds, u) && canAppendAfter(df, instr, last) && !closesCompound(df, instr, u, last) && (reader ??= lastListReader(apt)) <= instr.start;
      report({
        messageId: 'notCleaned',
        data: { cmd: u.base },
        span: { start: u.words[0].start, end: sub.end },
        fix: fixable ? { title: 'Remove the apt lists at the end of the RUN', edits: [{ start: last.end, end: last.end, text: ' && rm -rf /var/lib/apt/lists/*' }] } : undefined,
      });
    }
  },
});

/**
 * Does something run after `update` in the RUN that may read the lists (an install, a script), not
 * just an apt command that never reads them (`apt-get clean`)?
 */
function usesListsAfter(cmds: readonly Command[], update: Command): boolean {
  return cmds.some((c) => c.start > update.start && !(APT.has(c.base) && LIST_FREE.has(aptSub(c) ?? '')));
}

const CLOSER = /^(?:fi|done|esac|else|elif|\})(?![^\s;&|)])/;
const OPENER = /(?:^|[\s;&|(])(?:if|case|then|else|elif|do|\{)(?=[\s;])|\(\s*\)/;

/**
 * Is `cmd` the last command of an if, case, group or function body opened after `update`
 * (`apt-get update && ...; if [ "$DEV" ]; then apt-get install gdb; fi`)? A cleanup appended there
 * runs only in that branch, or never (a function not called). (A RUN that is one `if` around the
 * update and the install is fine: the cleanup runs in the same branch.)
 */
function closesCompound(df: Dockerfile, instr: Instruction, update: Command, cmd: Command): boolean {
  const text = df.source.text;
  let i = cmd.end;
  while (i < instr.end) {
    const c = text[i];
    if (c === ' ' || c === '\t' || c === '\r' || c === '\n' || c === ';') i++;
    // A line continuation (Docker joins the lines).
    else if (c === df.escape && (text[i + 1] === '\n' || text[i + 1] === '\r')) i += 2;
    else return CLOSER.test(text.slice(i, i + 6)) && OPENER.test(text.slice(update.end, cmd.start));
  }
  return false;
}

/** The command that ends the script (the one starting last). */
function lastCommand(cmds: readonly Command[]): Command {
  let last = cmds[0];
  for (const c of cmds) if (c.start > last.start) last = c;
  return last;
}

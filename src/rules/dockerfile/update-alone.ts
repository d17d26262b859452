import { defineRule } from '../types.js';
import { commandsIn, runCommandsNamed, subcommand } from '../helpers/dockerfile.js';
import { indexFamily } from '../helpers/package-index.js';
import type { Command, ShellWord } from '../../model/shell/types.js';
import type { Dockerfile, Instruction } from '../../model/dockerfile/types.js';

// Shells and wrappers whose script (not visible here) may install from the fresh index.
// (sudo, env, nice, xargs... are not among them: the command they run is read as a command of its own.)
const SCRIPT_RUNNERS = new Set(['sh', 'bash', 'dash', 'ash', 'zsh', 'ksh', 'busybox', 'eval', 'source', '.', 'make', 'chroot', 'su', 'gosu', 'su-exec', 'runuser']);
// Installers that resolve dependencies from the apt index without being apt themselves.
const INDEX_READERS = new Set(['gdebi', 'mk-build-deps', 'debconf-apt-progress', 'equivs-build', 'add-pkg', 'clean-install']);

// apt installs from whatever index the layer holds. apk (2.10+) re-downloads a cached index older
// than four hours on add/upgrade, and dnf, yum and zypper refresh expired metadata themselves, so an
// old cached index does not mislead them.
const APT = indexFamily('apt-get')!;
// `apt-get install --update` (apt 3) refreshes the index first.
const UPDATE_FIRST = new Set(['--update']);
// The subcommands that install (or fetch packages) from the index: a later one of these is the reader.
const INSTALLS = new Set(['install', 'upgrade', 'dist-upgrade', 'full-upgrade', 'build-dep', 'reinstall', 'satisfy', 'source', 'download']);

/** May this command, run after the refresh in the same RUN, install from the fresh index? */
function mayUseIndex(cmd: Command): boolean {
  const base = cmd.base;
  const own = indexFamily(base);
  if (own === APT) {
    const sub = subcommand(cmd, APT.valueFlags)?.word.value;
    return sub !== undefined && APT.use.includes(sub);
  }
  if (own) return false;
  // A script by path (./install.sh, /usr/local/bin/setup), a shell or wrapper, or an installer
  // helper (install_packages, docker-php-ext-install, install-php-extensions).
  return cmd.name.includes('/') || base.endsWith('.sh') || SCRIPT_RUNNERS.has(base) || INDEX_READERS.has(base) || (base !== 'install' && base.includes('install'));
}

export default defineRule({
  id: 'DF114',
  name: 'update-alone',
  aliases: ['DS017', 'CKV_DOCKER_5'],
  meta: {
    target: 'dockerfile',
    category: 'reliability',
    severity: 'warning',
    fixable: null,
    status: 'stable',
    docs: {
      summary: 'A RUN refreshes the apt package index (`apt-get update`) without installing, and a later RUN installs from that cached index.',
      why: 'The build cache keeps a RUN whose text has not changed, so a RUN that only runs `apt-get update` is reused for months: when a later `apt-get install` step is rebuilt (a package was added), it installs from that stale index and fails on versions the mirror no longer has, or silently gets old ones. Run the update and the install in the same RUN (`apt-get update && apt-get install -y ...`). Reported only when a later RUN of the same stage (or of a stage built FROM it) installs without refreshing first; `apt-get install --update` refreshes. Checked in every stage and in ONBUILD triggers. apk, dnf, yum and zypper are left out: apk (2.10 and later) downloads a cached index again when it is more than four hours old, and the others refresh expired metadata themselves. A RUN that goes on to run a script, a shell or an installer helper (`./install.sh`, `install_packages`, `xargs apt-get install`) after the update is not reported, since the script may install. Trivy reports this as DS017 and Checkov as CKV_DOCKER_5; for built images see the image rule of the same name (IM003).',
      bad: 'FROM debian:12-slim\nRUN apt-get update\nRUN apt-get install -y --no-install-recommends curl=7.88.1-10+deb12u8 && rm -rf /var/lib/apt/lists/*\n',
      good: 'FROM debian:12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends curl=7.88.1-10+deb12u8 && rm -rf /var/lib/apt/lists/*\n',
      references: ['https://docs.docker.com/build/building/best-practices/#apt-get'],
    },
    messages: {
      alone: '`{{cmd}}` runs in a RUN that installs nothing after it, and the build cache keeps that layer: `{{reader}}` on line {{line}} then installs from a stale index. Run `{{cmd}}` and the install in the same RUN.',
    },
  },
  check({ df, report }) {
    const steps: Step[] = [];
    const refreshes: Array<{ step: Step; word: ShellWord }> = [];
    for (const { instr, cmd } of runCommandsNamed(df, APT.names, { onbuild: true })) {
      const sub = subcommand(cmd, APT.valueFlags);
      if (!sub) continue;
      const name = sub.word.value;
      const refresh = APT.refresh.includes(name) || cmd.args.some((a) => UPDATE_FIRST.has(a.value));
      // Lookups (apt-cache, apt show/list/search) read the index but install nothing from it.
      if (!refresh && (!INSTALLS.has(name) || cmd.base === 'apt-cache')) continue;
      const step = { instr, cmd, sub: name, refresh };
      steps.push(step);
      if (APT.refresh.includes(name)) refreshes.push({ step, word: sub.word });
    }
    if (refreshes.length === 0) return;
    const readerOf = readers(df, steps);
    for (const { step, word } of refreshes) {
      const reader = readerOf.get(step);
      if (!reader) continue;
      const { instr, cmd } = step;
      if (commandsIn(df, instr).some((c) => c.start > cmd.start && mayUseIndex(c))) continue;
      report({ messageId: 'alone', data: { cmd: `${cmd.base} ${word.value}`, reader: `${reader.cmd.base} ${reader.sub}`, line: reader.instr.line }, span: { start: cmd.words[0].start, end: word.end } });
    }
  },
});

/** A package-manager command that refreshes the index or reads it, in file order. */
interface Step {
  instr: Instruction;
  cmd: Command;
  sub: string;
  refresh: boolean;
}

/**
 * For each refresh, the first later command that installs from its index before anything refreshes
 * it again, worked out for all refreshes at once in linear time: the next step in the same stage
 * (ONBUILD triggers: the same stage's triggers) decides; after a stage's last step, the first step of
 * each stage built FROM it does (a refresh there supersedes it for that stage and its children), and
 * a stage without steps passes on what its own children hold.
 */
function readers(df: Dockerfile, steps: readonly Step[]): Map<Step, Step> {
  // The steps of each stage's RUNs and of its ONBUILD triggers, in file order.
  const own = df.stages.map((): Step[] => []);
  const triggers = df.stages.map((): Step[] => []);
  for (const s of steps) {
    const stage = (s.instr.parent ?? s.instr).stage;
    if (stage >= 0) (s.instr.parent ? triggers : own)[stage].push(s);
  }
  const children = df.stages.map((): number[] => []);
  for (const st of df.stages) if (st.parentStage !== null && st.parentStage < st.index) children[st.parentStage].push(st.index);
  // The reader each stage's children hold, stages last to first (a child comes after its parent).
  const below: (Step | undefined)[] = [];
  for (let i = df.stages.length - 1; i >= 0; i--) {
    let found: Step | undefined;
    for (const c of children[i]) {
      const first = own[c][0];
      const candidate = first ? (first.refresh ? undefined : first) : below[c];
      if (candidate && (!found || candidate.instr.start < found.instr.start)) found = candidate;
    }
    below[i] = found;
  }
  const out = new Map<Step, Step>();
  const link = (list: Step[], after: Step | undefined): void => list.forEach((s, j) => {
    if (!s.refresh) return;
    const next = list[j + 1];
    const reader = next ? (next.refresh ? undefined : next) : after;
    if (reader) out.set(s, reader);
  });
  own.forEach((list, i) => link(list, below[i]));
  triggers.forEach((list) => link(list, undefined));
  return out;
}

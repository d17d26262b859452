import { defineRule } from '../types.js';
import { commandsIn, runCommandsNamed, stageChain, subcommand, type RunCommand } from '../helpers/dockerfile.js';
import { indexFamily, type IndexFamily } from '../helpers/package-index.js';
import type { Command } from '../../model/shell/types.js';
import type { Dockerfile, Instruction } from '../../model/dockerfile/types.js';

// Shells and wrappers whose script (not visible here) may install from the fresh index.
const SCRIPT_RUNNERS = new Set(['sh', 'bash', 'dash', 'ash', 'zsh', 'ksh', 'busybox', 'eval', 'source', '.', 'xargs', 'make', 'env', 'nice', 'chroot', 'su', 'sudo', 'gosu', 'su-exec', 'runuser']);
// Installers that resolve dependencies from the apt index without being apt themselves.
const INDEX_READERS = new Set(['gdebi', 'mk-build-deps', 'debconf-apt-progress', 'equivs-build', 'add-pkg', 'clean-install']);

// apt and apk install from whatever index the layer holds; dnf, yum and zypper refresh expired
// metadata themselves, so an old cached index does not mislead them.
const STALE_PRONE = [indexFamily('apt-get')!, indexFamily('apk')!];
const STALE_PRONE_NAMES = STALE_PRONE.flatMap((f) => f.names);
// `apt-get install --update` (apt 3) and `apk add -U` refresh the index first.
const UPDATE_FIRST = new Set(['--update', '--update-cache', '-U']);

/** May this command, run after the refresh in the same RUN, install from the fresh index? */
function mayUseIndex(cmd: Command, fam: IndexFamily): boolean {
  const base = cmd.base;
  const own = indexFamily(base);
  if (own === fam) {
    const sub = subcommand(cmd, fam.valueFlags)?.word.value;
    return sub !== undefined && fam.use.includes(sub);
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
      summary: 'A RUN refreshes the package index (`apt-get update`, `apk update`) without installing, and a later RUN installs from that cached index.',
      why: 'The build cache keeps a RUN whose text has not changed, so a RUN that only runs `apt-get update` is reused for months: when a later `apt-get install` step is rebuilt (a package was added), it installs from that stale index and fails on versions the mirror no longer has, or silently gets old ones. Run the update and the install in the same RUN (`apt-get update && apt-get install -y ...`). Reported only when a later RUN of the same stage (or of a stage built FROM it) installs without refreshing first; `apt-get install --update` and `apk add -U` refresh. Checked in every stage and in ONBUILD triggers. dnf, yum and zypper are left out: they refresh expired metadata themselves. A RUN that goes on to run a script, a shell or an installer helper (`./install.sh`, `install_packages`, `xargs apt-get install`) after the update is not reported, since the script may install. Trivy reports this as DS017 and Checkov as CKV_DOCKER_5; for built images see the image rule of the same name (IM003).',
      bad: 'FROM debian:12-slim\nRUN apt-get update\nRUN apt-get install -y --no-install-recommends curl=7.88.1-10+deb12u8 && rm -rf /var/lib/apt/lists/*\n',
      good: 'FROM debian:12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends curl=7.88.1-10+deb12u8 && rm -rf /var/lib/apt/lists/*\n',
      references: ['https://docs.docker.com/build/building/best-practices/#apt-get'],
    },
    messages: {
      alone: '`{{cmd}}` runs in a RUN that installs nothing after it, and the build cache keeps that layer: `{{reader}}` on line {{line}} then installs from a stale index. Run `{{cmd}}` and the install in the same RUN.',
    },
  },
  check({ df, report }) {
    const calls = runCommandsNamed(df, STALE_PRONE_NAMES, { onbuild: true });
    calls.forEach(({ instr, cmd }, i) => {
      const fam = indexFamily(cmd.base)!;
      const sub = subcommand(cmd, fam.valueFlags);
      if (!sub || !fam.refresh.includes(sub.word.value)) return;
      const later = commandsIn(df, instr).filter((c) => c.start > cmd.start);
      if (later.some((c) => mayUseIndex(c, fam))) return;
      const reader = laterReader(df, calls, i, fam);
      if (!reader) return;
      const name = `${cmd.base} ${sub.word.value}`;
      report({ messageId: 'alone', data: { cmd: name, reader: `${reader.cmd.base} ${reader.sub}`, line: reader.instr.line }, span: { start: cmd.words[0].start, end: sub.word.end } });
    });
  },
});

/**
 * The first command of a later RUN that installs from the family's index without refreshing it first
 * in its own RUN: in the same stage (an ONBUILD trigger: the same stage's triggers) or a stage built
 * FROM it. `calls` are the index commands of every RUN in file order; `i` is the refresh.
 */
function laterReader(df: Dockerfile, calls: readonly RunCommand[], i: number, fam: IndexFamily): { instr: Instruction; cmd: Command; sub: string } | undefined {
  const from = calls[i].instr;
  const trigger = from.parent !== null;
  const stage = df.stages[(from.parent ?? from).stage];
  let refreshed: Instruction | undefined;
  for (let k = i + 1; k < calls.length; k++) {
    const { instr, cmd } = calls[k];
    if (instr === from || instr === refreshed || (instr.parent !== null) !== trigger) continue;
    // apt-cache only looks packages up: it reads the index but installs nothing from it.
    if (indexFamily(cmd.base) !== fam || cmd.base === 'apt-cache') continue;
    const other = df.stages[(instr.parent ?? instr).stage];
    if (!other || !stage || (other !== stage && !stageChain(df, other).includes(stage))) continue;
    const sub = subcommand(cmd, fam.valueFlags)?.word.value;
    if (sub === undefined) continue;
    if (fam.refresh.includes(sub) || cmd.args.some((a) => UPDATE_FIRST.has(a.value))) refreshed = instr;
    else if (fam.use.includes(sub)) return { instr, cmd, sub };
  }
  return undefined;
}

import { defineRule } from '../types.js';
import { aptSimulates } from '../helpers/apt.js';
import { findFlagResolved, insertFlagAfter, runCommandsNamed, subcommand } from '../helpers/dockerfile.js';
import type { Dockerfile, Instruction, Stage } from '../../model/dockerfile/types.js';
import type { ShellWord } from '../../model/shell/types.js';

const VALUE_FLAGS = ['-o', '--option', '-c', '--config-file', '-t', '--target-release', '--default-release', '-a', '--host-architecture'];
// `-o APT::Install-Recommends=false` on the command line.
const OPTION_OFF = /APT::Install-Recommends=["']?(?:0|false|no|off)\b/i;
// Shorter words cannot match OPTION_OFF (`APT::Install-Recommends=0` is the shortest): skips the regex for most.
const turnsOffRecommends = (w: ShellWord): boolean => w.value.length >= 25 && OPTION_OFF.test(w.value);
const NO_RECOMMENDS = ['no-install-recommends'];
// `APT::Install-Recommends "0";` written to an apt.conf file by an earlier RUN.
const CONFIG_OFF = /APT::Install-Recommends\s+\\?["']?(?:0|false|no|off)\b/i;

/** Instructions that turn recommends off for later installs (config written to apt.conf.d). */
function configInstructions(df: Dockerfile): Instruction[] {
  const out: Instruction[] = [];
  for (const i of df.instructions) {
    const text = i.args.text;
    // Written where apt reads it (apt.conf or apt.conf.d), not to some other file.
    if (i.keyword === 'RUN' && text.includes('Install-Recommends') && text.includes('/etc/apt/apt.conf') && CONFIG_OFF.test(text)) out.push(i);
    else if ((i.keyword === 'COPY' || i.keyword === 'ADD') && /recommend/i.test(text) && text.includes('/etc/apt/apt.conf.d')) out.push(i);
  }
  return out;
}

/** Is one of `configs` in effect at `instr` (earlier in its stage or in an ancestor stage)? */
function configured(df: Dockerfile, configs: Instruction[], instr: Instruction): boolean {
  const chain = new Set<number>();
  for (let s: Stage | undefined = df.stages[instr.stage]; s && !chain.has(s.index); s = s.parentStage !== null ? df.stages[s.parentStage] : undefined) {
    chain.add(s.index);
  }
  return configs.some((c) => chain.has(c.stage) && (c.stage !== instr.stage || c.start <= instr.start));
}


export default defineRule({
  id: 'DF013',
  name: 'apt-install-recommends',
  aliases: ['DL3015'],
  meta: {
    target: 'dockerfile',
    category: 'performance',
    severity: 'info',
    fixable: 'unsafe',
    status: 'stable',
    docs: {
      summary: '`apt-get install` without `--no-install-recommends`.',
      why: 'By default apt also installs every "recommended" package, which often doubles the download and adds software the container never uses (and more CVEs to patch). Install only what you need with `--no-install-recommends`, and list a recommended package explicitly when you do need it (ca-certificates for HTTPS is the usual one).',
      bad: 'FROM debian:12-slim\nRUN apt-get update && apt-get install -y curl=7.88.1-10+deb12u8 && rm -rf /var/lib/apt/lists/*\n',
      good: 'FROM debian:12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends curl=7.88.1-10+deb12u8 && rm -rf /var/lib/apt/lists/*\n',
    },
    messages: {
      missing: '`apt-get install` also installs recommended packages; add --no-install-recommends and list the extra packages you really need.',
    },
  },
  check({ df, report }) {
    let configs: Instruction[] | undefined;
    for (const { instr, cmd } of runCommandsNamed(df, 'apt-get', { onbuild: true })) {
      const sub = subcommand(cmd, VALUE_FLAGS);
      if (!sub || sub.word.value !== 'install' || aptSimulates(cmd)) continue;
      if (findFlagResolved(df, instr, cmd, '', NO_RECOMMENDS) || cmd.args.some(turnsOffRecommends)) continue;
      configs ??= configInstructions(df);
      if (configs.length > 0 && configured(df, configs, instr)) continue;
      const edits = insertFlagAfter(df, instr, sub.word, '--no-install-recommends');
      report({
        messageId: 'missing',
        span: { start: cmd.words[0].start, end: sub.word.end },
        // Unsafe: a dropped recommendation can be something the image needs (curl's ca-certificates).
        fix: edits ? { title: 'Add --no-install-recommends', edits } : undefined,
      });
    }
  },
});

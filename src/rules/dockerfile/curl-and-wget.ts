import { defineRule } from '../types.js';
import { commandsIn, instructions, runCommandsNamed } from '../helpers/dockerfile.js';
import type { Dockerfile } from '../../model/dockerfile/types.js';
import type { Command } from '../../model/shell/types.js';

const WITH_ONBUILD = { onbuild: true };

/** Does any RUN (ONBUILD ones included) run `name`? A lookup in the per-file index. */
function runs(df: Dockerfile, name: string): boolean {
  return runCommandsNamed(df, name, WITH_ONBUILD).length > 0;
}

export default defineRule({
  id: 'DF068',
  name: 'curl-and-wget',
  aliases: ['DL4001'],
  meta: {
    target: 'dockerfile',
    category: 'maintainability',
    severity: 'warning',
    fixable: null,
    status: 'stable',
    docs: {
      summary: 'A stage uses both curl and wget.',
      why: 'Two download tools do the same job: both have to be installed, patched and scanned, and their different defaults (redirects, failing on HTTP errors, retries) make downloads behave inconsistently. Pick one per stage.',
      bad: 'FROM debian:12-slim\nRUN curl -fsSLo /tmp/a.tgz https://example.com/a.tgz\nRUN wget -q https://example.com/b.tgz\n',
      good: 'FROM debian:12-slim\nRUN curl -fsSLo /tmp/a.tgz https://example.com/a.tgz\nRUN curl -fsSLO https://example.com/b.tgz\n',
    },
    messages: { both: 'This stage already uses {{first}} (line {{line}}); use it here too instead of {{second}}, so only one download tool is needed.' },
  },
  check({ df, report, source }) {
    if (!runs(df, 'curl') || !runs(df, 'wget')) return;
    // Per stage: the tool used first sets the choice; every use of the other one is reported.
    let stage = -2;
    let first: { name: string; cmd: Command } | undefined;
    for (const instr of instructions(df, WITH_ONBUILD)) {
      if (instr.stage !== stage) {
        stage = instr.stage;
        first = undefined;
      }
      if (instr.keyword !== 'RUN') continue;
      for (const cmd of commandsIn(df, instr)) {
        const name = cmd.base;
        if (name !== 'curl' && name !== 'wget') continue;
        if (!first) first = { name, cmd };
        else if (name !== first.name) {
          report({
            messageId: 'both',
            data: { first: first.name, second: name, line: source.position(first.cmd.words[0].start).line },
            span: { start: cmd.words[0].start, end: cmd.words[0].end },
          });
        }
      }
    }
  },
});

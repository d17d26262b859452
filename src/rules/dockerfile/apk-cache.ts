import { defineRule } from '../types.js';
import { commandsIn, findFlagResolved, insertFlagAfter, runCommandsNamed, subcommand } from '../helpers/dockerfile.js';
import { cacheMountCovers, removesCacheDir } from '../helpers/package-cache.js';
import type { Command } from '../../model/shell/types.js';
import type { Dockerfile, Instruction } from '../../model/dockerfile/types.js';

const VALUE_FLAGS = [
  '-t', '--virtual', '-X', '--repository', '-p', '--root', '--arch', '--cache-dir', '--keys-dir',
  '--repositories-file', '--progress-fd', '--wait', '--cache-max-age', '--from',
];
const NO_CACHE = ['no-cache', 'no-network'];
// apk's cache lives in /var/cache/apk (/etc/apk/cache links there when enabled).
const CACHE_DIRS = ['/var/cache/apk', '/etc/apk/cache'];

/** `rm -rf /var/cache/apk/*` later in the same RUN. */
function removesCache(df: Dockerfile, instr: Instruction, cmd: Command, after: number): boolean {
  return cmd.start > after && removesCacheDir(cmd, CACHE_DIRS, df, instr);
}


export default defineRule({
  id: 'DF020',
  name: 'apk-cache',
  aliases: ['DL3019'],
  meta: {
    target: 'dockerfile',
    category: 'performance',
    severity: 'info',
    fixable: 'safe',
    status: 'stable',
    docs: {
      summary: '`apk add` without `--no-cache` in a shipped stage.',
      why: 'Without `--no-cache`, the package index that apk downloads stays in /var/cache/apk and ships in the image. `apk add --no-cache` fetches a fresh index, installs, and keeps nothing, so no separate `apk update` or `rm -rf /var/cache/apk/*` is needed.',
      bad: 'FROM alpine:3.20\nRUN apk update && apk add curl=8.9.1-r2\n',
      good: 'FROM alpine:3.20\nRUN apk add --no-cache curl=8.9.1-r2\n',
    },
    messages: {
      cache: '`apk add` leaves the package index in /var/cache/apk; add --no-cache (then a separate `apk update` is unnecessary).',
    },
  },
  check({ df, report }) {
    for (const { instr, cmd } of runCommandsNamed(df, 'apk', { onbuild: true })) {
      if (!df.shippedStages.has(instr.stage)) continue;
      const sub = subcommand(cmd, VALUE_FLAGS);
      // --no-network only installs from what is already on disk, so nothing new is cached.
      if (!sub || sub.word.value !== 'add' || findFlagResolved(df, instr, cmd, '', NO_CACHE)) continue;
      if (cacheMountCovers(df, instr, CACHE_DIRS) || commandsIn(df, instr).some((c) => removesCache(df, instr, c, cmd.start))) continue;
      const edits = insertFlagAfter(df, instr, sub.word, '--no-cache');
      report({
        messageId: 'cache',
        span: { start: cmd.words[0].start, end: sub.word.end },
        fix: edits ? { title: 'Add --no-cache', edits } : undefined,
      });
    }
  },
});

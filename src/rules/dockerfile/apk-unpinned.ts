import { defineRule } from '../types.js';
import { packageSpecs, positionals, runCommandsNamed, subcommand } from '../helpers/dockerfile.js';

// apk options whose value is the next word (`--virtual .build-deps` names a group, not a package).
const VALUE_FLAGS = [
  '-t', '--virtual', '-X', '--repository', '-p', '--root', '--arch', '--cache-dir', '--keys-dir',
  '--repositories-file', '--progress-fd', '--wait', '--cache-max-age', '--from',
];

/** `name=1.2-r0`, `name~1.2`, `name>1`, `name<2`, or a local `.apk` file. */
function pinned(pkg: string): boolean {
  return /[=~<>]/.test(pkg) || pkg.endsWith('.apk');
}

export default defineRule({
  id: 'DF019',
  name: 'apk-unpinned',
  aliases: ['DL3018'],
  meta: {
    target: 'dockerfile',
    category: 'reliability',
    severity: 'warning',
    fixable: null,
    status: 'stable',
    docs: {
      summary: '`apk add` of a package without a version constraint.',
      why: 'Without a constraint every build installs whatever the Alpine mirror has that day, so the same Dockerfile produces different images over time. Pin with `name=version` or a range such as `name~1.2` (Alpine drops old package revisions, so `~` for the minor version is often the practical choice).',
      bad: 'FROM alpine:3.20\nRUN apk add --no-cache curl\n',
      good: 'FROM alpine:3.20\nRUN apk add --no-cache curl=8.9.1-r2\n',
    },
    messages: {
      unpinned: 'Package "{{pkg}}" is added without a version; pin it as {{pkg}}=<version> or {{pkg}}~<major.minor>.',
    },
  },
  check({ df, report }) {
    for (const { instr, cmd } of runCommandsNamed(df, 'apk', { onbuild: true })) {
      const sub = subcommand(cmd, VALUE_FLAGS);
      if (!sub || sub.word.value !== 'add') continue;
      for (const w of positionals(cmd.args.slice(sub.index + 1), VALUE_FLAGS)) {
        // A pinned word is pinned whatever its variables hold; a plain one is its own single name.
        if (pinned(w.value)) continue;
        if (!w.expands) { report({ messageId: 'unpinned', data: { pkg: w.value }, span: { start: w.start, end: w.end } }); continue; }
        for (const pkg of packageSpecs(df, instr, w, VALUE_FLAGS) ?? []) {
          if (!pinned(pkg)) report({ messageId: 'unpinned', data: { pkg }, span: { start: w.start, end: w.end } });
        }
      }
    }
  },
});

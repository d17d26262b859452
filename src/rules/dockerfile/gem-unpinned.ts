import { defineRule } from '../types.js';
import { packageSpecs, positionals, runCommandsNamed, subcommand } from '../helpers/dockerfile.js';
import type { Dockerfile, Instruction } from '../../model/dockerfile/types.js';
import type { ShellWord } from '../../model/shell/types.js';

// gem options whose value is the next word.
const VALUE_FLAGS = [
  '-v', '--version', '-i', '--install-dir', '-n', '--bindir', '-P', '--trust-policy', '-s', '--source', '--platform',
  '--build-root', '--target-rbconfig', '--config-file',
];

const VERSION_FLAG = /^(?:-v|--version)(?:$|=)|^-v\d/;

/** `name:1.2` (or `name:'>= 1.2'`), or a local `.gem` file / path. */
function pinned(gem: string): boolean {
  return gem.includes(':') || gem.endsWith('.gem') || gem.includes('/');
}

/** The gem names a word stands for; null when a variable cannot be resolved. */
function names(df: Dockerfile, instr: Instruction, w: ShellWord): string[] | null {
  return pinned(w.value) ? [w.value] : packageSpecs(df, instr, w, VALUE_FLAGS);
}

export default defineRule({
  id: 'DF029',
  name: 'gem-unpinned',
  aliases: ['DL3028'],
  meta: {
    target: 'dockerfile',
    category: 'reliability',
    severity: 'warning',
    fixable: null,
    status: 'stable',
    docs: {
      summary: '`gem install` without a version (`name:version` or `-v`).',
      why: 'A bare gem name installs the newest release at build time, so the same Dockerfile can produce an image with a different, possibly breaking, version tomorrow. Pin with `gem install name:version` or `-v version`, or install from a Gemfile.lock with Bundler.',
      bad: 'FROM ruby:3.3-slim\nRUN gem install --no-document bundler\n',
      good: 'FROM ruby:3.3-slim\nRUN gem install --no-document bundler:2.5.11\n',
    },
    messages: {
      unpinned: 'Gem "{{pkg}}" is installed without a version; pin it as {{pkg}}:<version> or pass -v <version>.',
    },
  },
  check({ df, report }) {
    for (const { instr, cmd } of runCommandsNamed(df, 'gem', { onbuild: true })) {
      const sub = subcommand(cmd, ['--config-file']);
      if (!sub || (sub.word.value !== 'install' && sub.word.value !== 'i')) continue;
      // Words after `--` go to the gem's build, not to gem.
      const end = cmd.args.findIndex((a) => a.value === '--');
      const args = cmd.args.slice(sub.index + 1, end < 0 ? undefined : end);
      // `-g`/`--file [FILE]` installs what a gem dependencies file (and its lock) lists.
      if (args.some((a) => VERSION_FLAG.test(a.value) || a.value === '-g' || a.value === '--file' || a.value.startsWith('--file='))) continue;
      for (const w of positionals(args, VALUE_FLAGS)) {
        for (const pkg of names(df, instr, w) ?? []) {
          if (!pinned(pkg)) report({ messageId: 'unpinned', data: { pkg }, span: { start: w.start, end: w.end } });
        }
      }
    }
  },
});

import { defineRule } from '../types.js';
import { runCommandsNamed, subcommand } from '../helpers/dockerfile.js';

const VALUE_FLAGS = ['-o', '--option', '-c', '--config-file', '-t', '--target-release', '--default-release', '-a', '--host-architecture'];
// Subcommands apt-get has under the same name and with the same arguments.
const SAME_IN_APT_GET = new Set(['install', 'update', 'upgrade', 'remove', 'purge', 'autoremove', 'clean', 'autoclean']);
// Query subcommands that belong to apt-cache.
const APT_CACHE = new Set(['search', 'show', 'showsrc', 'policy', 'depends', 'rdepends', 'madison']);

export default defineRule({
  id: 'DF028',
  name: 'apt-interactive-use',
  aliases: ['DL3027'],
  meta: {
    target: 'dockerfile',
    category: 'reliability',
    severity: 'warning',
    fixable: 'unsafe',
    status: 'stable',
    docs: {
      summary: '`apt` used in a RUN instead of `apt-get` / `apt-cache`.',
      why: '`apt` is the command-line front end for people at a terminal: its output, prompts and defaults may change between releases, and it warns that it has no stable interface for scripts. `apt-get` and `apt-cache` are the stable, scriptable tools.',
      bad: 'FROM debian:12-slim\nRUN apt update && apt install -y --no-install-recommends curl=7.88.1-10+deb12u8 && rm -rf /var/lib/apt/lists/*\n',
      good: 'FROM debian:12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends curl=7.88.1-10+deb12u8 && rm -rf /var/lib/apt/lists/*\n',
    },
    messages: {
      apt: '`apt` has no stable interface for scripts; use {{alt}} instead.',
    },
  },
  check({ df, report }) {
    for (const { instr, cmd } of runCommandsNamed(df, 'apt', { onbuild: true })) {
      const name = cmd.words[0];
      const sub = subcommand(cmd, VALUE_FLAGS)?.word.value ?? '';
      const alt = APT_CACHE.has(sub) ? `\`apt-cache ${sub}\`` : SAME_IN_APT_GET.has(sub) ? `\`apt-get ${sub}\`` : sub === 'list' ? '`dpkg-query -W` or `apt-cache policy`' : '`apt-get` or `apt-cache`';
      // Unsafe: `apt upgrade` may install new packages where `apt-get upgrade` holds them back, and
      // apt has different defaults (e.g. it shows progress and may pick other solver options).
      let fix;
      if (SAME_IN_APT_GET.has(sub) && df.source.text.slice(name.start, name.end) === name.raw) {
        const value = name.value.slice(0, -3) + 'apt-get';
        const text = instr.json && name.raw.startsWith('"') ? JSON.stringify(value) : name.raw === name.value ? value : undefined;
        if (text) fix = { title: 'Use apt-get', edits: [{ start: name.start, end: name.end, text }] };
      }
      report({ messageId: 'apt', data: { alt }, span: { start: name.start, end: name.end }, fix });
    }
  },
});

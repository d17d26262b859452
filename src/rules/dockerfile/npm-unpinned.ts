import { defineRule } from '../types.js';
import { packageSpecs, positionals, runCommandsNamed, subcommand } from '../helpers/dockerfile.js';

const INSTALL = new Set(['install', 'i', 'in', 'add']);
// npm options whose value is the next word.
const VALUE_FLAGS = [
  'registry', 'prefix', 'loglevel', 'cache', 'userconfig', 'globalconfig', 'tag', 'workspace', 'omit', 'include',
  'install-strategy', 'before', 'otp', 'location', 'save-prefix', 'script-shell', 'node-options', 'proxy', 'https-proxy',
  'ca', 'cafile', 'cert', 'key', 'scope', 'fetch-retries', 'fetch-timeout', 'maxsockets', 'userconfig', 'auth-type',
].map((f) => `--${f}`).concat(['-w', '-C']);
const GIT = /^(?:git(?:\+(?:ssh|https?|file))?:\/\/|github:|gitlab:|bitbucket:|gist:)/;
const LOCAL = /^(?:\.{1,2}(?:\/|$)|\/|~\/|file:)/;

function pinned(spec: string): boolean {
  if (GIT.test(spec)) return spec.includes('#');
  if (LOCAL.test(spec) || /^https?:\/\//.test(spec) || /\.(?:tar|tar\.gz|tgz)$/.test(spec)) return true;
  // `@scope/name@1.2` or `name@1.2`; the scope's own `@` does not count.
  const at = spec.indexOf('@', spec.startsWith('@') ? 1 : 0);
  // `user/repo` is GitHub shorthand: pinned only with `#<commit>`.
  if (at < 0) return !spec.startsWith('@') && spec.includes('/') && spec.includes('#');
  const version = spec.slice(at + 1);
  return version !== '' && version !== 'latest';
}

export default defineRule({
  id: 'DF018',
  name: 'npm-unpinned',
  aliases: ['DL3016'],
  meta: {
    target: 'dockerfile',
    category: 'reliability',
    severity: 'warning',
    fixable: null,
    status: 'stable',
    docs: {
      summary: '`npm install <package>` without an `@version`.',
      why: 'A bare package name (or `@latest`) installs whatever is newest on the registry at build time, so rebuilding the same Dockerfile can pull a breaking release. Pin `name@version`, give git URLs a `#commit`, or install from package.json with a lockfile (`npm ci`).',
      bad: 'FROM node:20-slim\nRUN npm install -g typescript\n',
      good: 'FROM node:20-slim\nRUN npm install -g typescript@5.4.5\n',
    },
    messages: {
      unpinned: 'Package "{{pkg}}" is installed without a fixed version; pin it as {{name}}@<version> (git URLs: #<commit>).',
    },
  },
  check({ df, report }) {
    for (const { instr, cmd } of runCommandsNamed(df, 'npm', { onbuild: true })) {
      const sub = subcommand(cmd, VALUE_FLAGS);
      if (!sub || !INSTALL.has(sub.word.value)) continue;
      for (const w of positionals(cmd.args.slice(sub.index + 1), VALUE_FLAGS)) {
        // A pinned word is pinned whatever its variables hold; a plain one is its own single spec.
        if (pinned(w.value)) continue;
        for (const pkg of packageSpecs(df, instr, w, VALUE_FLAGS) ?? []) {
          if (pinned(pkg)) continue;
          const at = pkg.indexOf('@', pkg.startsWith('@') ? 1 : 0);
          report({ messageId: 'unpinned', data: { pkg, name: at < 0 ? pkg : pkg.slice(0, at) }, span: { start: w.start, end: w.end } });
        }
      }
    }
  },
});

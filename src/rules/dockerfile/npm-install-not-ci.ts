import { defineRule } from '../types.js';
import { findFlag, positionals, runCommandsNamed, subcommand } from '../helpers/dockerfile.js';

// `npm install` and the abbreviations npm accepts for it.
const INSTALL = new Set(['install', 'i', 'in', 'ins', 'inst', 'insta', 'instal', 'isnt', 'isnta', 'isntal', 'isntall', 'add']);
// npm options whose value is the next word.
const VALUE_FLAGS = [
  'registry', 'prefix', 'loglevel', 'cache', 'userconfig', 'globalconfig', 'tag', 'workspace', 'omit', 'include',
  'install-strategy', 'before', 'otp', 'location', 'script-shell', 'node-options', 'proxy', 'https-proxy', 'ca', 'cafile',
  'fetch-retries', 'fetch-timeout', 'maxsockets', 'auth-type',
].map((f) => `--${f}`).concat(['-w', '-C']);

export default defineRule({
  id: 'DF108',
  name: 'npm-install-not-ci',
  aliases: [],
  meta: {
    target: 'dockerfile',
    category: 'reliability',
    severity: 'warning',
    fixable: 'unsafe',
    status: 'stable',
    docs: {
      summary: '`npm install` without package names (installing the project\'s dependencies) instead of `npm ci`.',
      why: '`npm install` may resolve newer versions than the lockfile records and rewrites package-lock.json, so two builds of the same commit can ship different dependencies. `npm ci` installs exactly what the lockfile says and fails when it is out of date with package.json. Flags `npm install` (and its abbreviations `npm i`, ...) with no package argument, in any stage and in ONBUILD triggers. Skips `npm install <pkg>` (npm-unpinned covers that), `npm install -g` (installs the current folder as a global tool) and `--package-lock-only` / `--no-package-lock` (no lockfile to follow). The fix is unsafe: `npm ci` needs a committed package-lock.json (or npm-shrinkwrap.json) and deletes an existing node_modules.',
      bad: 'FROM node:20-slim\nWORKDIR /app\nCOPY package.json package-lock.json ./\nRUN npm install --omit=dev\n',
      good: 'FROM node:20-slim\nWORKDIR /app\nCOPY package.json package-lock.json ./\nRUN npm ci --omit=dev\n',
    },
    messages: {
      install: '`npm {{sub}}` may install versions other than the lockfile\'s and rewrites it; use `npm ci` to install exactly what package-lock.json records.',
    },
  },
  check({ df, report, source }) {
    // Exec-form words (`["npm", "install"]`) include their quotes: point at and edit the text inside.
    const inner = (w: { start: number; end: number }) => (source.text[w.start] === '"' ? { start: w.start + 1, end: w.end - 1 } : { start: w.start, end: w.end });
    for (const { cmd } of runCommandsNamed(df, 'npm', { onbuild: true })) {
      const sub = subcommand(cmd, VALUE_FLAGS);
      if (!sub || !INSTALL.has(sub.word.value)) continue;
      if (positionals(cmd.args.slice(sub.index + 1), VALUE_FLAGS).length > 0) continue;
      if (findFlag(cmd, 'g', ['global', 'package-lock-only', 'no-package-lock'])) continue;
      if (cmd.args.some((a) => a.value === '--package-lock=false' || a.value === '--location=global')) continue;
      const word = inner(sub.word);
      report({
        messageId: 'install',
        data: { sub: sub.word.value },
        span: { start: inner(cmd.words[0]).start, end: word.end },
        fix: { title: 'Use npm ci', edits: [{ ...word, text: 'ci' }] },
      });
    }
  },
});

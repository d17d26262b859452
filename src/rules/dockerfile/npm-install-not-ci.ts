import { defineRule } from '../types.js';
import { dockerHubBase, findFlag, nodeImageMajor, positionals, runCommandsNamed, stageChain, subcommand } from '../helpers/dockerfile.js';
import type { Dockerfile, Instruction } from '../../model/dockerfile/types.js';

// `npm install` and the abbreviations npm accepts for it.
const INSTALL = new Set(['install', 'i', 'in', 'ins', 'inst', 'insta', 'instal', 'isnt', 'isnta', 'isntal', 'isntall', 'add']);
// npm options whose value is the next word.
const VALUE_FLAGS = [
  'registry', 'prefix', 'loglevel', 'cache', 'userconfig', 'globalconfig', 'tag', 'workspace', 'omit', 'include',
  'install-strategy', 'before', 'otp', 'location', 'script-shell', 'node-options', 'proxy', 'https-proxy', 'ca', 'cafile',
  'fetch-retries', 'fetch-timeout', 'maxsockets', 'auth-type',
].map((f) => `--${f}`).concat(['-w', '-C']);

const LOCKFILES = new Set(['package-lock.json', 'npm-shrinkwrap.json']);

/**
 * Can a lockfile be in the image when this RUN installs? `no` when the COPYs before it name
 * package.json and nothing that could bring package-lock.json (the file itself, a glob, a
 * directory); `unknown` when nothing says (a bind mount, a base image, no COPY of package.json).
 */
function lockfile(df: Dockerfile, run: Instruction): 'yes' | 'no' | 'unknown' {
  const onbuild = run.parent;
  const at = onbuild ?? run;
  const stage = df.stages[at.stage];
  if (!stage) return 'unknown';
  let packageJson = false;
  for (const s of stageChain(df, stage)) {
    for (const i of s.instructions) {
      // A trigger runs in the child build: after the whole parent image, among the triggers before it.
      const c = onbuild ? (i.keyword === 'ONBUILD' ? (i.start < onbuild.start ? i.trigger : null) : i) : i.start < at.start ? i : null;
      if (!c || (c.keyword !== 'COPY' && c.keyword !== 'ADD')) continue;
      if (c.flags.some((f) => f.name === 'from')) return 'unknown';
      const sources = c.json ? c.json.values.slice(0, -1) : c.words.slice(0, -1).map((w) => w.value);
      for (const src of sources) {
        const trimmed = src.replace(/\/+$/, '');
        const base = trimmed.slice(trimmed.lastIndexOf('/') + 1);
        if (LOCKFILES.has(base) || /[*?[$]/.test(src) || base === '' || base === '.' || !base.includes('.')) return 'yes';
        if (base === 'package.json') packageJson = true;
      }
    }
  }
  return packageJson ? 'no' : 'unknown';
}

/** npm ci came with npm 5.7: the node images before 10 (and io.js) may not have it. */
function npmWithoutCi(df: Dockerfile, run: Instruction): boolean {
  if (dockerHubBase(df, run)?.repository === 'iojs') return true;
  const major = nodeImageMajor(df, run);
  return major !== null && major < 10;
}

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
      why: '`npm install` may resolve newer versions than the lockfile records and rewrites package-lock.json, so two builds of the same commit can ship different dependencies. `npm ci` installs exactly what the lockfile says and fails when it is out of date with package.json. Flags `npm install` (and its abbreviations `npm i`, ...) with no package argument, in any stage and in ONBUILD triggers. Skips `npm install <pkg>` (npm-unpinned covers that), `npm install -g` (installs the current folder as a global tool) and `--package-lock-only` / `--no-package-lock` (no lockfile to follow). When the COPYs before it bring package.json but no lockfile, the finding says to copy package-lock.json too, and there is no fix. Skips node images before 10 and io.js, whose npm may predate `npm ci`. The fix is unsafe: `npm ci` needs a committed package-lock.json (or npm-shrinkwrap.json) and deletes an existing node_modules.',
      bad: 'FROM node:20-slim\nWORKDIR /app\nCOPY package.json package-lock.json ./\nRUN npm install --omit=dev\n',
      good: 'FROM node:20-slim\nWORKDIR /app\nCOPY package.json package-lock.json ./\nRUN npm ci --omit=dev\n',
    },
    messages: {
      install: '`npm {{sub}}` may install versions other than the lockfile\'s and rewrites it; use `npm ci` to install exactly what package-lock.json records.',
      noLock: '`npm {{sub}}` resolves versions afresh: only package.json is copied, so no lockfile pins them; copy package-lock.json too and use `npm ci`.',
    },
  },
  check({ df, report, source }) {
    // Exec-form words (`["npm", "install"]`) include their quotes: point at and edit the text inside.
    const inner = (w: { start: number; end: number }) => (source.text[w.start] === '"' ? { start: w.start + 1, end: w.end - 1 } : { start: w.start, end: w.end });
    for (const { cmd, instr } of runCommandsNamed(df, 'npm', { onbuild: true })) {
      const sub = subcommand(cmd, VALUE_FLAGS);
      if (!sub || !INSTALL.has(sub.word.value)) continue;
      if (positionals(cmd.args.slice(sub.index + 1), VALUE_FLAGS).length > 0) continue;
      if (findFlag(cmd, 'g', ['global', 'package-lock-only', 'no-package-lock'])) continue;
      if (cmd.args.some((a) => a.value === '--package-lock=false' || a.value === '--location=global')) continue;
      if (npmWithoutCi(df, instr)) continue;
      const word = inner(sub.word);
      const span = { start: inner(cmd.words[0]).start, end: word.end };
      // Without a lockfile in the image, `npm ci` fails: the advice is to copy one, and there is no fix.
      if (lockfile(df, instr) === 'no') report({ messageId: 'noLock', data: { sub: sub.word.value }, span });
      else report({ messageId: 'install', data: { sub: sub.word.value }, span, fix: { title: 'Use npm ci', edits: [{ ...word, text: 'ci' }] } });
    }
  },
});

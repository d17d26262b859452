import { defineRule } from '../types.js';
import { commandsIn, canAppendAfter, instructions, mounts, runCommandsNamed, subcommand } from '../helpers/dockerfile.js';
import { lastCommandOf } from '../helpers/package-cache.js';
import type { Dockerfile, Instruction } from '../../model/dockerfile/types.js';
import type { Command } from '../../model/shell/types.js';

// yarn options (before the subcommand) whose value is the next word.
const VALUE_FLAGS = [
  '--cwd', '--cache-folder', '--modules-folder', '--global-folder', '--link-folder', '--preferred-cache-folder',
  '--network-timeout', '--network-concurrency', '--child-concurrency', '--mutex', '--use-yarnrc', '--registry', '--proxy', '--https-proxy',
];
// Where yarn v1 and v2+ keep their caches.
const CACHE_PATH = /\.cache\/yarn|\.yarn\/(?:berry\/)?cache|yarn cache dir/;
const NOT_INSTALL = new Set(['-v', '--version', '-h', '--help']);

/** `yarn install` or bare `yarn` (which installs); returns the word to point at. */
function yarnInstall(cmd: Command): { end: number } | undefined {
  if (cmd.base !== 'yarn') return undefined;
  const sub = subcommand(cmd, VALUE_FLAGS);
  if (sub) return sub.word.value === 'install' ? { end: sub.word.end } : undefined;
  return cmd.args.some((a) => NOT_INSTALL.has(a.value)) ? undefined : { end: cmd.words[0].end };
}

/** The cache folder chosen with `--cache-folder` or YARN_CACHE_FOLDER, if any. */
function cacheFolder(df: Dockerfile, instr: Instruction, cmd: Command): string | undefined {
  const i = cmd.args.findIndex((a) => a.value === '--cache-folder' || a.value.startsWith('--cache-folder='));
  if (i >= 0) return cmd.args[i].value.includes('=') ? cmd.args[i].value.split('=')[1] : cmd.args[i + 1]?.value;
  return df.variable(instr, 'YARN_CACHE_FOLDER');
}

function isCache(path: string, folder: string | undefined): boolean {
  const p = path.replace(/\/\*?$/, '').replace(/\/+$/, '');
  return p !== '' && (CACHE_PATH.test(p) || (folder !== undefined && (folder.replace(/\/+$/, '') === p || folder.startsWith(p + '/'))));
}

/** `yarn cache clean`, or `rm -rf` of the cache folder. */
function cleans(cmd: Command, folder: string | undefined): boolean {
  const name = cmd.base;
  if (name === 'yarn') return cmd.args[0]?.value === 'cache' && cmd.args[1]?.value === 'clean';
  return name === 'rm' && cmd.args.some((a) => !a.value.startsWith('-') && isCache(a.value, folder));
}

const WITH_ONBUILD = { onbuild: true };
const YARN = new Set(['yarn']);
const OFFLINE = new Set(['--offline', '--prefer-offline']);
// Signs of Yarn 2+ (berry): its config file, its install flags, its version switch, corepack.
const BERRY = /\.yarnrc\.yml|\.yarn\/releases|--immutable|yarn set version|yarn workspaces focus|corepack/;

export default defineRule({
  id: 'DF059',
  name: 'yarn-cache',
  aliases: ['DL3060'],
  meta: {
    target: 'dockerfile',
    category: 'performance',
    severity: 'info',
    fixable: 'safe',
    status: 'stable',
    docs: {
      summary: '`yarn install` in a shipped stage without `yarn cache clean` in the same RUN.',
      why: 'yarn keeps a copy of every package it downloads in its cache folder, which easily doubles the size of node_modules in the image. Clean the cache at the end of the same RUN (a later RUN cannot shrink the earlier layer), or keep it in a BuildKit cache mount. The fix is withheld where the Dockerfile shows Yarn 2 or later (.yarnrc.yml, --immutable, `yarn set version`, corepack): there the cache holds the packages a Plug\'n\'Play install runs from.',
      bad: 'FROM node:20-slim\nCOPY package.json yarn.lock ./\nRUN yarn install --frozen-lockfile --production\n',
      good: 'FROM node:20-slim\nCOPY package.json yarn.lock ./\nRUN yarn install --frozen-lockfile --production && yarn cache clean\n',
    },
    messages: {
      cache: '`yarn install` leaves its download cache in this layer; end the same RUN with `yarn cache clean` (or use a cache mount on the yarn cache).',
    },
  },
  check({ df, report }) {
    const yarns = runCommandsNamed(df, 'yarn', WITH_ONBUILD);
    if (yarns.length === 0) return;
    // A later offline install needs the cache, so cleaning it is left to the user.
    const offline = yarns.some(({ cmd }) => cmd.args.some((a) => OFFLINE.has(a.value)));
    // Yarn 2+ keeps the packages a Plug'n'Play install runs from in its cache: cleaning it is no fix there.
    const berry = BERRY.test(df.source.text);
    for (const instr of instructions(df, WITH_ONBUILD)) {
      if (instr.keyword !== 'RUN' || !df.shippedStages.has(instr.stage)) continue;
      const cmds = commandsIn(df, instr);
      // Worked out once per RUN, when it installs: where the fix goes and whether it may.
      let fixAt: Command | null | undefined;
      const fixPlace = (): Command | null => {
        if (fixAt !== undefined) return fixAt;
        const lastYarn = lastCommandOf(cmds, YARN);
        const folder = cmds.some((c) => c.base === 'yarn' && c.args.some((a) => a.value.startsWith('--cache-folder')));
        return (fixAt = !offline && !berry && !folder && canAppendAfter(df, instr, lastYarn) ? lastYarn : null);
      };
      let lastInstall = -1;
      // The last `yarn cache clean` (it cleans any folder), and the `rm`s that may clean one: looked
      // up per RUN, not per install (a RUN of thousands of installs was quadratic).
      let lastYarnClean = -1;
      const rms: Command[] = [];
      for (const c of cmds) {
        if (yarnInstall(c)) lastInstall = Math.max(lastInstall, c.start);
        else if (c.base === 'rm') rms.push(c);
        else if (c.base === 'yarn' && cleans(c, undefined)) lastYarnClean = Math.max(lastYarnClean, c.start);
      }
      for (const cmd of cmds) {
        const install = yarnInstall(cmd);
        if (!install) continue;
        if (lastYarnClean > cmd.start) continue;
        const folder = cacheFolder(df, instr, cmd);
        if (rms.some((c) => c.start > cmd.start && cleans(c, folder))) continue;
        const mounted = mounts(instr).some((m) => (m.type === 'cache' || m.type === 'tmpfs') && isCache(df.expand(instr, m.target) ?? m.target, folder));
        if (mounted) continue;
        // One fix per RUN, on its last install (a clean after the last yarn command covers them all);
        // `--cache-folder` names a cache that a plain `yarn cache clean` would not clean.
        const at = cmd.start === lastInstall ? fixPlace() : null;
        report({
          messageId: 'cache',
          span: { start: cmd.words[0].start, end: install.end },
          fix: at ? { title: 'Clean the yarn cache at the end of the RUN', edits: [{ start: at.end, end: at.end, text: ' && yarn cache clean' }] } : undefined,
        });
      }
    }
  },
});

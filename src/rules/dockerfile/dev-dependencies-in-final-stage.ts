import type { Dockerfile, Instruction } from '../../model/dockerfile/types.js';
import type { Command, ShellWord } from '../../model/shell/types.js';
import type { Span } from '../../model/source.js';
import { defineRule } from '../types.js';
import { isDevContainer, nodeImageMajor, positionals, runCommandsNamed, runCommandsWhere, stageChain, subcommand } from '../helpers/dockerfile.js';

const NPM_INSTALL = new Set(['ci', 'clean-install', 'install', 'i', 'in', 'add', 'isntall']);
const NPM_VALUE = ['--registry', '--prefix', '--loglevel', '--cache', '--userconfig', '--omit', '--include', '--workspace', '-w', '--install-strategy', '--before', '-C'];
// `requirements-dev.txt`, `requirements/test.txt`, `dev-requirements.txt`
const DEV_REQUIREMENTS = /(?:^|[/_.-])(?:dev|devel|develop|development|test|tests|testing|lint|ci|docs)(?:[/_.-]|$)/i;
const DEV_EXTRAS = /\[[^\]]*\b(?:dev|test|tests|testing|lint|docs)\b[^\]]*\]/i;
const TRUE = /^(?:1|true|yes|on)$/i;
// `yarn --version`, `bundle -v`: bare commands that only print information.
const INFO_FLAG = /^(?:-v|-V|--version|-h|--help)$/;

// Every command name devInstall() handles (keep the two in step).
const INSTALLERS = new Set(['npm', 'yarn', 'pnpm', 'pip', 'pip3', 'uv', 'poetry', 'pipenv', 'composer', 'bundle']);
const NODE_TOOLS = ['npm', 'yarn', 'pnpm'];
const isInstaller = (n: string): boolean => INSTALLERS.has(n);
// `rm -rf node_modules` prunes too, but only Node installs care: other `rm`s are left out of the walk.
const isInstallerOrRm = (n: string): boolean => n === 'rm' || INSTALLERS.has(n);
const NODE_MODULES = /(?:^|\/)node_modules\/?$/;

interface Finding { span: Span; what: string; fix: string }

// Programs that need the dev dependencies they come from: test runners and dev servers.
const DEV_PROGRAMS = new Set(['cypress', 'jest', 'vitest', 'mocha', 'playwright', 'karma', 'ava', 'nodemon', 'ts-node-dev', 'pytest', 'tox', 'rspec', 'phpunit']);
// `npm run dev`, `yarn test`, `pnpm run serve`, `npm run start:dev`, `ng serve`, `vue-cli-service serve`.
const DEV_SCRIPT = /^(?:dev|develop|development|test|tests|e2e|serve|watch|start:dev|test:.+|dev:.+)$/;

/**
 * Does the final image start a test runner or dev server (`ENTRYPOINT ["cypress", "run"]`, `CMD
 * npm run dev`)? Then it is a test or development image, and its dev dependencies are its job.
 */
function runsDevTool(df: Dockerfile): boolean {
  const final = df.stages[df.stages.length - 1];
  if (!final) return false;
  let words: string[] | undefined;
  const chain = stageChain(df, final);
  // The last CMD/ENTRYPOINT: the final stage's, else its nearest parent's.
  for (let c = chain.length - 1; c >= 0 && !words; c--) {
    const list = chain[c].instructions;
    for (let k = list.length - 1; k >= 0 && !words; k--) {
      const i = list[k];
      if (i.keyword === 'CMD' || i.keyword === 'ENTRYPOINT') words = i.json ? i.json.values : i.words.map((w) => w.value);
    }
  }
  if (!words || words.length === 0) return false;
  let k = 0;
  const base = (w: string) => w.slice(w.lastIndexOf('/') + 1);
  if (base(words[0]) === 'npx') k = 1;
  else if (base(words[0]) === 'pnpm' && words[1] === 'exec') k = 2;
  while (k > 0 && words[k]?.startsWith('-')) k++;
  const program = base(words[k] ?? '');
  if (DEV_PROGRAMS.has(program)) return true;
  if ((program === 'ng' || program === 'vue-cli-service') && words[k + 1] === 'serve') return true;
  if (program === 'npm' || program === 'yarn' || program === 'pnpm') {
    const script = words[k + 1] === 'run' || words[k + 1] === 'run-script' ? words[k + 2] : words[k + 1];
    return script !== undefined && DEV_SCRIPT.test(script);
  }
  return false;
}

/** Word value of `--name value` or `--name=value`. */
function flagValue(args: ShellWord[], name: string): string | undefined {
  for (let i = 0; i < args.length; i++) {
    const v = args[i].value;
    if (v === name) return args[i + 1]?.value ?? '';
    if (v.startsWith(name + '=')) return v.slice(name.length + 1);
  }
  return undefined;
}
const has = (cmd: Command, ...flags: string[]): boolean => flags.some((f) => flagValue(cmd.args, f) !== undefined);

/** An environment variable set for this command: `VAR=x cmd` or ARG/ENV in scope. */
function env(df: Dockerfile, instr: Instruction, cmd: Command, name: string): string | undefined {
  for (const a of cmd.assignments) if (a.value.startsWith(name + '=')) return a.value.slice(name.length + 1);
  return df.variable(instr, name);
}

/** `a/b/requirements/dev.txt` -> `requirements/dev.txt`: the file and its folder, not the whole path. */
function lastTwo(path: string): string {
  const k = path.lastIndexOf('/');
  return k <= 0 ? path : path.slice(path.lastIndexOf('/', k - 1) + 1);
}

const span = (cmd: Command, end: ShellWord): Span => ({ start: cmd.words[0].start, end: end.end });

const nodeProd = (df: Dockerfile, instr: Instruction, cmd: Command): boolean => env(df, instr, cmd, 'NODE_ENV') === 'production';

/** The development-dependency install this command (base name `name`) performs, if any. */
function devInstall(df: Dockerfile, instr: Instruction, cmd: Command, name: string, bundlerConfigured: boolean): Finding | undefined {
  switch (name) {
    case 'npm': {
      const sub = subcommand(cmd, NPM_VALUE);
      if (!sub || !NPM_INSTALL.has(sub.word.value)) return undefined;
      const rest = cmd.args.slice(sub.index + 1);
      if (sub.word.value !== 'ci' && sub.word.value !== 'clean-install' && positionals(rest, NPM_VALUE).length > 0) return undefined;
      if (has(cmd, '-g', '--global', '--production', '--prod')) return undefined;
      const omit = [flagValue(cmd.args, '--omit'), flagValue(cmd.args, '--only'), env(df, instr, cmd, 'NPM_CONFIG_OMIT'), env(df, instr, cmd, 'npm_config_omit')];
      if (omit.some((v) => v !== undefined && /^(?:dev|prod|production)$/.test(v))) return undefined;
      if (nodeProd(df, instr, cmd) || TRUE.test(env(df, instr, cmd, 'NPM_CONFIG_PRODUCTION') ?? env(df, instr, cmd, 'npm_config_production') ?? '')) return undefined;
      // npm 6 and older (node images before 15) ignore --omit=dev without a word: they take --production.
      const major = nodeImageMajor(df, instr);
      const flag = major !== null && major < 15 ? '--production (npm 6 ignores --omit=dev)' : '--omit=dev';
      return { span: span(cmd, sub.word), what: `npm ${sub.word.value}`, fix: `add ${flag}, or build in an earlier stage and copy only the production node_modules` };
    }
    case 'yarn': {
      const sub = subcommand(cmd, ['--cwd', '--modules-folder', '--cache-folder']);
      if (sub ? sub.word.value !== 'install' : cmd.args.some((a) => INFO_FLAG.test(a.value))) return undefined;
      if (has(cmd, '--production', '--prod') || nodeProd(df, instr, cmd)) return undefined;
      return { span: span(cmd, sub?.word ?? cmd.words[0]), what: sub ? 'yarn install' : 'yarn', fix: 'add --production (Yarn 1) or run `yarn workspaces focus --all --production` (Yarn 2+)' };
    }
    case 'pnpm': {
      const sub = subcommand(cmd, ['--filter', '-F', '-C', '--dir']);
      if (!sub || (sub.word.value !== 'install' && sub.word.value !== 'i')) return undefined;
      if (has(cmd, '--prod', '-P', '--production') || nodeProd(df, instr, cmd)) return undefined;
      return { span: span(cmd, sub.word), what: `pnpm ${sub.word.value}`, fix: 'add --prod' };
    }
    case 'pip': case 'pip3': case 'uv': {
      // `pip install -r requirements-dev.txt`, `pip install -e ".[dev]"`, `uv pip install ...`
      const args = name === 'uv' ? (cmd.args[0]?.value === 'pip' ? cmd.args.slice(1) : null) : cmd.args;
      if (name === 'uv' && args === null) {
        if (cmd.args[0]?.value !== 'sync' || has(cmd, '--no-dev', '--no-default-groups', '--only-group', '--no-group')) return undefined;
        if (TRUE.test(env(df, instr, cmd, 'UV_NO_DEV') ?? '')) return undefined;
        return { span: span(cmd, cmd.args[0]), what: 'uv sync', fix: 'add --no-dev' };
      }
      if (!args || args.findIndex((a) => a.value === 'install') < 0) return undefined;
      for (let i = 0; i < args.length; i++) {
        const v = args[i].value;
        const file = v === '-r' || v === '--requirement' ? args[i + 1] : undefined;
        const inline = /^(?:-r|--requirement=)(.+)$/.exec(v);
        if (file && DEV_REQUIREMENTS.test(lastTwo(file.value))) {
          return { span: { start: file.start, end: file.end }, what: `pip install -r ${file.value}`, fix: 'install only the runtime requirements in the shipped image' };
        }
        if (inline && DEV_REQUIREMENTS.test(lastTwo(inline[1]))) return { span: { start: args[i].start, end: args[i].end }, what: `pip install ${v}`, fix: 'install only the runtime requirements in the shipped image' };
        if (DEV_EXTRAS.test(v) && !v.startsWith('-')) return { span: { start: args[i].start, end: args[i].end }, what: `pip install ${v}`, fix: 'install the package without its development extras' };
      }
      return undefined;
    }
    case 'poetry': {
      const sub = subcommand(cmd, ['-C', '--directory', '-P', '--project']);
      if (!sub || sub.word.value !== 'install') return undefined;
      if (has(cmd, '--only', '--without', '--no-dev', '--only-root')) return undefined;
      return { span: span(cmd, sub.word), what: 'poetry install', fix: 'add --only main (or --without dev)' };
    }
    case 'pipenv': {
      const dev = cmd.args.find((a) => a.value === '--dev' || a.value === '-d');
      if (cmd.args[0]?.value !== 'install' || !dev) return undefined;
      return { span: { start: dev.start, end: dev.end }, what: 'pipenv install --dev', fix: 'drop --dev' };
    }
    case 'composer': {
      const sub = subcommand(cmd, ['-d', '--working-dir']);
      if (!sub || (sub.word.value !== 'install' && sub.word.value !== 'i')) return undefined;
      if (has(cmd, '--no-dev') || TRUE.test(env(df, instr, cmd, 'COMPOSER_NO_DEV') ?? '')) return undefined;
      return { span: span(cmd, sub.word), what: `composer ${sub.word.value}`, fix: 'add --no-dev' };
    }
    case 'bundle': {
      const sub = subcommand(cmd, ['--gemfile', '--path', '--jobs', '-j', '--retry']);
      if (sub ? sub.word.value !== 'install' : cmd.args.some((a) => INFO_FLAG.test(a.value))) return undefined;
      if (bundlerConfigured || has(cmd, '--without', '--deployment-without')) return undefined;
      const without = env(df, instr, cmd, 'BUNDLE_WITHOUT');
      if (without !== undefined && /dev/.test(without)) return undefined;
      return { span: span(cmd, sub?.word ?? cmd.words[0]), what: sub ? 'bundle install' : 'bundle', fix: "set ENV BUNDLE_WITHOUT=development:test (or run `bundle config set --local without 'development test'` first)" };
    }
  }
  return undefined;
}

// Tools whose dev and production installs are alternatives (pip installs requirement files one after another).
const ONE_WAY_TOOLS = new Set(['npm', 'yarn', 'pnpm', 'poetry', 'pipenv', 'composer', 'bundle', 'uv']);
const INSTALL_WORDS = new Set(['install', 'i', 'ci', 'clean-install', 'sync']);
const CONDITIONAL = /\b(?:if|case)\b/;

/** An install without dev dependencies in a RUN with an if or case, where another branch may install them. */
function installsOneWay(df: Dockerfile, instr: Instruction, cmd: Command, name: string): boolean {
  return ONE_WAY_TOOLS.has(name) && cmd.args.some((a) => INSTALL_WORDS.has(a.value)) && CONDITIONAL.test(df.source.text.slice(instr.start, instr.end));
}

/** Does this command (base name `name`) remove development dependencies installed earlier? */
function prunes(cmd: Command, name: string): boolean {
  const first = cmd.args[0]?.value;
  if (name === 'npm' && first === 'prune') return true;
  if (name === 'pnpm' && first === 'prune') return true;
  if (name === 'yarn' && (cmd.args.some((a) => a.value === '--production') || first === 'workspaces')) return true;
  if (name === 'rm' && cmd.args.some((a) => NODE_MODULES.test(a.value))) return true;
  return false;
}

export default defineRule({
  id: 'DF109',
  name: 'dev-dependencies-in-final-stage',
  aliases: [],
  meta: {
    target: 'dockerfile',
    category: 'security',
    severity: 'warning',
    fixable: null,
    status: 'stable',
    docs: {
      summary: 'The image you ship installs development dependencies (`npm ci` without `--omit=dev`, `poetry install` without `--only main`, ...).',
      why: 'Test runners, linters, bundlers and type checkers make the image larger and add packages (with their vulnerabilities) that production never runs. Install only runtime dependencies in the final image, or build in an earlier stage and copy the result. Flags, in the final stage and the stages it builds FROM: `npm ci`/`npm install` without `--omit=dev`/`--production`/`--only=production` and without NODE_ENV=production or NPM_CONFIG_OMIT=dev in scope, `yarn install` without `--production`, `pnpm install` without `--prod`, `pip install -r` of a dev/test requirements file or `.[dev]` extras, `poetry install` without `--only`/`--without`/`--no-dev`, `pipenv install --dev`, `uv sync` without `--no-dev`, `composer install` without `--no-dev` (or COMPOSER_NO_DEV=1), and `bundle install` without BUNDLE_WITHOUT, `--without` or an earlier `bundle config ... without`. On node images before 15, whose npm 6 ignores `--omit=dev`, the advice is `--production`. Skips build stages that the final image only copies from, and Node installs followed by `npm prune`, `pnpm prune`, `yarn install --production` or `rm -rf node_modules` later in the shipped stages. Dev containers (a Dockerfile in `.devcontainer/`, one built on a dev container image, or one whose final stage is `dev-envs`, the target of Docker Dev Environments) are skipped: they are environments to develop in, never shipped. So are images whose CMD/ENTRYPOINT runs a test runner or dev server (cypress, jest, nodemon, `ng serve`, `npm run dev`/`test`, ...), which need their dev dependencies.',
      bad: 'FROM node:20-slim\nWORKDIR /app\nCOPY package.json package-lock.json ./\nRUN npm ci\nCOPY . .\nCMD ["node", "server.js"]\n',
      good: 'FROM node:20-slim\nWORKDIR /app\nCOPY package.json package-lock.json ./\nRUN npm ci --omit=dev\nCOPY . .\nCMD ["node", "server.js"]\n',
    },
    messages: {
      dev: '`{{what}}` in the image you ship also installs development dependencies; {{fix}}.',
    },
  },
  check({ df, report }) {
    if (isDevContainer(df)) return;
    let commands = runCommandsWhere(df, isInstaller);
    if (commands.length === 0 || runsDevTool(df)) return;
    if (NODE_TOOLS.some((n) => runCommandsNamed(df, n).length > 0)) commands = runCommandsWhere(df, isInstallerOrRm);
    // The shipped stages in build order (ancestors come first in the file), pruning commands noted.
    // Only installers (and `rm`) are walked: `order` just compares installs with later prunes.
    const found: Array<{ at: number; f: Finding; node: boolean; instr: Instruction; name: string }> = [];
    // `tool@instruction` where a conditional RUN also installs without dev dependencies: `if [ "$DEV" = true ];
    // then poetry install; else poetry install --only main; fi` ships the dev ones only when asked to.
    const prodInstalls = new Set<string>();
    let lastPrune = -1;
    let bundlerConfigured = false;
    let order = 0;
    for (const { instr, cmd, base: name } of commands) {
      if (!df.shippedStages.has(instr.stage)) continue;
      order++;
      if (cmd.words.length === 0) continue;
      if (prunes(cmd, name)) lastPrune = order;
      if (name === 'rm') continue;
      if (name === 'bundle' && cmd.args[0]?.value === 'config' && cmd.args.some((a) => a.value === 'without' || a.value.startsWith('without'))) bundlerConfigured = true;
      const f = devInstall(df, instr, cmd, name, bundlerConfigured);
      if (f) found.push({ at: order, f, node: name === 'npm' || name === 'yarn' || name === 'pnpm', instr, name });
      else if (installsOneWay(df, instr, cmd, name)) prodInstalls.add(`${name}@${instr.start}`);
    }
    for (const { at, f, node, instr, name } of found) {
      if ((node && lastPrune > at) || prodInstalls.has(`${name}@${instr.start}`)) continue;
      report({ messageId: 'dev', data: { what: f.what, fix: f.fix }, span: f.span });
    }
  },
});

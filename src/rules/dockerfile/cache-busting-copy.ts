import type { Instruction } from '../../model/dockerfile/types.js';
import type { Command } from '../../model/shell/types.js';
import { defineRule } from '../types.js';
import { positionals, runCommandsWhere, subcommand } from '../helpers/dockerfile.js';

// Sources that mean "the whole build context".
const WHOLE = new Set(['.', './', './.', '*', './*']);
const NPM_VALUE = ['--registry', '--prefix', '--loglevel', '--cache', '--userconfig', '--omit', '--include', '--workspace', '-w', '-C'];
// `yarn --version`, `bundle -v`: bare commands that only print information.
const INFO_FLAG = /^(?:-v|-V|--version|-h|--help)$/;
const MVN_BUILD_GOALS = new Set(['package', 'install', 'verify', 'compile', 'dependency:go-offline', 'dependency:resolve']);

// Every command name dependencyInstall() handles (keep the two in step).
const INSTALLERS = new Set(['npm', 'yarn', 'pnpm', 'pip', 'pip3', 'python', 'python3', 'uv', 'poetry', 'pipenv', 'go', 'bundle', 'mvn', 'mvnw', 'composer', 'cargo', 'dotnet']);
const isInstaller = (n: string): boolean => INSTALLERS.has(n);

/** The ecosystem and manifest files of a dependency install, if the command (base name `name`) is one. */
function dependencyInstall(cmd: Command, name: string): { eco: string; manifest: string; label?: string } | undefined {
  const a0 = cmd.args[0]?.value;
  switch (name) {
    case 'npm': {
      const sub = subcommand(cmd, NPM_VALUE);
      if (sub?.word.value === 'ci' || sub?.word.value === 'clean-install') return { eco: 'npm', manifest: 'package.json and package-lock.json' };
      if ((sub?.word.value === 'install' || sub?.word.value === 'i') && positionals(cmd.args.slice(sub.index + 1), NPM_VALUE).length === 0) {
        return { eco: 'npm', manifest: 'package.json and package-lock.json' };
      }
      return undefined;
    }
    case 'yarn': {
      const sub = subcommand(cmd, ['--cwd', '--modules-folder', '--cache-folder']);
      if (!sub && cmd.args.some((a) => INFO_FLAG.test(a.value))) return undefined;
      return !sub || sub.word.value === 'install' ? { eco: 'yarn', manifest: 'package.json and yarn.lock' } : undefined;
    }
    case 'pnpm': {
      const sub = subcommand(cmd, ['--filter', '-F', '-C', '--dir']);
      return sub?.word.value === 'install' || sub?.word.value === 'i' ? { eco: 'pnpm', manifest: 'package.json and pnpm-lock.yaml' } : undefined;
    }
    case 'pip': case 'pip3': case 'python': case 'python3': case 'uv': {
      let args = cmd.args;
      if (name.startsWith('python')) args = a0 === '-m' && args[1]?.value === 'pip' ? args.slice(2) : [];
      if (name === 'uv') {
        if (a0 === 'sync') return { eco: 'uv', manifest: 'pyproject.toml and uv.lock' };
        args = a0 === 'pip' ? args.slice(1) : [];
      }
      if (args[0]?.value !== 'install' && !args.some((w) => w.value === 'install')) return undefined;
      const r = args.findIndex((w) => w.value === '-r' || w.value === '--requirement');
      const inline = args.find((w) => /^(?:-r.|--requirement=)/.test(w.value));
      const file = r >= 0 ? args[r + 1]?.value : inline?.value.replace(/^(?:-r|--requirement=)/, '');
      return file ? { eco: 'pip', manifest: file, label: `pip install -r ${file}` } : undefined;
    }
    case 'poetry':
      return subcommand(cmd, ['-C', '--directory', '-P', '--project'])?.word.value === 'install' ? { eco: 'poetry', manifest: 'pyproject.toml and poetry.lock' } : undefined;
    case 'pipenv':
      return a0 === 'install' && positionals(cmd.args.slice(1)).length === 0 ? { eco: 'pipenv', manifest: 'Pipfile and Pipfile.lock' } : undefined;
    case 'go':
      return a0 === 'mod' && cmd.args[1]?.value === 'download' ? { eco: 'go', manifest: 'go.mod and go.sum' } : undefined;
    case 'bundle': {
      const sub = subcommand(cmd, ['--gemfile', '--jobs', '-j', '--retry', '--path']);
      if (!sub && cmd.args.some((a) => INFO_FLAG.test(a.value))) return undefined;
      return !sub || sub.word.value === 'install' ? { eco: 'bundle', manifest: 'Gemfile and Gemfile.lock' } : undefined;
    }
    case 'mvn': case 'mvnw': {
      const goal = positionals(cmd.args, ['-f', '--file', '-s', '--settings', '-P', '--activate-profiles', '-pl', '--projects', '-T', '--threads']).find((w) => MVN_BUILD_GOALS.has(w.value));
      return goal ? { eco: 'maven', manifest: 'pom.xml', label: `mvn ${goal.value}` } : undefined;
    }
    case 'composer':
      return subcommand(cmd, ['-d', '--working-dir'])?.word.value === 'install' ? { eco: 'composer', manifest: 'composer.json and composer.lock' } : undefined;
    case 'cargo':
      return a0 === 'fetch' ? { eco: 'cargo', manifest: 'Cargo.toml and Cargo.lock' } : undefined;
    case 'dotnet':
      return a0 === 'restore' ? { eco: 'dotnet', manifest: 'the *.csproj / *.sln files' } : undefined;
  }
  return undefined;
}

/** The stage's first COPY/ADD of the whole build context: installs after it re-run on every code change. */
function wholeCopy(instructions: readonly Instruction[]): Instruction | undefined {
  for (const instr of instructions) if (copiesEverything(instr)) return instr;
  return undefined;
}

/** Is this a COPY/ADD of the whole build context (`COPY . .`, `ADD . /app`)? */
function copiesEverything(instr: Instruction): boolean {
  if ((instr.keyword !== 'COPY' && instr.keyword !== 'ADD') || instr.flags.some((f) => f.name === 'from')) return false;
  const sources = instr.json ? instr.json.values.slice(0, -1) : instr.words.slice(0, -1).map((w) => w.value);
  return sources.some((s) => WHOLE.has(s));
}

/**
 * A manifest named by its path in the image (`pip install -r /usr/src/app/requirements.txt` after
 * `COPY . /usr/src/app`) as the file in the build context (`requirements.txt`).
 */
function contextPath(whole: Instruction, manifest: string): string {
  if (!manifest.startsWith('/')) return manifest;
  const dest = whole.json ? whole.json.values[whole.json.values.length - 1] : whole.words[whole.words.length - 1].value;
  const dir = dest.endsWith('/') ? dest : `${dest}/`;
  return dir.startsWith('/') && dir.length > 1 && manifest.startsWith(dir) ? manifest.slice(dir.length) : manifest;
}

export default defineRule({
  id: 'DF105',
  name: 'cache-busting-copy',
  aliases: [],
  meta: {
    target: 'dockerfile',
    category: 'performance',
    severity: 'warning',
    fixable: null,
    status: 'stable',
    docs: {
      summary: 'The whole source is copied before the dependency install, so every code change re-installs all dependencies.',
      why: 'Docker reuses a cached layer only while everything before it is unchanged. After `COPY . .`, any edited source file invalidates the cache, so `npm ci`, `pip install -r`, `go mod download` and friends run again on every build. Copy only the dependency manifests first, install, then copy the rest. Flags a `COPY`/`ADD` of `.` (or `*`) that comes before a dependency install in the same stage (npm ci / npm install, yarn, pnpm install, pip install -r, uv sync, poetry install, pipenv install, go mod download, bundle install, mvn package / dependency:go-offline, composer install, cargo fetch, dotnet restore), in every stage since build stages are cached too. Skips the stage when the same ecosystem already installed its dependencies before the whole-source COPY (the second install only adds the project itself), and `COPY --from`. A manifest COPY without an install before `COPY . .` does not help the cache, so it does not silence the rule.',
      bad: 'FROM node:20-slim\nWORKDIR /app\nCOPY . .\nRUN npm ci --omit=dev\nCMD ["node", "server.js"]\n',
      good: 'FROM node:20-slim\nWORKDIR /app\nCOPY package.json package-lock.json ./\nRUN npm ci --omit=dev\nCOPY . .\nCMD ["node", "server.js"]\n',
    },
    messages: {
      bust: 'This copies the whole source before `{{install}}` (line {{line}}), so any code change re-runs the install; copy {{manifest}} first, run the install, then copy the rest.',
    },
  },
  check({ df, report, source }) {
    // Only the installer commands (from the per-file index, in file order, so stage by stage).
    let stage = -1;
    let whole: Instruction | undefined;
    let installedEarly: Set<string> | undefined;
    let reported = false;
    for (const { instr, cmd, base } of runCommandsWhere(df, isInstaller)) {
      if (instr.stage < 0) continue;
      if (instr.stage !== stage) {
        stage = instr.stage;
        whole = wholeCopy(df.stages[stage].instructions);
        installedEarly = undefined;
        reported = false;
      }
      // A stage without a whole-context COPY has nothing to report.
      if (reported || !whole) continue;
      const dep = dependencyInstall(cmd, base);
      if (!dep) continue;
      if (instr.start < whole.start) { (installedEarly ??= new Set()).add(dep.eco); continue; }
      if (installedEarly?.has(dep.eco)) continue;
      const last = whole.json ? whole.json.span.end : whole.words[whole.words.length - 1].end;
      const install = dep.label ?? cmd.words.slice(0, 3).map((w) => w.value).filter((v, k) => k === 0 || !v.startsWith('-')).join(' ');
      report({
        messageId: 'bust',
        data: { install, line: source.position(cmd.words[0].start).line, manifest: contextPath(whole, dep.manifest) },
        span: { start: whole.keywordSpan.start, end: last },
      });
      reported = true;
    }
  },
});

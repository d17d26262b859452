import type { Dockerfile, Instruction, Stage } from '../../model/dockerfile/types.js';
import type { CopySource } from '../../model/context/copy-sources.js';
import type { BuildContext } from '../../model/context/context.js';
import { defineContextRule, exampleTree, type ContextRuleContext } from '../context-types.js';
import { lastCommandWithoutExec, startScript } from '../helpers/entrypoint-script.js';
import { readHead } from './_helpers.js';
import { stageChain } from '../helpers/dockerfile.js';
import { goClean } from '../../model/context/gopath.js';

const bad = exampleTree({
  'Dockerfile': 'FROM node:20-slim\nWORKDIR /app\nCOPY package.json package-lock.json ./\nRUN npm ci --omit=dev\nCOPY . .\nCOPY docker-entrypoint.sh /usr/local/bin/\nUSER node\nENTRYPOINT ["docker-entrypoint.sh"]\nCMD ["node", "server.js"]\n',
  '.dockerignore': 'node_modules\n',
  'docker-entrypoint.sh': '#!/bin/sh\nset -e\nnode migrate.js\n"$@"\n',
  'package.json': '{}',
  'package-lock.json': '{}',
  'server.js': '',
});
const good = exampleTree({ ...bad.files, 'docker-entrypoint.sh': '#!/bin/sh\nset -e\nnode migrate.js\nexec "$@"\n' });

// Where the runtime looks for a program named without a slash (the default PATH of Linux images).
const PATH_DIRS = ['/usr/local/sbin', '/usr/local/bin', '/usr/sbin', '/usr/bin', '/sbin', '/bin'];

/** An absolute path cleaned the way Go's path.Clean does (`/a/./b/../c` -> `/a/c`). */
const normalize = (path: string): string => goClean(`/${path}`);
const join = (dir: string, rel: string): string => goClean(`${dir}/${rel}`);

/**
 * The working directory each instruction of the chain runs in (`/` until a WORKDIR), or null where
 * a variable hides it; one pass, as a file can have thousands of COPYs to place.
 */
function workdirs(df: Dockerfile, chain: Stage[]): Map<Instruction, string | null> {
  const out = new Map<Instruction, string | null>();
  let dir: string | null = '/';
  for (const s of chain) {
    for (const i of s.instructions) {
      out.set(i, dir);
      if (i.keyword !== 'WORKDIR' || i.words.length === 0) continue;
      const path = df.expand(i, i.words.map((w) => w.value).join(' '));
      dir = path === null ? null : path.startsWith('/') ? normalize(path) : dir === null ? null : join(dir, path);
    }
  }
  return out;
}

/** The exec-form ENTRYPOINT the image starts with, else its exec-form CMD. */
function startInstruction(chain: Stage[]): Instruction | undefined {
  let entrypoint: Instruction | undefined;
  let cmd: Instruction | undefined;
  for (const s of chain) {
    for (const i of s.instructions) {
      if (i.keyword === 'ENTRYPOINT') entrypoint = i;
      else if (i.keyword === 'CMD') cmd = i;
    }
  }
  const start = entrypoint ?? cmd;
  return start?.json && start.json.values.length > 0 ? start : undefined;
}

/**
 * The context file a COPY/ADD puts at `target` in the image, if one does: a file source lands at
 * the destination or inside it (a directory there is not visible from the Dockerfile), a directory
 * source's files under the destination.
 */
function copiedFrom(c: BuildContext, srcs: CopySource[], dest: string, target: string): { path: string; src: CopySource } | undefined {
  let found: { path: string; src: CopySource } | undefined;
  const intoDir = dest.endsWith('/') || srcs.length > 1 || srcs.some((s) => s.wildcard);
  const destPath = normalize(dest);
  for (const src of srcs) {
    const paths = src.wildcard ? c.rawWildcardMatches(src, 1000) : [src.path];
    for (const p of paths) {
      const r = c.resolve(p);
      if (!r) continue;
      let candidate: string | undefined;
      if (r.type === 'file') {
        const name = p.slice(p.lastIndexOf('/') + 1);
        if (join(destPath, name) === target || (!intoDir && destPath === target)) candidate = p;
      } else if (r.type === 'dir' && target.startsWith(`${destPath === '/' ? '' : destPath}/`)) {
        const rel = target.slice(destPath === '/' ? 1 : destPath.length + 1);
        candidate = p === '.' ? rel : `${p}/${rel}`;
      }
      if (candidate === undefined) continue;
      const i = c.indexOf(candidate);
      if (i >= 0 && c.pulls(src, i) && c.resolve(candidate)?.type === 'file') found = { path: candidate, src };
    }
  }
  return found;
}

/** The context file that ends up at one of `targets` in the image: the last COPY/ADD wins. */
function scriptInContext(ctx: ContextRuleContext, chain: Stage[], dirs: Map<Instruction, string | null>, targets: string[]): string | undefined {
  const stages = new Set(chain.map((s) => s.index));
  const byInstr = new Map<Instruction, CopySource[]>();
  for (const src of ctx.sources) {
    if (src.mount || !stages.has(src.instr.stage)) continue;
    const list = byInstr.get(src.instr);
    if (list) list.push(src);
    else byInstr.set(src.instr, [src]);
  }
  let found: string | undefined;
  for (const [instr, srcs] of byInstr) {
    const words = instr.json ? instr.json.values : instr.words.map((w) => w.value);
    const written = words[words.length - 1];
    const dest = written === undefined ? null : ctx.df.expand(instr, written);
    if (dest === null || dest === undefined) continue;
    const dir = dest.startsWith('/') ? '/' : dirs.get(instr);
    if (dir === null || dir === undefined) continue;
    const abs = dest.startsWith('/') ? dest : `${dir}/${dest}`;
    for (const target of targets) {
      const hit = copiedFrom(ctx.context, srcs, abs, target);
      if (hit) found = hit.path;
    }
  }
  return found;
}

export default defineContextRule({
  id: 'DI012',
  name: 'entrypoint-script-no-exec',
  aliases: [],
  meta: {
    target: 'context',
    category: 'reliability',
    severity: 'warning',
    fixable: null,
    status: 'preview',
    docs: {
      summary: 'The entrypoint script COPYed from the build context starts the app as a child (`"$@"`, `node server.js`) instead of replacing itself with `exec`: signals are lost.',
      why: 'An entrypoint script runs as PID 1. When its last command starts the app without `exec`, the shell stays PID 1 and the app is its child: `docker stop` sends SIGTERM to the shell, which does not forward it, so the app gets no chance to shut down and is killed after the timeout. End the script with `exec "$@"` (or `exec node server.js`). shipready finds the script the final image starts with (exec-form ENTRYPOINT, else CMD, through tini or dumb-init and `sh script.sh`), follows the COPY/ADD that puts it there back to the build context, and reads it; scripts that set a `trap`, or end with a builtin such as `exit` or `wait`, are not flagged. The same check runs on built images (IM019). A script that ends by calling one of its own functions (docker-library\'s `_main "$@"`) is judged by that function\'s last command, since `exec` cannot run a function.',
      get bad() { return bad.text; },
      get good() { return good.text; },
      badFiles: bad.files,
      goodFiles: good.files,
      references: ['https://docs.docker.com/reference/dockerfile/#entrypoint'],
    },
    messages: {
      noExec: 'The entrypoint script {{file}} ends with `{{line}}` without `exec`: the shell stays PID 1 and SIGTERM never reaches the app. Use `exec {{line}}`.',
      noExecInFunction: 'The entrypoint script {{file}} ends by calling {{fn}}, whose last command `{{line}}` runs without `exec`: the shell stays PID 1 and SIGTERM never reaches the app. Use `exec {{line}}` in {{fn}}.',
    },
  },
  check(ctx) {
    if (ctx.contextMismatch || ctx.sources.length === 0) return;
    const last = ctx.df.stages[ctx.df.stages.length - 1];
    if (!last) return;
    const chain = stageChain(ctx.df, last);
    const start = startInstruction(chain);
    if (!start?.json || start.json.values.some((v) => v.includes('$'))) return;
    const script = startScript(start.json.values);
    if (!script) return;
    const dirs = workdirs(ctx.df, chain);
    let targets: string[];
    if (script.path.startsWith('/')) targets = [normalize(script.path)];
    else if (script.path.includes('/') || script.viaShell) {
      const dir = dirs.get(start);
      if (dir === null || dir === undefined) return;
      targets = [join(dir, script.path)];
    } else targets = PATH_DIRS.map((d) => `${d}/${script.path}`);
    const file = scriptInContext(ctx, chain, dirs, targets);
    if (file === undefined) return;
    const text = readHead(ctx.context, file, 256 * 1024);
    if (text.includes('\0')) return;
    const ending = lastCommandWithoutExec(text, script.viaShell);
    if (ending === null) return;
    const span = start.json.spans[script.index];
    const messageId = ending.fn === undefined ? 'noExec' : 'noExecInFunction';
    ctx.report({ messageId, data: { file, ...ending }, span: { start: span.start, end: span.end }, key: file });
  },
});

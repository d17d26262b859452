// Benchmark (not part of `npm test`): walking a 100,000-file build context, compared with `find`.
//   node bench/context.mjs [--files 100000] [--runs 5]
// Builds the tree under the system temp directory (reused between runs), then times, median of N:
//   find DIR                      names only (what a walk without sizes has to beat)
//   find DIR -printf '%s'         names and sizes (one stat per entry)
//   walk                          shipready's walk with a .dockerignore (readdir withFileTypes, no stat)
//   walk + sizes                  the same plus the size of every sent file (what `context` prints)
//   shipready context --format json   the whole CLI command, process start included
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';

const root = new URL('..', import.meta.url).pathname;
const arg = (name, def) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : def;
};
const FILES = arg('files', 100_000);
const RUNS = arg('runs', 5);
const dir = join(tmpdir(), `shipready-bench-context-${FILES}`);

function makeTree() {
  if (existsSync(join(dir, '.complete'))) return;
  rmSync(dir, { recursive: true, force: true });
  const perLeaf = 100;
  const leaves = Math.ceil(FILES / perLeaf);
  let made = 0;
  for (let l = 0; l < leaves && made < FILES; l++) {
    const leaf = join(dir, `pkg${l % 10}`, `mod${Math.floor(l / 10) % 10}`, `part ${Math.floor(l / 100)}`);
    mkdirSync(leaf, { recursive: true });
    for (let f = 0; f < perLeaf && made < FILES; f++, made++) {
      const name = f % 10 === 0 ? `.hidden${f}` : f % 25 === 0 ? `log${f}.log` : `file${f}.txt`;
      writeFileSync(join(leaf, name), 'x'.repeat(f * 7));
    }
  }
  writeFileSync(join(dir, 'Dockerfile'), 'FROM alpine:3.20\nCOPY pkg1 /pkg1/\nCOPY . /app/\n');
  writeFileSync(join(dir, '.dockerignore'), '# bench\n**/*.log\n!pkg0/mod0/part 0/log25.log\npkg9/mod9\n');
  writeFileSync(join(dir, '.complete'), '');
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function time(fn) {
  const out = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    fn();
    out.push(performance.now() - t);
  }
  return median(out);
}

console.log(`building ${FILES} files in ${dir} ...`);
makeTree();
const out = join(root, 'node_modules/.cache/shipready-bench-context.mjs');
mkdirSync(join(root, 'node_modules/.cache'), { recursive: true });
await build({
  stdin: { contents: "export { BuildContext } from './src/model/context/context.ts'; export { contextReport } from './src/model/context/report.ts'; export { parseDockerfile } from './src/model/dockerfile/parse.ts';", resolveDir: root, loader: 'ts' },
  bundle: true, platform: 'node', format: 'esm', outfile: out, packages: 'external', logLevel: 'warning',
});
const { BuildContext, contextReport, parseDockerfile } = await import(out);

// Warm the page cache once so every contender reads from memory.
execFileSync('find', [dir], { maxBuffer: 1 << 30 });
const rows = [];
let entries = 0;
rows.push(['find DIR', time(() => execFileSync('find', [dir], { maxBuffer: 1 << 30 }))]);
rows.push(["find DIR -printf '%s'", time(() => execFileSync('find', [dir, '-printf', '%s\n'], { maxBuffer: 1 << 30 }))]);
rows.push(['walk (with .dockerignore)', time(() => { entries = new BuildContext(dir, { dockerfile: join(dir, 'Dockerfile') }).walk().count; })]);
rows.push(['walk + sizes + report', time(() => {
  const ctx = new BuildContext(dir, { dockerfile: join(dir, 'Dockerfile') });
  contextReport(ctx, parseDockerfile('Dockerfile', 'FROM alpine:3.20\nCOPY pkg1 /pkg1/\nCOPY . /app/\n'), (p) => p);
})]);
const cli = join(root, 'bin/shipready.cjs');
if (existsSync(join(root, 'dist/cli/entry.cjs'))) {
  rows.push(['shipready context --format json (CLI)', time(() => {
    const r = spawnSync(process.execPath, [cli, 'context', dir, '--format', 'json'], { encoding: 'utf8', maxBuffer: 1 << 28 });
    if (r.status !== 0) throw new Error(r.stderr);
  })]);
}
console.log(`${entries} entries walked (${FILES} files), median of ${RUNS} runs, node ${process.version}\n`);
const base = rows[0][1];
for (const [name, ms] of rows) console.log(`${name.padEnd(40)} ${ms.toFixed(0).padStart(6)} ms  ${(ms / base).toFixed(2)}x find`);
console.log(`\nThe tree stays in ${dir} for the next run; delete it when done.`);

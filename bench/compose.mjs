// Compose throughput: shipready vs dclint (npm) on the shared Compose corpus, in one run.
// Usage: npm run build && node bench/compose.mjs [--corpus DIR] [--limit N] [--out FILE] [--no-write]
// Both CLIs get the same file list in one process each; peak RSS comes from a --require hook.
// shipready is also measured in-process (library API, warm), which is the "files/s in one process" figure.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const HOOK = join(root, 'bench/maxrss.cjs');

function arg(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : fallback;
}

function runChild(label, args, cwd) {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, ['--require', HOOK, ...args], { cwd, encoding: 'utf8', maxBuffer: 512 * 1024 * 1024 });
  const seconds = (performance.now() - t0) / 1000;
  const m = /@@MAXRSS (\d+)/.exec(r.stderr ?? '');
  if (r.error) throw new Error(`${label}: ${r.error.message}`);
  return { seconds, peakMB: m ? Number(m[1]) / 1024 : null, status: r.status, stdout: r.stdout, stderr: r.stderr };
}

export async function runComposeBench(opts = {}) {
  const corpus = resolve(opts.corpus ?? arg('corpus', join(root, '../shared/corpus/compose')));
  if (!existsSync(corpus)) {
    console.log(`compose bench: ${corpus} not found, skipped`);
    return null;
  }
  const limit = Number(opts.limit ?? arg('limit', '0'));
  let files = readdirSync(corpus).filter((f) => /\.ya?ml$/i.test(f)).sort();
  if (limit > 0) files = files.slice(0, limit);
  const cli = join(root, 'bin/shipready.cjs');
  const dclintBin = join(root, 'node_modules/dclint/bin/dclint.cjs');

  // 1. shipready CLI, one process, schema validation on (always on), all Compose rules at their defaults.
  const ship = runChild('shipready', [cli, 'lint', '--no-shellcheck', '--format', 'json', '--no-fail', ...files], corpus);
  const shipJson = JSON.parse(ship.stdout);
  const shipErrors = (shipJson.errors ?? []).filter((e) => e.kind === 'internal').length;

  // 2. dclint CLI, one process, the same files.
  let dcl = null;
  if (existsSync(dclintBin)) {
    dcl = runChild('dclint', [dclintBin, '--formatter', 'json', ...files], corpus);
    if (!/^\s*\[/.test(dcl.stdout)) dcl.note = 'unexpected output';
  }

  // 3. shipready in-process through the library API (best of 3 warm runs).
  const lib = await import(pathToFileURL(join(root, 'dist/index.js')).href);
  let best = Infinity;
  let linted = 0;
  const rssBefore = process.memoryUsage().rss;
  for (let i = 0; i < 3; i++) {
    const t0 = performance.now();
    const r = await lib.lint(files, { cwd: corpus, shellcheck: false, config: {} });
    best = Math.min(best, (performance.now() - t0) / 1000);
    linted = r.files.filter((f) => files.includes(f)).length;
  }
  const inProcPeakMB = process.resourceUsage().maxRSS / 1024;

  const rate = (n, s) => (s > 0 ? n / s : 0);
  const result = {
    date: new Date().toISOString().slice(0, 10),
    node: process.version,
    files: files.length,
    shipready: { seconds: ship.seconds, filesPerSecond: rate(files.length, ship.seconds), peakMB: ship.peakMB, findings: (shipJson.findings ?? []).length, internalErrors: shipErrors },
    shipreadyInProcess: { seconds: best, filesPerSecond: rate(linted, best), linted, peakMB: inProcPeakMB, rssBeforeMB: rssBefore / 1048576 },
    dclint: dcl ? { seconds: dcl.seconds, filesPerSecond: rate(files.length, dcl.seconds), peakMB: dcl.peakMB, note: dcl.note } : null,
  };
  const md = render(result, corpus);
  if (!process.argv.includes('--no-write') && opts.write !== false) writeFileSync(opts.out ?? arg('out', join(root, 'docs/benchmarks-compose.md')), md);
  console.log(md);
  return result;
}

function render(r, corpus) {
  const f = (n, d = 1) => (n === null || n === undefined ? 'n/a' : n.toFixed(d));
  const lines = [
    '# Compose benchmark',
    '',
    '<!-- Written by `node bench/compose.mjs` (also run by `npm run bench`). Do not edit by hand. -->',
    '',
    `${r.files} Compose files from the shared corpus (\`${corpus.split('/').slice(-3).join('/')}\`), ${r.date}, Node ${r.node}, on this 2-core machine.`,
    'Each CLI runs once, in one process, over the whole file list; time includes start-up. Peak memory is the process\'s max RSS.',
    '',
    '| Tool | Files | Time (s) | Files/s | Peak RSS (MB) | Notes |',
    '|---|---:|---:|---:|---:|---|',
    `| shipready CLI (\`shipready lint\`, schema validation on) | ${r.files} | ${f(r.shipready.seconds, 2)} | ${f(r.shipready.filesPerSecond, 0)} | ${f(r.shipready.peakMB, 0)} | ${r.shipready.findings} findings, ${r.shipready.internalErrors} internal errors |`,
    `| shipready library, in process (warm, best of 3) | ${r.shipreadyInProcess.linted} | ${f(r.shipreadyInProcess.seconds, 2)} | ${f(r.shipreadyInProcess.filesPerSecond, 0)} | ${f(r.shipreadyInProcess.peakMB, 0)} | peak of the bench process |`,
    r.dclint ? `| dclint (npm) | ${r.files} | ${f(r.dclint.seconds, 2)} | ${f(r.dclint.filesPerSecond, 0)} | ${f(r.dclint.peakMB, 0)} | ${r.dclint.note ?? 'default rules'} |` : '| dclint (npm) | - | - | - | - | not installed |',
    '',
    r.dclint ? `shipready is ${f(r.shipready.filesPerSecond / r.dclint.filesPerSecond, 1)}x dclint's throughput end to end; target: at least 500 files/s in one process.` : '',
    '',
  ];
  return lines.join('\n');
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await runComposeBench();
}

// Dockerfile benchmark: shipready vs dockerfilelint and dockerfile-utils (npm) on the shared corpus.
// Usage: npm run bench   (= npm run build && node bench/run.mjs)
//        node bench/run.mjs [--corpus DIR] [--passes 7] [--warmup 3] [--rounds 3] [--runs 15] [--no-write] [--no-compose] [--no-image]
//
// (a)-(c) Throughput in one process: each tool runs in its own child process (same Node, fresh JIT)
//         over the corpus files read into memory first; a few warm-up passes, then timed passes;
//         files/s is from the median pass; in --rounds rounds (tools in rotating order), reporting each
//         tool's median round and the median per-round ratio to dockerfilelint. shipready goes through its library API (dist/index.js,
//         lintText with the default configuration, so no ShellCheck); dockerfilelint through run(),
//         dockerfile-utils through validate(). Exceptions a tool throws are counted per file, never fatal.
//         Peak RSS is the child's max resident set size at the end (files, modules and all passes).
// (d)     Cold start for one file: wall time of each command from spawn to exit, interleaved round by
//         round (every command once per round, rotating the order), after warm-up rounds; median.
// Writes docs/benchmarks.md and prints it. Then runs the Compose benchmark (bench/compose.mjs)
// unless --no-compose, and the image benchmark (bench/image.mjs) unless --no-image. Without the corpus it says so and runs only the image benchmark.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { availableParallelism, cpus, platform, release, tmpdir, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const self = fileURLToPath(import.meta.url);
const require = createRequire(join(root, 'package.json'));

function arg(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && i + 1 < process.argv.length ? process.argv[i + 1] : fallback;
}
const flag = (name) => process.argv.includes(`--${name}`);
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

const TARGETS = { filesPerSecond: 1000, vsDockerfilelint: 5, coldStartRatio: 1.3 };
const TOOLS = {
  shipready: { label: 'shipready (library `lintText`, default rules)' },
  dockerfilelint: { label: 'dockerfilelint (`run`)', pkg: 'dockerfilelint' },
  'dockerfile-utils': { label: 'dockerfile-utils (`validate`)', pkg: 'dockerfile-utils' },
};

function listCorpus(dir) {
  return readdirSync(dir)
    .filter((f) => !f.startsWith('.'))
    .sort()
    .filter((f) => statSync(join(dir, f)).isFile());
}

// ---------------------------------------------------------------- worker: throughput of one tool
async function worker(tool, corpus, warmup, passes) {
  const names = listCorpus(corpus);
  const texts = names.map((f) => readFileSync(join(corpus, f), 'utf8'));
  let lintOne;
  let count = () => 0;
  if (tool === 'shipready') {
    const lib = await import(pathToFileURL(join(root, 'dist/index.js')).href);
    let internal = 0;
    lintOne = (text, name) => {
      const r = lib.lintText(text, { path: name });
      for (const e of r.errors) if (e.kind === 'internal') internal++;
      return r.findings.length;
    };
    count = () => internal;
  } else if (tool === 'dockerfilelint') {
    const dfl = require('dockerfilelint');
    // The CLI passes the file's directory, where it looks for a .dockerfilelintrc (there is none).
    lintOne = (text) => dfl.run(corpus, text).length;
  } else if (tool === 'dockerfile-utils') {
    const du = require('dockerfile-utils');
    lintOne = (text) => du.validate(text).length;
  } else throw new Error(`unknown tool ${tool}`);

  const times = [];
  let crashed = [];
  let findings = 0;
  let internalErrors = 0;
  for (let p = 0; p < warmup + passes; p++) {
    const crashes = [];
    let found = 0;
    const t0 = process.hrtime.bigint();
    for (let i = 0; i < texts.length; i++) {
      try {
        found += lintOne(texts[i], names[i]);
      } catch (e) {
        crashes.push(`${names[i]}: ${String(e?.message ?? e).split('\n')[0]}`);
      }
    }
    const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
    if (p === 0) {
      crashed = crashes;
      findings = found;
      internalErrors = count();
    }
    if (p >= warmup) times.push(seconds);
  }
  const med = median(times);
  // Where shipready's pass time goes: the same passes parsing only, then parsing plus every RUN's shell script.
  let phases = null;
  if (tool === 'shipready') {
    const lib = await import(pathToFileURL(join(root, 'dist/index.js')).href);
    const timePasses = (fn) => {
      const ts = [];
      for (let p = 0; p < warmup + passes; p++) {
        const t0 = process.hrtime.bigint();
        for (let i = 0; i < texts.length; i++) fn(texts[i], names[i]);
        if (p >= warmup) ts.push(Number(process.hrtime.bigint() - t0) / 1e9);
      }
      return median(ts);
    };
    const parse = timePasses((text, name) => lib.parseDockerfile(name, text));
    const shell = timePasses((text, name) => {
      const df = lib.parseDockerfile(name, text);
      for (const instr of df.instructions) if (instr.keyword === 'RUN') df.script(instr);
    });
    phases = { parseSeconds: parse, shellSeconds: Math.max(0, shell - parse), rulesSeconds: Math.max(0, med - shell) };
  }
  return {
    tool,
    phases,
    files: texts.length,
    passes: times,
    medianSeconds: med,
    filesPerSecond: texts.length / med,
    findings,
    crashes: crashed.length,
    crashSamples: crashed.slice(0, 5),
    internalErrors,
    peakRssMB: process.resourceUsage().maxRSS / 1024,
  };
}

function runWorker(tool, corpus, warmup, passes) {
  const r = spawnSync(process.execPath, [self, '--worker', tool, '--corpus', corpus, '--warmup', String(warmup), '--passes', String(passes)], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const line = (r.stdout ?? '').split('\n').find((l) => l.startsWith('@@RESULT '));
  if (r.status !== 0 || !line) {
    return { tool, failed: `exit ${r.status ?? r.signal}: ${(r.stderr || r.stdout || r.error?.message || '').trim().split('\n').slice(-3).join(' / ')}` };
  }
  return JSON.parse(line.slice('@@RESULT '.length));
}

// ---------------------------------------------------------------- cold start
function pickColdFile(corpus, names) {
  // A typical single-stage application Dockerfile when present, else the file of median size.
  const preferred = ['nodejs__docker-node__22__bookworm-slim__Dockerfile', 'docker-library__python__3.13__slim-bookworm__Dockerfile'];
  for (const p of preferred) if (names.includes(p)) return p;
  const bySize = names.map((f) => [f, statSync(join(corpus, f)).size]).sort((a, b) => a[1] - b[1] || (a[0] < b[0] ? -1 : 1));
  return bySize[bySize.length >> 1][0];
}

function coldStart(corpus, file, runs, warmup) {
  // The file alone in a fresh directory as `Dockerfile`, so shipready's build-context check sees a
  // one-file context (as in a small project), not the whole corpus directory.
  const dir = mkdtempSync(join(tmpdir(), 'shipready-bench-'));
  copyFileSync(join(corpus, file), join(dir, 'Dockerfile'));
  const node = process.execPath;
  const peerBin = (pkg, bin) => join(dirname(require.resolve(`${pkg}/package.json`)), bin);
  const commands = [
    { id: 'node', label: '`node -e 0`', args: ['-e', '0'] },
    { id: 'shipready', label: '`shipready lint Dockerfile --no-shellcheck`', args: [join(root, 'bin/shipready.cjs'), 'lint', 'Dockerfile', '--no-shellcheck'], ok: (r) => r.status === 0 || r.status === 1 },
    // The same without the V8 code cache (bin/shipready.cjs), to show what the cache saves.
    { id: 'shipready-nocache', label: '`shipready lint ...`, code cache off (`SHIPREADY_NO_CODE_CACHE=1`)', args: [join(root, 'bin/shipready.cjs'), 'lint', 'Dockerfile', '--no-shellcheck'], env: { ...process.env, SHIPREADY_NO_CODE_CACHE: '1' }, ok: (r) => r.status === 0 || r.status === 1 },
    { id: 'dockerfilelint-cli', label: '`dockerfilelint Dockerfile` (CLI)', args: [peerBin('dockerfilelint', 'bin/dockerfilelint'), 'Dockerfile'], ok: (r) => r.status !== null && !/Error|Cannot find/.test(r.stderr) },
    { id: 'dockerfilelint-lib', label: 'dockerfilelint, `node -e` require + run', args: ['-e', `require(${JSON.stringify(require.resolve('dockerfilelint'))}).run('.', require('fs').readFileSync('Dockerfile','utf8'))`] },
    { id: 'dockerfile-utils-cli', label: '`dockerfile-utils lint Dockerfile` (CLI)', args: [peerBin('dockerfile-utils', 'bin/dockerfile-utils'), 'lint', 'Dockerfile'], ok: (r) => r.status !== null && !/Error|Cannot find/.test(r.stderr) },
    { id: 'dockerfile-utils-lib', label: 'dockerfile-utils, `node -e` require + validate', args: ['-e', `require(${JSON.stringify(require.resolve('dockerfile-utils'))}).validate(require('fs').readFileSync('Dockerfile','utf8'))`] },
  ];
  try {
    // One checked run each: a command that does not work is reported, not timed.
    for (const c of commands) {
      const r = spawnSync(node, c.args, { cwd: dir, encoding: 'utf8', env: c.env });
      const ok = c.ok ? c.ok(r) : r.status === 0;
      if (!ok) c.failed = `exit ${r.status ?? r.signal}: ${(r.stderr || r.stdout || '').trim().split('\n').slice(-2).join(' / ')}`;
    }
    const live = commands.filter((c) => !c.failed);
    for (const c of live) c.times = [];
    for (let round = 0; round < warmup + runs; round++) {
      for (let k = 0; k < live.length; k++) {
        const c = live[(k + round) % live.length];
        const t0 = process.hrtime.bigint();
        spawnSync(node, c.args, { cwd: dir, stdio: 'ignore', env: c.env });
        const ms = Number(process.hrtime.bigint() - t0) / 1e6;
        if (round >= warmup) c.times.push(ms);
      }
    }
    for (const c of live) {
      c.medianMs = median(c.times);
      c.minMs = Math.min(...c.times);
      c.maxMs = Math.max(...c.times);
    }
    return commands;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------- report
function render(r) {
  const f = (n, d = 0) => (n === null || n === undefined || Number.isNaN(n) ? 'n/a' : n.toLocaleString('en-US', { minimumFractionDigits: d, maximumFractionDigits: d }));
  const ok = (pass) => (pass === null ? 'n/a' : pass ? 'met' : '**not met**');
  const ship = r.throughput.shipready;
  const dfl = r.throughput.dockerfilelint;
  const node = r.cold.find((c) => c.id === 'node');
  const shipCold = r.cold.find((c) => c.id === 'shipready');
  const ratio = (c) => (c?.medianMs && node?.medianMs ? c.medianMs / node.medianMs : null);
  const vsDfl = r.vsDockerfilelint ?? (ship?.filesPerSecond && dfl?.filesPerSecond ? ship.filesPerSecond / dfl.filesPerSecond : null);
  const lines = [
    '# Dockerfile benchmark',
    '',
    '<!-- Written by `npm run bench` (bench/run.mjs). Do not edit by hand. -->',
    '',
    `Measured ${r.date} on ${r.machine.cpu} (\`nproc\` ${r.machine.nproc}, ${f(r.machine.memGB)} GB RAM, ${r.machine.os}), Node ${r.machine.node}.`,
    `Corpus: ${r.files} Dockerfiles from \`../shared/corpus/dockerfiles\` (real files from 75 public repositories).`,
    '',
    '## Throughput in one process',
    '',
    `Each tool runs in its own Node process with the files already in memory: ${r.warmup} warm-up passes over the corpus, then ${r.passes} timed passes; a run's time is its median pass. This is done in ${r.rounds} rounds, each running every tool once in a rotating order; a tool's row is its median round, and the ratio to dockerfilelint is the median of the ${r.rounds} per-round ratios (${(r.ratios ?? []).map((x) => f(x, 2) + 'x').join(', ')}), so that a machine whose speed drifts slows all tools alike. Peak RSS is the process's max resident set size. A "crash" is a file on which the tool threw.`,
    '',
    '| Tool | Files/s (median) | Pass time, median (min-max) | Findings | Crashes | Peak RSS (MB) |',
    '|---|---:|---:|---:|---:|---:|',
  ];
  for (const [id, t] of Object.entries(TOOLS)) {
    const x = r.throughput[id];
    if (!x || x.failed) {
      lines.push(`| ${t.label} | failed | ${x?.failed ?? 'not run'} | | | |`);
      continue;
    }
    const crashNote = (x.crashes ? `${x.crashes} of ${x.files}` : '0') + (x.internalErrors ? ` (+${x.internalErrors} internal errors)` : '');
    lines.push(`| ${t.label} | ${f(x.filesPerSecond)} | ${f(x.medianSeconds * 1000)} ms (${f(Math.min(...x.passes) * 1000)}-${f(Math.max(...x.passes) * 1000)}) | ${f(x.findings)} | ${crashNote} | ${f(x.peakRssMB)} |`);
  }
  const crashers = Object.values(r.throughput).filter((x) => x?.crashes);
  if (crashers.length) {
    lines.push('');
    for (const x of crashers) lines.push(`${x.tool} threw on ${x.crashes} files, e.g. ${x.crashSamples.slice(0, 2).map((s) => `\`${s}\``).join(', ')}.`);
  }
  if (ship?.phases) {
    const ph = ship.phases;
    const us = (sec) => f((sec / r.files) * 1e6, 1);
    const pct = (sec) => f((sec / ship.medianSeconds) * 100);
    lines.push(
      '',
      "### Where shipready's pass time goes",
      '',
      'The same passes again, parsing only, then parsing plus every RUN\'s shell script; the rest of the lint pass is the rules and reporting (findings with positions, messages and fingerprints).',
      '',
      '| Phase | Per pass (ms) | Per file (µs) | Share |',
      '|---|---:|---:|---:|',
      `| Dockerfile parsing | ${f(ph.parseSeconds * 1000, 1)} | ${us(ph.parseSeconds)} | ${pct(ph.parseSeconds)}% |`,
      `| Shell parsing of RUN scripts | ${f(ph.shellSeconds * 1000, 1)} | ${us(ph.shellSeconds)} | ${pct(ph.shellSeconds)}% |`,
      `| Rules and reporting | ${f(ph.rulesSeconds * 1000, 1)} | ${us(ph.rulesSeconds)} | ${pct(ph.rulesSeconds)}% |`,
    );
  }
  lines.push(
    '',
    `## Cold start, one file`,
    '',
    `Wall time from spawn to exit for one corpus file (\`${r.coldFile}\`, copied alone into an empty directory as \`Dockerfile\`). ${r.coldRuns} interleaved rounds after ${r.coldWarmup} warm-up rounds; median (min-max).`,
    '',
    '| Command | Median (ms) | Min-max (ms) | vs `node -e 0` |',
    '|---|---:|---:|---:|',
  );
  for (const c of r.cold) {
    if (c.failed) lines.push(`| ${c.label} | failed | ${c.failed} | |`);
    else lines.push(`| ${c.label} | ${f(c.medianMs, 1)} | ${f(c.minMs, 1)}-${f(c.maxMs, 1)} | ${f(ratio(c), 2)}x |`);
  }
  lines.push(
    '',
    '## Targets',
    '',
    '| Target | Measured | Status |',
    '|---|---:|---|',
    `| at least ${f(TARGETS.filesPerSecond)} Dockerfiles/s in one process | ${f(ship?.filesPerSecond)} files/s | ${ok(ship?.filesPerSecond ? ship.filesPerSecond >= TARGETS.filesPerSecond : null)} |`,
    `| at least ${TARGETS.vsDockerfilelint}x dockerfilelint's throughput | ${vsDfl === null ? 'n/a' : `${f(vsDfl, 2)}x`} | ${ok(vsDfl === null ? null : vsDfl >= TARGETS.vsDockerfilelint)} |`,
    `| single-file cold start at most ${TARGETS.coldStartRatio}x \`node -e 0\` | ${ratio(shipCold) === null ? 'n/a' : `${f(ratio(shipCold), 2)}x`} | ${ok(ratio(shipCold) === null ? null : ratio(shipCold) <= TARGETS.coldStartRatio)} |`,
    '',
  );
  return lines.join('\n');
}

// ---------------------------------------------------------------- main
async function main() {
  const corpus = resolve(arg('corpus', join(root, '../shared/corpus/dockerfiles')));
  if (flag('worker')) {
    const res = await worker(arg('worker'), corpus, Number(arg('warmup', '3')), Number(arg('passes', '7')));
    process.stdout.write(`@@RESULT ${JSON.stringify(res)}\n`);
    return;
  }
  if (!existsSync(corpus)) {
    console.log(`bench: the Dockerfile corpus ${corpus} is not there (clone ../shared next to the repository); Dockerfile and Compose benchmarks skipped.`);
    await imageBench();
    return;
  }
  if (!existsSync(join(root, 'dist/index.js')) || !existsSync(join(root, 'bin/shipready.cjs'))) {
    console.error('bench: dist/ is missing: run `npm run build` first (npm run bench does).');
    process.exitCode = 1;
    return;
  }
  const warmup = Number(arg('warmup', '3'));
  const passes = Number(arg('passes', '7'));
  const runs = Number(arg('runs', '15'));
  const rounds = Math.max(1, Number(arg('rounds', '3')));
  const coldWarmup = Number(arg('cold-warmup', '3'));
  const names = listCorpus(corpus);

  // Several rounds, each running every tool once in a rotating order: a machine whose speed drifts
  // (shared or throttled CPUs) then slows all tools alike, and ratios come from runs close in time.
  const tools = Object.keys(TOOLS);
  const byRound = [];
  for (let round = 0; round < rounds; round++) {
    const results = {};
    for (let k = 0; k < tools.length; k++) {
      const tool = tools[(k + round) % tools.length];
      process.stderr.write(`bench: round ${round + 1}/${rounds}: throughput of ${tool} (${warmup} warm-up + ${passes} timed passes over ${names.length} files)...\n`);
      const x = runWorker(tool, corpus, warmup, passes);
      results[tool] = x;
      if (x.failed) process.stderr.write(`bench: ${tool} failed: ${x.failed}\n`);
      else if (x.crashes && round === 0) process.stderr.write(`bench: ${tool} threw on ${x.crashes} files, e.g. ${x.crashSamples[0]}\n`);
    }
    byRound.push(results);
  }
  const throughput = {};
  for (const tool of tools) {
    // The round with the median pass time stands for the tool; all rounds' times are kept.
    const ok = byRound.map((r) => r[tool]).filter((x) => !x.failed);
    if (ok.length === 0) {
      throughput[tool] = byRound[0][tool];
      continue;
    }
    const sorted = [...ok].sort((a, b) => a.medianSeconds - b.medianSeconds);
    throughput[tool] = { ...sorted[(sorted.length - 1) >> 1], roundSeconds: ok.map((x) => x.medianSeconds) };
  }
  // shipready against dockerfilelint: the median of the per-round ratios.
  const ratios = byRound.filter((r) => r.shipready && !r.shipready.failed && r.dockerfilelint && !r.dockerfilelint.failed).map((r) => r.dockerfilelint.medianSeconds / r.shipready.medianSeconds);
  const vsDockerfilelint = ratios.length ? median(ratios) : null;
  const coldFile = pickColdFile(corpus, names);
  process.stderr.write(`bench: cold start (${coldWarmup} warm-up + ${runs} interleaved rounds) on ${coldFile}...\n`);
  const cold = coldStart(corpus, coldFile, runs, coldWarmup);

  const result = {
    date: new Date().toISOString().slice(0, 10),
    machine: { nproc: availableParallelism(), cpu: cpus()[0]?.model?.trim() || 'unknown CPU', memGB: totalmem() / 2 ** 30, os: `${platform()} ${release()}`, node: process.version },
    files: names.length,
    warmup,
    passes,
    rounds,
    throughput,
    vsDockerfilelint,
    ratios,
    coldFile,
    coldRuns: runs,
    coldWarmup,
    cold: cold.map(({ id, label, failed, medianMs, minMs, maxMs }) => ({ id, label, failed, medianMs, minMs, maxMs })),
  };
  const md = render(result);
  if (!flag('no-write')) writeFileSync(join(root, 'docs/benchmarks.md'), md);
  console.log(md);

  if (!flag('no-compose')) {
    try {
      const { runComposeBench } = await import(pathToFileURL(join(root, 'bench/compose.mjs')).href);
      if (typeof runComposeBench === 'function') await runComposeBench({ write: !flag('no-write'), corpus: join(root, '../shared/corpus/compose') });
    } catch (e) {
      console.error(`bench: the Compose benchmark failed: ${e?.message ?? e}`);
    }
  }

  await imageBench();
}

// The image benchmark (bench/image.mjs) needs no corpus: it builds or generates its own images.
async function imageBench() {
  if (flag('no-image')) return;
  try {
    const { runImageBench } = await import(pathToFileURL(join(root, 'bench/image.mjs')).href);
    if (typeof runImageBench === 'function') await runImageBench({ write: !flag('no-write') });
  } catch (e) {
    console.error(`bench: the image benchmark failed: ${e?.message ?? e}`);
  }
}

await main();

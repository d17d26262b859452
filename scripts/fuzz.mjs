// Mutation fuzzing: real inputs with bytes inserted, deleted, cut and spliced, fed to the linters
// and the image reader. A problem is an internal error or a throw (bad input must become a finding
// or a one-line InputError), a finding whose range leaves the text, or a run slower than `slowMs`.
// Deterministic for a given seed, so a problem found once can be found again.
//
//   npm run fuzz -- [--seed N] [--rounds N] [--only dockerfile|compose|dockerignore|config|image] [--out DIR]
//
// The functions take what they exercise as arguments, so test/fuzz.test.ts runs them (a short,
// fixed-seed round) against src/ and this script against dist/.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';

/** A small deterministic PRNG (an LCG is plenty for choosing mutations). */
export function prng(seed) {
  let s = seed >>> 0 || 1;
  const next = () => {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    return (s >>> 1) / 0x80000000;
  };
  return { next, int: (n) => Math.floor(next() * n), pick: (a) => a[Math.floor(next() * a.length)] };
}

const DOCKERFILE_PIECES = ['\\', '"', "'", '$', '${', '}', '{', '[', ']', '<<', '<<-', '<<EOF', '\n', '\r', '\t', '#', '=', '-', '--', '&&', '|', ';', '(', ')', '`', '\0', '\u00e9', '\u{1F600}', '\\\n', ' \\', '"]', '["', ',', ':', '@', '/', '*', '\uFEFF', '\u2028', 'ARG ', 'FROM ', 'RUN ', 'ONBUILD ', 'COPY --from=', '--mount=type=', 'HEALTHCHECK ', 'ENV ', 'LABEL ', '# escape=`\n', '# syntax=x\n', 'EOF\n', '$(', '$((', '\\$', "'\\''"];
const YAML_PIECES = [':', ': ', '- ', '-', '\n', '\n  ', '  ', '\t', '"', "'", '{', '}', '[', ']', ',', '&a ', '*a', '<<: *a', '!!str ', '!!binary ', '|', '>', '#', '${', '$$', '${X:-', '${X:?err}', '?', '%', '@', '`', '\0', '\uFEFF', '---\n', '...\n', 'null', '~', '1e999', '-1', '8080:80', '"8080:80/udp"', '127.0.0.1:', 'build: .', 'image: ', 'services:', 'volumes:', 'ports:', 'environment:', 'extends:', 'include:', 'healthcheck:', 'deploy:'];

const IGNORE_PIECES = ['*', '**', '?', '!', '/', '\\', '[', ']', '[a-', '[^', '[!', '\n', '\r\n', '#', ' ', '\t', '.', '..', '../', './', '**/', '/**', '!*', '{', '}', '\0', '\u00e9', 'node_modules', '.git', 'src/', 'Dockerfile', '.dockerignore', '*.md'];
const CONFIG_SEEDS = [
  {
    name: '.shipready.yaml',
    text: 'rules:\n  latest-tag: error\n  apt-unpinned: off\n  shellcheck: info\n  SC2086: off\nignore: [DL3059]\nfailureThreshold: warning\ntrustedRegistries: [ghcr.io, "*.dkr.ecr.eu-west-1.amazonaws.com"]\nlabelSchema: { org.opencontainers.image.source: url, maintainer: email }\nstrictLabels: false\noverrides:\n  - files: ["legacy/**"]\n    rules: { user-missing: off }\n',
  },
  {
    name: '.hadolint.yaml',
    text: 'ignored: [DL3008, SC2046]\noverride:\n  error: [DL3007]\n  warning: [DL3042]\n  info: [DL3032]\n  style: [DL3015]\nfailure-threshold: warning\ntrustedRegistries: [docker.io]\nlabel-schema:\n  maintainer: text\n  org.opencontainers.image.created: rfc3339\nstrict-labels: true\nno-fail: false\ndisable-ignore-pragma: false\n',
  },
];

/** 1 to `max` random edits of a text: insert a piece, delete a run, cut the end, repeat a line, splice. */
export function mutateText(text, rnd, pieces, max = 4) {
  let t = text;
  const n = 1 + rnd.int(max);
  for (let k = 0; k < n; k++) {
    const at = rnd.int(t.length + 1);
    const m = rnd.next();
    if (m < 0.45) t = t.slice(0, at) + rnd.pick(pieces) + t.slice(at);
    else if (m < 0.6) t = t.slice(0, at) + t.slice(at + 1 + rnd.int(20));
    else if (m < 0.7) t = t.slice(0, at);
    else if (m < 0.8) {
      const lines = t.split('\n');
      lines.splice(rnd.int(lines.length), 0, lines[rnd.int(lines.length)]);
      t = lines.join('\n');
    } else if (m < 0.9) {
      const j = rnd.int(t.length);
      t = t.slice(0, at) + t.slice(j, j + 40) + t.slice(at);
    } else t = rnd.pick(pieces) + t;
  }
  return t;
}

/** Byte-level edits of a binary input, aimed at tar header blocks half the time. */
export function mutateBytes(bytes, rnd) {
  let b = Buffer.from(bytes);
  const n = 1 + rnd.int(6);
  for (let k = 0; k < n && b.length > 0; k++) {
    const m = rnd.next();
    const at = rnd.next() < 0.6 ? rnd.int(Math.ceil(b.length / 512)) * 512 + rnd.int(512) : rnd.int(b.length);
    const i = Math.min(at, b.length - 1);
    if (m < 0.6) b[i] = rnd.int(256);
    else if (m < 0.75) b[i] = rnd.pick([0x30, 0x37, 0x20, 0x00, 0xff, 0x80, 0x2f, 0x2e]);
    else if (m < 0.85) b = b.subarray(0, i);
    else if (m < 0.95) b = Buffer.concat([b.subarray(0, i), b.subarray(i + 1 + rnd.int(600))]);
    else b = Buffer.concat([b.subarray(0, i), Buffer.alloc(1 + rnd.int(1024), rnd.int(256)), b.subarray(i)]);
  }
  return b;
}

function lineCount(text) {
  return text.split(/\r\n|\r|\n/).length;
}

/**
 * Checks one lint result; returns problem descriptions (empty when all is well). Ranges are checked
 * for findings in `file`, the mutated text (a Compose mutant may name a build context whose
 * Dockerfile is linted too).
 */
function checkResult(result, text, file) {
  const problems = [];
  for (const e of result.errors) if (e.kind === 'internal') problems.push(`internal error: ${e.message}`);
  const lines = lineCount(text);
  for (const f of result.findings) {
    const l = f.location;
    if (l.line === undefined || l.file !== file) continue;
    const ok = l.line >= 1 && l.column >= 1 && l.endLine >= l.line && l.endLine <= lines + 1 && (l.endLine > l.line || l.endColumn >= l.column);
    if (!ok) problems.push(`${f.ruleName}: range ${l.line}:${l.column}-${l.endLine}:${l.endColumn} outside a ${lines}-line text`);
  }
  return problems;
}

/**
 * One campaign over text inputs: each round mutates every input once and runs `check` on the
 * mutant, which returns problem descriptions; a throw and a run over `slowMs` are problems too.
 */
async function textCampaign({ target, inputs, seed, rounds, pieces, maxEdits, slowMs, before, check }) {
  const rnd = prng(seed);
  const found = [];
  for (let r = 0; r < rounds; r++) {
    for (const { name, text } of inputs) {
      const t = mutateText(text, rnd, pieces, maxEdits);
      before?.(t);
      const started = performance.now();
      let problems;
      try {
        problems = await check(t, name);
      } catch (e) {
        problems = [`threw ${e?.constructor?.name}: ${e?.message}`];
      }
      const ms = performance.now() - started;
      if (ms > slowMs) problems.push(`took ${ms.toFixed(0)} ms`);
      for (const problem of problems) found.push({ target, name, problem, input: t });
    }
  }
  return found;
}

/**
 * Fuzzes `lintText` with mutations of `inputs` ({ name, text }). Resolves to the problems found:
 * { target, name, problem, input }.
 */
export function fuzzDockerfiles({ lintText, inputs, seed = 1, rounds = 1, slowMs = 100 }) {
  return textCampaign({ target: 'dockerfile', inputs, seed, rounds, pieces: DOCKERFILE_PIECES, maxEdits: 4, slowMs, check: (t, name) => checkResult(lintText(t, { path: name }), t, name) });
}

/** Fuzzes Compose linting (`lint` with Compose text on stdin) with mutations of `inputs`. */
export function fuzzCompose({ lint, inputs, seed = 1, rounds = 1, slowMs = 500, cwd }) {
  const check = async (t) => checkResult(await lint([], { cwd, stdin: { text: t, path: 'compose.yaml', type: 'compose' }, context: false, shellcheck: false }), t, 'compose.yaml');
  return textCampaign({ target: 'compose', inputs, seed, rounds, pieces: YAML_PIECES, maxEdits: 3, slowMs, check });
}

/**
 * Fuzzes the build-context path: `lint` of a directory holding a Dockerfile, a few files and a
 * mutated `.dockerignore` (from `inputs`), with the context rules on.
 */
export function fuzzDockerignore({ lint, inputs, dockerfile, seed = 1, rounds = 1, slowMs = 2000, dir }) {
  const root = join(dir, 'context');
  mkdirSync(join(root, 'src/app'), { recursive: true });
  mkdirSync(join(root, 'node_modules/x'), { recursive: true });
  writeFileSync(join(root, 'Dockerfile'), dockerfile);
  for (const f of ['package.json', 'src/app/main.js', 'src/app/.env', 'node_modules/x/index.js', 'README.md', 'id_rsa']) writeFileSync(join(root, f), 'x\n');
  const check = async () => (await lint([root], { cwd: root, shellcheck: false })).errors.filter((e) => e.kind === 'internal').map((e) => `internal error: ${e.message}`);
  return textCampaign({ target: 'dockerignore', inputs, seed, rounds, pieces: IGNORE_PIECES, maxEdits: 3, slowMs, before: (t) => writeFileSync(join(root, '.dockerignore'), t), check });
}

/**
 * Fuzzes configuration loading: `lint` with a mutated `.shipready.yaml` / `.hadolint.yaml` must
 * lint or throw a one-line ConfigError, never anything else.
 */
export async function fuzzConfig({ lint, seed = 1, rounds = 1, dir }) {
  const rnd = prng(seed);
  const found = [];
  const root = join(dir, 'config');
  mkdirSync(root, { recursive: true });
  writeFileSync(join(root, 'Dockerfile'), 'FROM node:latest\nRUN apt-get install curl\n');
  for (let r = 0; r < rounds; r++) {
    for (const { name, text } of CONFIG_SEEDS) {
      const t = mutateText(text, rnd, YAML_PIECES, 3);
      for (const other of CONFIG_SEEDS) if (other.name !== name) rmSync(join(root, other.name), { force: true });
      writeFileSync(join(root, name), t);
      let problem;
      try {
        const res = await lint([join(root, 'Dockerfile')], { cwd: root, shellcheck: false, context: false });
        const internal = res.errors.find((e) => e.kind === 'internal');
        if (internal) problem = `internal error: ${internal.message}`;
      } catch (e) {
        if (e?.constructor?.name !== 'ConfigError' || String(e.message).includes('\n')) problem = `threw ${e?.constructor?.name}: ${e?.message}`;
      }
      if (problem) found.push({ target: 'config', name, problem, input: t });
    }
  }
  return found;
}

/**
 * Fuzzes the image reader with byte mutations of `archives` ({ name, bytes }), read from stdin
 * (the streamed path) and, when `dir` is given, from a file (the seekable path). Only a one-line
 * InputError (by class name, so dist/ and src/ both work) counts as handled.
 */
export async function fuzzImages({ loadImage, archives, seed = 1, rounds = 1, slowMs = 5000, dir }) {
  const rnd = prng(seed);
  const found = [];
  for (let r = 0; r < rounds; r++) {
    for (const { name, bytes } of archives) {
      const data = mutateBytes(bytes, rnd);
      const ways = [['stdin', () => loadImage('-', { stdin: Readable.from(chunks(data, 1 + rnd.int(4096))) })]];
      if (dir) {
        ways.push(['file', () => {
          const p = join(dir, 'fuzz-case.tar');
          writeFileSync(p, data);
          return loadImage(p);
        }]);
      }
      for (const [how, read] of ways) {
        const started = performance.now();
        let problem;
        try {
          await withTimeout(read(), slowMs * 4);
        } catch (e) {
          if (e?.constructor?.name !== 'InputError' || String(e.message).includes('\n')) problem = `threw ${e?.constructor?.name}: ${e?.message}`;
        }
        const ms = performance.now() - started;
        if (!problem && ms > slowMs) problem = `took ${ms.toFixed(0)} ms`;
        if (problem) found.push({ target: `image (${how})`, name, problem, input: data });
      }
    }
  }
  return found;
}

function chunks(data, size) {
  const out = [];
  for (let i = 0; i < data.length; i += size) out.push(data.subarray(i, i + size));
  return out;
}

/** A read that never settles is a hang: fail it after `ms` (the timer does not keep Node alive). */
function withTimeout(promise, ms) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no result after ${ms} ms (a hang)`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

async function main() {
  const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
  const arg = (name, fallback) => {
    const i = process.argv.indexOf(`--${name}`);
    return i >= 0 ? process.argv[i + 1] : fallback;
  };
  const seed = Number(arg('seed', String(Date.now() % 100000)));
  const rounds = Number(arg('rounds', '3'));
  const only = arg('only', '');
  const out = resolve(arg('out', join(root, '.tmp/fuzz')));
  const lib = await import(join(root, 'dist/index.js'));
  const corpus = resolve(root, '../shared/corpus');
  const read = (sub, filter) => (existsSync(join(corpus, sub)) ? readdirSync(join(corpus, sub)).filter(filter).sort().map((name) => ({ name, text: readFileSync(join(corpus, sub, name), 'utf8') })) : []);
  console.log(`fuzz: seed ${seed}, ${rounds} rounds${only ? `, only ${only}` : ''}`);
  const found = [];
  if (!only || only === 'dockerfile') {
    const inputs = read('dockerfiles', (f) => !f.startsWith('.'));
    if (!inputs.length) console.log('fuzz: no Dockerfile corpus next to the repository; Dockerfiles skipped');
    found.push(...(await fuzzDockerfiles({ lintText: lib.lintText, inputs, seed, rounds })));
    console.log(`fuzz: ${inputs.length * rounds} Dockerfile mutants`);
  }
  if (!only || only === 'compose') {
    const inputs = read('compose', (f) => /\.ya?ml$/.test(f));
    mkdirSync(out, { recursive: true });
    found.push(...(await fuzzCompose({ lint: lib.lint, inputs, seed, rounds, cwd: out })));
    console.log(`fuzz: ${inputs.length * rounds} Compose mutants`);
  }
  if (!only || only === 'dockerignore') {
    const inputs = read('dockerignore', (f) => !f.endsWith('.tsv'));
    if (!inputs.length) inputs.push({ name: 'examples', text: 'node_modules\n.git\n*.md\n!README.md\n' });
    mkdirSync(out, { recursive: true });
    found.push(...(await fuzzDockerignore({ lint: lib.lint, inputs, dockerfile: readFileSync(join(root, 'examples/api/Dockerfile'), 'utf8'), seed, rounds, dir: out })));
    console.log(`fuzz: ${inputs.length * rounds} .dockerignore mutants`);
  }
  if (!only || only === 'config') {
    mkdirSync(out, { recursive: true });
    found.push(...(await fuzzConfig({ lint: lib.lint, seed, rounds: rounds * 100, dir: out })));
    console.log(`fuzz: ${rounds * 200} config mutants`);
  }
  if (!only || only === 'image') {
    const archives = [{ name: 'examples/images/worker.tar', bytes: readFileSync(join(root, 'examples/images/worker.tar')) }];
    mkdirSync(out, { recursive: true });
    found.push(...(await fuzzImages({ loadImage: lib.loadImage, archives, seed, rounds: rounds * 100, dir: out })));
    console.log(`fuzz: ${rounds * 100} image mutants, each read from stdin and from a file`);
  }
  found.forEach((f, i) => {
    const file = join(out, `problem-${i + 1}-${f.target.replace(/\W+/g, '-')}`);
    mkdirSync(out, { recursive: true });
    writeFileSync(file, f.input);
    console.log(`PROBLEM ${f.target} ${f.name}: ${f.problem} (input: ${file})`);
  });
  console.log(found.length ? `fuzz: ${found.length} problems` : 'fuzz: no problems');
  process.exitCode = found.length ? 1 : 0;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();

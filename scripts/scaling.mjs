// Scaling check: families of generated inputs at sizes N, 2N and 4N (many instructions, pragmas,
// stages, Compose keys, extends links, .dockerignore patterns, fixes, image history and paths...),
// each linted or inspected through the built library; a family whose time grows by more than `--max-growth` per doubling is reported.
// Fuzzing finds crashes; this finds the quadratic paths that turn a large input into a hang.
// It exits 1 when a family grows too fast or a run errors.
//
//   npm run scaling -- [--n 10000] [--max-growth 3] [--only NAME]
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const lib = await import(join(root, 'dist/index.js'));

function arg(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && i + 1 < process.argv.length ? process.argv[i + 1] : fallback;
}
const N = Number(arg('n', '10000'));
const MAX_GROWTH = Number(arg('max-growth', '3'));
const ONLY = arg('only', null);
const FAST_MS = 500;

const lines = (n, f) => Array.from({ length: n }, (_, i) => f(i)).join('');
const deep = (n, open, close, inner) => `${open.repeat(n)}${inner}${close.repeat(n)}`;

/** Each family: a name and a function from size to an input ({ dockerfile } | { compose } | { context }). */
const FAMILIES = [
  ['RUN instructions', (n) => ({ dockerfile: `FROM debian:12\n${lines(n, () => 'RUN apt-get install -y curl\n')}` })],
  ['packages in one RUN', (n) => ({ dockerfile: `FROM debian:12\nRUN apt-get install -y ${lines(n, (i) => `p${i} `)}\n` })],
  ['ENV then RUN using it', (n) => ({ dockerfile: `FROM alpine:3.20\n${lines(n, (i) => `ENV K${i}=v${i}\nRUN echo $K${i}\n`)}` })],
  ['LABELs', (n) => ({ dockerfile: `FROM alpine:3.20\n${lines(n, (i) => `LABEL k${i}=v${i}\n`)}` })],
  ['USER changes', (n) => ({ dockerfile: `FROM alpine:3.20\n${lines(n, (i) => `USER u${i}\nRUN id\n`)}` })],
  ['HEALTHCHECKs', (n) => ({ dockerfile: `FROM alpine:3.20\n${lines(n, (i) => `HEALTHCHECK CMD curl -f http://x/${i}\n`)}` })],
  ['CMD and ENTRYPOINT', (n) => ({ dockerfile: `FROM alpine:3.20\n${lines(n, (i) => `CMD echo ${i}\nENTRYPOINT ["a"]\n`)}` })],
  ['SHELL and CMD', (n) => ({ dockerfile: `FROM alpine:3.20\n${lines(n, (i) => `SHELL ["/bin/sh${i}", "-c"]\nCMD x\n`)}` })],
  ['ignore pragmas', (n) => ({ dockerfile: `FROM alpine:3.20\n${lines(n, () => '# hadolint ignore=DL3018\nRUN apk add curl\n')}` })],
  ['a pragma line of spaces ending in a stray character', (n) => ({ dockerfile: `FROM debian:12\n# shipready-ignore ${' '.repeat(n)}!x\n# hadolint ignore=${' '.repeat(n)}!x\nRUN true\n` })],
  ['Compose pragma line of spaces ending in a stray character', (n) => ({ compose: `# shipready-ignore ${' '.repeat(n)}!x\nservices:\n  a:\n    image: nginx:1.27\n` })],
  ['a written .npmrc and pip.conf line of spaces', (n) => ({ dockerfile: `FROM node:20\nRUN echo "strict-ssl=${' '.repeat(n)}x${' '.repeat(n)}!" >> ~/.npmrc && echo "trusted-host = a${' '.repeat(n)}b${' '.repeat(n)}" > /etc/pip.conf\n` })],
  ['pragmas stacked above one RUN', (n) => ({ dockerfile: `FROM alpine:3.20\n${lines(n, () => '# hadolint ignore=DL3018\n')}RUN apk add curl\n` })],
  ['global pragmas', (n) => ({ dockerfile: `FROM alpine:3.20\n${lines(n, () => '# hadolint global ignore=DL3018\n')}${lines(n, () => 'RUN apk add curl\n')}` })],
  ['stages with COPY --from', (n) => ({ dockerfile: lines(n, (i) => (i ? `FROM alpine:3.20 AS s${i}\nCOPY --from=s${i - 1} /a /a\n` : 'FROM alpine:3.20 AS s0\n')) })],
  ['stages each FROM the last', (n) => ({ dockerfile: lines(n, (i) => (i ? `FROM s${i - 1} AS s${i}\nRUN true\n` : 'FROM alpine:3.20 AS s0\n')) })],
  ['unknown COPY --from names', (n) => ({ dockerfile: lines(n, (i) => `FROM alpine:3.20 AS stage${i}\nCOPY --from=stgae${i} /a /a\n`) })],
  ['heredocs', (n) => ({ dockerfile: `FROM alpine:3.20\n${lines(n, (i) => `RUN <<EOF${i}\napk add curl\nEOF${i}\n`)}` })],
  ['ONBUILD triggers', (n) => ({ dockerfile: `FROM alpine:3.20\n${lines(n, () => 'ONBUILD RUN apk add curl\n')}` })],
  ['continuation lines', (n) => ({ dockerfile: `FROM alpine:3.20\nRUN echo a${lines(n, () => ' \\\n  && echo b')}\n` })],
  ['nested $( )', (n) => ({ dockerfile: `FROM alpine:3.20\nRUN echo ${deep(n, '$(', ')', 'x')}\n` })],
  ['nested "$( )"', (n) => ({ dockerfile: `FROM alpine:3.20\nRUN echo "${deep(n, '$(echo "', '")', 'x')}"\n` })],
  ['MAINTAINER fixes', (n) => ({ dockerfile: `FROM debian:12\n${lines(n, () => 'MAINTAINER a@b.c\n')}`, fix: true })],
  ['stages each with a pipe to fix', (n) => ({ dockerfile: lines(n, (i) => `FROM debian:12 AS s${i}\nRUN curl -fsSL https://e.com/${i} | tar -xz\n`), fix: true })],
  ['wget and apk in one stage', (n) => ({ dockerfile: `FROM acme/base:1\n${lines(n, (i) => `RUN apk add --no-cache p${i}=1.0-r0 && wget https://e.com/${i}\n`)}` })],
  ['cd and back in one RUN', (n) => ({ dockerfile: `FROM alpine:3.20\nRUN true${lines(n, (i) => ` && cd /tmp/b${i} && make && cd / && rm -rf /tmp/b${i}`)}\n` })],
  ['stages each FROM one base with a lone apt-get update', (n) => ({ dockerfile: `FROM debian:12 AS base\n${lines(n, (i) => `FROM base AS s${i}\nRUN apt-get update\n`)}FROM base\nRUN apt-get install -y curl\n` })],
  ['wrapped commands: sudo env apt-get', (n) => ({ dockerfile: `FROM debian:12\n${lines(n, (i) => `RUN sudo -E env A=${i} nice -n 1 apt-get install -y p${i}\n`)}` })],
  ['chpasswd pipes in one RUN', (n) => ({ dockerfile: `FROM debian:12\nRUN true${lines(n, (i) => ` && echo "u${i}:$(cat /s/${i})" | chpasswd && useradd -p "$(openssl passwd -1 $P)" u${i}`)}\n` })],
  ['subshells piped into passwd in one RUN', (n) => ({ dockerfile: `FROM debian:12\nRUN true${lines(n, (i) => ` && (echo p${i}; echo p${i}) | passwd u${i}`)}\n` })],
  ['echo commands in one subshell piped into chpasswd', (n) => ({ dockerfile: `FROM debian:12\nRUN (${lines(n, (i) => `echo u${i}:p${i}; `)}) | chpasswd\n` })],
  ['sh -c scripts in one RUN', (n) => ({ dockerfile: `FROM debian:12\nRUN true${lines(n, (i) => ` && sh -c 'cd /tmp && apt-get install -y p${i} | tee /l${i}'`)}\n` })],
  ['risky pipes after a yes pipe, fixes on', (n) => ({ dockerfile: `FROM debian:12\nRUN yes | apt-get install -y p\n${lines(n, (i) => `RUN curl -fsSL https://e.com/${i} | tar -xz\nRUN yes | apt-get install -y p${i}\n`)}`, fix: true })],
  ['RUNs assigning and using variables', (n) => ({ dockerfile: `FROM debian:12\nARG PKG=curl\n${lines(n, (i) => `RUN PKG=p${i}=1 && export E${i}=1 && apt-get install -y $PKG $E${i}\n`)}` })],
  ['stages each FROM the last using another inherited ENV', (n) => ({ dockerfile: `FROM debian:12 AS s0\n${lines(n, (i) => `ENV K${i}=v${i}\n`)}${lines(n, (i) => `FROM s${i} AS s${i + 1}\nARG K${i}=a\nWORKDIR /$K${i}\nRUN apt-get install -y $K${i}\n`)}` })],
  ['stages each FROM the last using an inherited ENV without an ARG', (n) => ({ dockerfile: `FROM debian:12 AS s0\n${lines(n, (i) => `ENV K${i}=v${i}\n`)}${lines(n, (i) => `FROM s${i} AS s${i + 1}\nWORKDIR /$K${i}\n`)}` })],
  ['sibling stages setting one ENV, then a chain using it', (n) => ({ dockerfile: `FROM debian:12 AS s0\n${lines(n, (i) => `FROM s0 AS b${i}\nENV X=${i}\n`)}${lines(n, (i) => `FROM s${i} AS s${i + 1}\nWORKDIR /$X\n`)}` })],
  ['ENVs each using the one before', (n) => ({ dockerfile: `FROM debian:12\nENV E0=/a\n${lines(n, (i) => `ENV E${i + 1}=\${E${i}}/b\n`)}WORKDIR $E${n}\n` })],
  ['stages each FROM the last with ARG and ENV', (n) => ({ dockerfile: lines(n, (i) => `${i ? `FROM s${i - 1}` : 'FROM debian:12'} AS s${i}\nARG A${i}=v${i}\nENV E${i}=\${A${i}}\nWORKDIR $E${i}\n`) })],
  ['pipes in one RUN', (n) => ({ dockerfile: `FROM debian:12\nRUN true${lines(n, (i) => ` && { echo ${i}; printf x; } | tee /f${i} && echo ${i} | sort`)}\n` })],
  ['echo commands inside as many nested groups', (n) => ({ dockerfile: `FROM debian:12\nRUN ${'{ '.repeat(n)}${lines(n, (i) => `echo sslverify=${i}; `)}${'}; '.repeat(n)}\n` })],
  ['text frames on one long line', (n) => ({ dockerfile: `FROM debian:12\nRUN apt-get install -y\t${lines(n, (i) => `p${i} `)}\n`, text: true })],
  ['Compose services', (n) => ({ compose: `services:\n${lines(n, (i) => `  s${i}:\n    image: nginx:1.27\n${i ? `    depends_on: [s${i - 1}]\n` : ''}`)}` })],
  ['Compose environment keys', (n) => ({ compose: `services:\n  a:\n    image: nginx:1.27\n    environment:\n${lines(n, (i) => `      K${i}: v${i}\n`)}` })],
  ['Compose ports', (n) => ({ compose: `services:\n  a:\n    image: nginx:1.27\n    ports:\n${lines(n, (i) => `      - "${1000 + (i % 60000)}:80"\n`)}` })],
  ['Compose one host port on many IPs', (n) => ({ compose: `services:\n${lines(2, (k) => `  s${k}:\n    image: nginx:1.27\n    ports:\n${lines(n, (i) => `      - "10.${k}.${(i >> 8) & 255}.${i & 255}:8080:80"\n`)}`)}` })],
  ['Compose services in disjoint profiles on one port range', (n) => ({ compose: `services:\n${lines(Math.ceil(n / 10), (i) => `  s${i}:\n    image: nginx:1.27\n    profiles: [p${i}]\n    ports: ["8000-8049:8000-8049"]\n`)}` })],
  ['Compose services each publishing every port', (n) => ({ compose: `services:\n${lines(Math.ceil(n / 10), (i) => `  s${i}:\n    image: nginx:1.27\n    ports: ["1-65535:1-65535", "127.0.0.1:1-65535:1-65535/udp"]\n`)}` })],
  ['Compose extends, base first', (n) => ({ compose: `services:\n  s0:\n    image: x:1\n${lines(n, (i) => `  s${i + 1}:\n    extends: s${i}\n`)}` })],
  ['Compose extends, base last', (n) => ({ compose: `services:\n${lines(n, (i) => `  s${n - i}:\n    extends: s${n - i - 1}\n`)}  s0:\n    image: x:1\n` })],
  ['Compose anchors', (n) => ({ compose: `x-a: &a\n  image: nginx:1.27\n  environment: {A: b}\nservices:\n${lines(n, (i) => `  s${i}:\n    <<: *a\n`)}` })],
  ['Compose flow list at its key\'s indentation', (n) => ({ compose: `services:\n  a:\n    image: nginx:1.27\n    command: ["x",\n${lines(n, (i) => `    "a${i}",\n`)}    "z"]\n` })],
  ['Compose nested defaults', (n) => ({ compose: `services:\n  a:\n    image: "${deep(n, '${A:-', '}', 'x')}"\n` })],
  ['.dockerignore patterns over files', (n) => ({ context: { files: Math.min(n, 4000), ignore: lines(n, (i) => `d${i % 50}/f${i}.txt\n`) } })],
  ['.dockerignore exceptions', (n) => ({ context: { files: 500, ignore: lines(n, (i) => `!d${i % 50}/f${i}.txt\n*\n`) } })],
  ['image: apt-get update repeated in one RUN', (n) => ({ image: { runs: [`${'apt-get update; '.repeat(n)}apt-get install -y curl`], files: [] } })],
  ['image: ENTRYPOINT through a symlink with a deep target', (n) => ({ image: { config: { Entrypoint: ['/start'] }, files: [{ name: 'start', linkname: `${'a/'.repeat(n)}b` }] } })],
];

// Images: a docker-save archive with one layer, written here so the image families need no test
// helpers. A file is { name, content?, linkname?, mode? }; names and link targets of any length go
// into PAX records.
function paxRecord(key, value) {
  const body = ` ${key}=${value}\n`;
  let len = Buffer.byteLength(body) + 1;
  while (String(len).length + Buffer.byteLength(body) !== len) len = String(len).length + Buffer.byteLength(body);
  return `${len}${body}`;
}

function tarHeader(name, type, size, mode, linkname = '') {
  const h = Buffer.alloc(512);
  h.write(name.slice(0, 99), 0);
  h.write(`${mode.toString(8).padStart(7, '0')}\0`, 100);
  h.write('0000000\0', 108);
  h.write('0000000\0', 116);
  h.write(`${size.toString(8).padStart(11, '0')}\0`, 124);
  h.write('00000000000\0', 136);
  h.fill(0x20, 148, 156);
  h.write(type, 156);
  h.write(linkname.slice(0, 99), 157);
  h.write('ustar\0' + '00', 257);
  let sum = 0;
  for (const b of h) sum += b;
  h.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148);
  return h;
}

function tar(files) {
  const parts = [];
  const padded = (b) => Buffer.concat([b, Buffer.alloc((512 - (b.length % 512)) % 512)]);
  for (const f of files) {
    const data = Buffer.from(f.content ?? '');
    const type = f.linkname !== undefined ? '2' : '0';
    const pax = (f.name.length > 99 ? paxRecord('path', f.name) : '') + ((f.linkname ?? '').length > 99 ? paxRecord('linkpath', f.linkname) : '');
    if (pax) parts.push(tarHeader('PaxHeaders/x', 'x', Buffer.byteLength(pax), 0o644), padded(Buffer.from(pax)));
    parts.push(tarHeader(f.name, type, type === '0' ? data.length : 0, f.mode ?? 0o755, f.linkname ?? ''));
    if (type === '0') parts.push(padded(data));
  }
  parts.push(Buffer.alloc(1024));
  return Buffer.concat(parts);
}

function imageArchive({ runs = [], files, config = {} }) {
  const layer = tar(files);
  const diffId = `sha256:${createHash('sha256').update(layer).digest('hex')}`;
  const history = [{ created_by: 'COPY . /' }, ...runs.map((r) => ({ created_by: `/bin/sh -c ${r}`, empty_layer: true }))];
  const configJson = JSON.stringify({ architecture: 'amd64', os: 'linux', config: { User: '1000', ...config }, rootfs: { type: 'layers', diff_ids: [diffId] }, history });
  const manifest = JSON.stringify([{ Config: 'config.json', RepoTags: ['scaling:1'], Layers: ['layer.tar'] }]);
  return tar([{ name: 'manifest.json', content: manifest, mode: 0o644 }, { name: 'config.json', content: configJson, mode: 0o644 }, { name: 'layer.tar', content: layer, mode: 0o644 }]);
}

function context({ files, ignore }) {
  const dir = mkdtempSync(join(tmpdir(), 'shipready-scaling-'));
  for (let i = 0; i < files; i++) {
    mkdirSync(join(dir, `d${i % 50}`), { recursive: true });
    writeFileSync(join(dir, `d${i % 50}`, `f${i}.txt`), 'x');
  }
  writeFileSync(join(dir, '.dockerignore'), ignore);
  writeFileSync(join(dir, 'Dockerfile'), 'FROM alpine:3.20\nCOPY . /app\nUSER 1000\n');
  return dir;
}

async function run(input) {
  if (input.image) {
    const dir = mkdtempSync(join(tmpdir(), 'shipready-scaling-'));
    try {
      const file = join(dir, 'image.tar');
      writeFileSync(file, imageArchive(input.image));
      const t = performance.now();
      const { result } = await lib.inspectImages([file], { cwd: dir });
      return { ms: performance.now() - t, errors: result.errors };
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  if (input.context) {
    const dir = context(input.context);
    try {
      const t = performance.now();
      const r = await lib.lint([dir], { shellcheck: false });
      return { ms: performance.now() - t, errors: r.errors };
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  const type = input.compose !== undefined ? 'compose' : 'dockerfile';
  const text = input.compose ?? input.dockerfile;
  const t = performance.now();
  if (input.text) {
    // The text report (code frames) through the CLI, the only way to it.
    const r = spawnSync(process.execPath, [join(root, 'bin/shipready.cjs'), 'lint', '-', '--type', type, '--no-shellcheck', '--format', 'text'], { input: text, maxBuffer: 1 << 30 });
    return { ms: performance.now() - t, errors: r.status === 0 || r.status === 1 ? [] : [{ message: `exit ${r.status}: ${String(r.stderr).slice(0, 200)}` }] };
  }
  // With `fix`, the fix loop runs on the text (nothing is written for stdin).
  const r = await lib.lint([], { cwd: tmpdir(), stdin: { text, path: type === 'compose' ? 'compose.yaml' : 'Dockerfile', type }, shellcheck: false, context: false, fix: !!input.fix });
  return { ms: performance.now() - t, errors: r.errors };
}

let bad = 0;
for (const [name, make] of FAMILIES) {
  if (ONLY && !name.includes(ONLY)) continue;
  const times = [];
  let errors = [];
  for (const n of [N, 2 * N, 4 * N]) {
    // The best of three runs: one garbage collection more or less moves a small time a lot.
    let best = Infinity;
    for (let k = 0; k < 3; k++) {
      const r = await run(make(n));
      best = Math.min(best, r.ms);
      errors = errors.concat(r.errors.map((e) => e.message));
    }
    times.push(best);
  }
  // The larger doubling only: small sizes are dominated by fixed costs; and a family that stays
  // under FAST_MS at 4N is no concern whatever its ratio.
  const growth = times[2] / Math.max(times[1], 1);
  const flag = errors.length ? 'ERROR' : growth > MAX_GROWTH && times[2] > FAST_MS ? 'GROWS' : 'ok';
  if (flag !== 'ok') bad++;
  process.stdout.write(`${flag.padEnd(5)} ${name.padEnd(34)} ${times.map((t) => `${t.toFixed(0).padStart(6)} ms`).join(' ')}  x${growth.toFixed(2)}${errors.length ? `  ${errors[0].slice(0, 120)}` : ''}\n`);
}
process.exit(bad ? 1 : 0);

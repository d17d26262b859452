// Differential check (not part of `npm test`): shipready's .dockerignore evaluation against the
// docker CLI itself. The CLI's classic builder (DOCKER_BUILDKIT=0) builds the context tarball on
// the client with moby's own pattern matcher; a stand-in daemon on a local port receives that
// tarball, and its file list is compared with shipready's walk in classic mode (the only
// difference to BuildKit is which excluded directories the walk enters, see pattern.ts).
//   node bench/dockerignore-oracle.mjs [--random 300] [--seed 1]
// Needs the `docker` CLI on PATH; no daemon, no network.
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync, symlinkSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { build } from 'esbuild';

const root = new URL('..', import.meta.url).pathname;
const num = (name, def) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : def;
};
if (spawnSync('docker', ['--version']).status !== 0) {
  console.error('docker CLI not found: nothing to compare with');
  process.exit(2);
}

const out = join(root, 'node_modules/.cache/shipready-oracle.mjs');
mkdirSync(dirname(out), { recursive: true });
await build({
  stdin: { contents: "export { walkContext, isSent, ALWAYS_SENT, EntryType } from './src/model/context/walk.ts'; export { parseDockerignore } from './src/model/context/dockerignore.ts';", resolveDir: root, loader: 'ts' },
  bundle: true, platform: 'node', format: 'esm', outfile: out, logLevel: 'warning',
});
const { walkContext, isSent, ALWAYS_SENT, EntryType } = await import(out);
const { parseDockerignore } = await import(out);

// ---- stand-in daemon: answers /_ping and keeps the body of POST /build
let lastTar = null;
const server = createServer((req, res) => {
  const chunks = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', () => {
    if (req.url.includes('/_ping')) {
      res.writeHead(200, { 'API-Version': '1.45', 'Content-Type': 'text/plain' });
      return res.end('OK');
    }
    if (req.url.includes('/build')) {
      lastTar = Buffer.concat(chunks);
      res.writeHead(200, { 'Content-Type': 'application/json' });
      return res.end(`${JSON.stringify({ stream: 'ok\n' })}\n${JSON.stringify({ aux: { ID: `sha256:${'0'.repeat(64)}` } })}\n`);
    }
    res.writeHead(404);
    res.end();
  });
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const host = `tcp://127.0.0.1:${server.address().port}`;

/** Non-directory entry names of an uncompressed tar (ustar + pax `path`). */
function tarFiles(buf) {
  const names = [];
  let paxPath = null;
  for (let off = 0; off + 512 <= buf.length; ) {
    const h = buf.subarray(off, off + 512);
    if (h.every((b) => b === 0)) break;
    const str = (a, b) => h.subarray(a, b).toString('utf8').replace(/\0.*$/s, '');
    const size = parseInt(str(124, 136).trim() || '0', 8);
    const type = String.fromCharCode(h[156] || 48);
    const prefix = str(345, 500);
    let name = prefix ? `${prefix}/${str(0, 100)}` : str(0, 100);
    const body = buf.subarray(off + 512, off + 512 + size);
    if (type === 'x') {
      const m = /\d+ path=([^\n]*)\n/.exec(body.toString('utf8'));
      paxPath = m ? m[1] : null;
    } else if (type !== 'g') {
      if (paxPath) name = paxPath;
      paxPath = null;
      if (type !== '5') names.push(name.replace(/\/$/, ''));
    }
    off += 512 + Math.ceil(size / 512) * 512;
  }
  return names.sort();
}

function dockerSends(dir) {
  return new Promise((resolve, reject) => {
    lastTar = null;
    const p = spawn('docker', ['build', '-q', dir], { env: { ...process.env, DOCKER_BUILDKIT: '0', DOCKER_HOST: host } });
    let err = '';
    p.stderr.on('data', (d) => { err += d; });
    p.on('close', () => (lastTar ? resolve(tarFiles(lastTar)) : reject(new Error(err.trim().split('\n').pop()))));
  });
}

function shipreadySends(dir, ignoreText) {
  const ig = parseDockerignore(ignoreText);
  const w = walkContext(dir, ig.matcher, { classic: true, alwaysSent: ['Dockerfile', '.dockerignore'] });
  const names = [];
  for (let i = 0; i < w.count; i++) if (w.types[i] !== EntryType.Dir && (isSent(w, i) || w.flags[i] & ALWAYS_SENT)) names.push(w.paths[i]);
  return { names: names.sort(), problems: ig.patterns.filter((p) => p.problem).map((p) => p.problem) };
}

// ---- the tree every case runs on
const TREE = [
  'a.txt', 'b.md', '.hidden', '.env', '.env.local', 'README.md', 'x y.txt', 'a(b)c', 'a+b', 'a.b', 'abc', 'a]b', '[x]', '#notes', '!bang', 'ümlaut.txt',
  'docs/README.md', 'docs/guide.md', 'docs/img/logo.png', 'docs/.keep',
  'src/app.js', 'src/app.test.js', 'src/lib/util.js', 'src/lib/util.md', 'src/__pycache__/x.pyc',
  'node_modules/pkg/index.js', 'node_modules/pkg/README.md', 'packages/web/node_modules/dep/index.js', 'packages/web/src/main.js',
  'build/out.bin', 'build/keep/cache.txt', 'build/keep/x.keep', 'logs/app.log', 'logs/2024/old.log', 'dir/file', 'dir/dir2/file', 'dir/dir2/dir3/file',
  'foo2', 'foo/bar', 'foo/bar2', 'util/docker/web/foo', 'a/b/c', 'a/c', 'a/bb',
];
const LINKS = { 'link-to-docs': 'docs', 'link-out': '/etc/passwd', 'dangling': 'nope' };

function makeCase(ignore) {
  const dir = mkdtempSync(join(tmpdir(), 'shipready-oracle-'));
  for (const f of TREE) {
    mkdirSync(dirname(join(dir, f)), { recursive: true });
    writeFileSync(join(dir, f), f);
  }
  for (const [l, t] of Object.entries(LINKS)) symlinkSync(t, join(dir, l));
  writeFileSync(join(dir, 'Dockerfile'), 'FROM scratch\nCOPY . /\n');
  writeFileSync(join(dir, '.dockerignore'), ignore);
  return dir;
}

// ---- cases: hand-written, then random
const CASES = [
  '', 'docs', 'docs/', '/docs', './docs', 'docs\n!docs/README.md', '*.md', '**/*.md', '*.md\n!README.md', '!README.md\n*.md',
  '**', '**\n!src', '**\n!src/lib', '*\n!docs/*.md', 'node_modules', '**/node_modules', 'build\n!build/keep', 'build\n!**/*.keep',
  'build\n!build/keep/*.keep', 'a\n!a/b\na', 'a\n!a/b\na/b/c', 'foo*\n!foo/bar2', '.*', '.*\n!.env.local', '[a-c]*', '[^a]*', 'a?c', 'a\\]b',
  'a(b)c', 'a+b', 'a.b', '\\#notes', '#notes', ' #notes', '\\!bang', 'x y.txt', 'x\\ y.txt', '**/x.pyc', 'src/**', 'src/**/*.js', 'src/*/util.*',
  'logs/**/*.log', '**/*.log\n!logs/2024', '!', '! ', '!/', 'a[', '[', 'x\\', '[Local-Only]/', '[z-a]', 'docs\n[abc', 'a[]b]', 'dir/**\n!dir/dir2', 'Dockerfile\n.dockerignore', '*\n!Dockerfile', 'link-to-docs', 'link-to-docs/README.md',
  '**/foo/bar', 'util/docker/web\n**', '**\n!util/docker/web\nutil/docker/web/foo', 'ümlaut*', '*.txt\n!a.txt\na*', '../a.txt', 'docs/../src', '/',
];
const rand = (() => {
  let s = num('seed', 1) >>> 0 || 1;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
})();
const pick = (xs) => xs[Math.floor(rand() * xs.length)];
const PARTS = ['docs', 'src', 'lib', 'build', 'keep', 'node_modules', 'a', 'b', 'c', 'foo', 'bar', 'logs', '2024', 'dir', 'dir2', '*', '**', '?', '*.md', '*.js', '[a-d]*', '[^.]*', '.*', 'app.*', 'README.md', 'x y.txt', '*.log', 'f?o*'];
for (let i = 0; i < num('random', 300); i++) {
  const lines = [];
  for (let k = 1 + Math.floor(rand() * 4); k > 0; k--) {
    const comps = Array.from({ length: 1 + Math.floor(rand() * 3) }, () => pick(PARTS));
    lines.push(`${rand() < 0.3 ? '!' : ''}${rand() < 0.1 ? '/' : ''}${comps.join('/')}${rand() < 0.1 ? '/' : ''}`);
  }
  CASES.push(lines.join('\n'));
}

let agree = 0;
const mismatches = [];
for (const ignore of CASES) {
  const dir = makeCase(ignore);
  let theirs;
  let ours;
  try {
    ours = shipreadySends(dir, ignore);
    theirs = await dockerSends(dir);
  } catch (e) {
    // Docker rejected the ignore file: shipready must report the same lines as invalid.
    if (ours && ours.problems.length > 0) agree++;
    else mismatches.push({ ignore, docker: `error: ${e.message}`, shipready: ours?.names ?? null });
    rmSync(dir, { recursive: true, force: true });
    continue;
  }
  if (ours.problems.length === 0 && JSON.stringify(theirs) === JSON.stringify(ours.names)) agree++;
  else mismatches.push({ ignore, onlyDocker: theirs.filter((n) => !ours.names.includes(n)), onlyShipready: ours.names.filter((n) => !theirs.includes(n)), problems: ours.problems });
  rmSync(dir, { recursive: true, force: true });
}
server.close();
console.log(`${agree}/${CASES.length} ignore files: shipready sends exactly what the docker CLI sends`);
for (const m of mismatches.slice(0, 20)) console.log(JSON.stringify(m));
process.exit(mismatches.length ? 1 : 0);

// Synthetic OCI images of a chosen uncompressed size for the flat-memory check: several gzip
// layers of many files with realistic sizes (mostly small, a few large) and realistic
// compressibility, plus a last layer that deletes and rewrites files like a typical clean-up step.
// Everything streams to disk (tar -> gzip -> file), so generating 1 GB needs little memory.
// Deterministic: the same size gives the same image.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createWriteStream, existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';

const MTIME = 1_700_000_000;
const LAYER_SHARES = [0.35, 0.25, 0.2, 0.12, 0.08];

/** Small deterministic PRNG (mulberry32): the same image every time for the same size. */
function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * 8 MB of content to slice files from: 4 KB blocks, 25% random bytes (like compressed assets)
 * and 75% word salad (like text, scripts and symbol tables), about 2x under gzip, as image layers typically are.
 */
function contentPool(rand) {
  const words = 'the of and to in is for on that with as by this from are be or it at an not config error value return function static const import export module version package library data file path user system'.split(' ');
  const pool = Buffer.alloc(8 * 1024 * 1024);
  for (let off = 0; off < pool.length; off += 4096) {
    if (rand() < 0.25) {
      for (let k = 0; k < 4096; k += 4) pool.writeUInt32LE(Math.floor(rand() * 4294967296), off + k);
    } else {
      let s = '';
      while (s.length < 4096) s += words[Math.floor(rand() * words.length)] + (rand() < 0.1 ? '\n' : ' ');
      pool.write(s.slice(0, 4096), off, 'latin1');
    }
  }
  return pool;
}

/** A file size: 80% small (100 B - 8 KB), 18% medium (8 - 256 KB), 2% large (256 KB - 8 MB), log-uniform within each. */
function fileSize(rand) {
  const r = rand();
  const [lo, hi] = r < 0.8 ? [100, 8192] : r < 0.98 ? [8192, 262144] : [262144, 8388608];
  return Math.round(lo * Math.exp(rand() * Math.log(hi / lo)));
}

function tarHeader(name, { size = 0, mode = 0o644, type = '0', linkname = '' } = {}) {
  if (Buffer.byteLength(name) > 100) throw new Error(`name too long for the generator: ${name}`);
  const h = Buffer.alloc(512);
  const oct = (n, width) => n.toString(8).padStart(width - 1, '0') + '\0';
  h.write(name, 0, 'utf8');
  h.write(oct(mode, 8), 100);
  h.write(oct(0, 8), 108);
  h.write(oct(0, 8), 116);
  h.write(oct(size, 12), 124);
  h.write(oct(MTIME, 12), 136);
  h.write('        ', 148);
  h.write(type, 156);
  h.write(linkname, 157);
  h.write('ustar\u000000', 257, 'latin1');
  let sum = 0;
  for (const b of h) sum += b;
  h.write(oct(sum, 7) + ' ', 148);
  return h;
}

const padding = (size) => Buffer.alloc((512 - (size % 512)) % 512);

/** The files of one layer: [{ name, size, offset }], grouped in directories of up to 40 files. */
function planLayer(index, budget, rand) {
  const files = [];
  let bytes = 0;
  let dir = 0;
  while (bytes < budget) {
    const size = Math.min(fileSize(rand), budget - bytes + 100);
    const name = `usr/lib/layer${index}/pkg${Math.floor(dir / 40)}/d${dir % 40}/file${files.length}.${['so', 'py', 'js', 'txt', 'dat'][files.length % 5]}`;
    files.push({ name, size, offset: Math.floor(rand() * 8 * 1024 * 1024) });
    bytes += size;
    if (files.length % 25 === 0) dir++;
  }
  return files;
}

/** Tar chunks of a layer: parent directories first, then each file's header, bytes and padding. */
async function* layerTar(files, pool, extra = []) {
  const dirs = new Set();
  for (const f of files) {
    const parts = f.name.split('/');
    for (let i = 1; i < parts.length; i++) {
      const d = parts.slice(0, i).join('/') + '/';
      if (!dirs.has(d)) {
        dirs.add(d);
        yield tarHeader(d, { mode: 0o755, type: '5' });
      }
    }
    yield tarHeader(f.name, { size: f.size, mode: f.name.endsWith('.so') ? 0o755 : 0o644 });
    let left = f.size;
    let at = f.offset;
    while (left > 0) {
      const n = Math.min(left, pool.length - at, 1 << 20);
      yield pool.subarray(at, at + n);
      left -= n;
      at = (at + n) % pool.length;
    }
    yield padding(f.size);
  }
  for (const e of extra) yield e;
  yield Buffer.alloc(1024);
}

/** Streams a layer to blobs/sha256 through gzip; returns its descriptor and diff_id. */
async function writeLayer(blobsDir, chunks) {
  const tmp = join(blobsDir, `layer-${process.pid}.part`);
  const diff = createHash('sha256');
  const digest = createHash('sha256');
  let size = 0;
  let tarSize = 0;
  const tap = (hash, count) => new Transform({ transform(chunk, _enc, cb) { hash.update(chunk); count(chunk.length); cb(null, chunk); } });
  await pipeline(Readable.from(chunks), tap(diff, (n) => (tarSize += n)), createGzip(), tap(digest, (n) => (size += n)), createWriteStream(tmp));
  const hex = digest.digest('hex');
  renameSync(tmp, join(blobsDir, hex));
  return { descriptor: { mediaType: 'application/vnd.oci.image.layer.v1.tar+gzip', digest: `sha256:${hex}`, size }, diffId: `sha256:${diff.digest('hex')}`, tarSize };
}

function writeBlob(blobsDir, json) {
  const bytes = Buffer.from(JSON.stringify(json));
  const hex = createHash('sha256').update(bytes).digest('hex');
  writeFileSync(join(blobsDir, hex), bytes);
  return { digest: `sha256:${hex}`, size: bytes.length };
}

/**
 * Builds (or reuses) `<cacheDir>/synthetic-<MB>mb/image.oci.tar` of about `targetBytes` of file
 * content. Returns { ociArchive, layoutDir, layers, contentBytes }.
 */
export async function ensureSyntheticImage(cacheDir, targetBytes, log = () => {}) {
  const mb = Math.round(targetBytes / 1e6);
  const dir = join(cacheDir, `synthetic-${mb}mb`);
  const layoutDir = join(dir, 'layout');
  const ociArchive = join(dir, 'image.oci.tar');
  if (existsSync(join(dir, 'complete')) && existsSync(ociArchive)) return { ociArchive, layoutDir };
  rmSync(dir, { recursive: true, force: true });
  const blobsDir = join(layoutDir, 'blobs', 'sha256');
  mkdirSync(blobsDir, { recursive: true });
  log(`generating a synthetic ${mb} MB image...`);

  const rand = prng(mb);
  const pool = contentPool(rand);
  const plans = LAYER_SHARES.map((share, i) => planLayer(i, Math.round(targetBytes * share), rand));
  const layers = [];
  for (const [i, files] of plans.entries()) layers.push(await writeLayer(blobsDir, layerTar(files, pool)));

  // A clean-up layer: delete every 20th file of layer 1 and rewrite every 50th of layer 2 (waste dive would report).
  const deleted = plans[1].filter((_, k) => k % 20 === 0);
  const rewritten = plans[2].filter((_, k) => k % 50 === 0);
  const whiteouts = deleted.map((f) => tarHeader(f.name.replace(/[^/]+$/, (base) => `.wh.${base}`), { size: 0 }));
  layers.push(await writeLayer(blobsDir, layerTar(rewritten, pool, whiteouts)));

  const history = [...LAYER_SHARES.map((_, i) => `/bin/sh -c #(nop) COPY dir:layer${i} in /usr/lib/layer${i}`), '/bin/sh -c rm -f old files && rewrite config'];
  const config = writeBlob(blobsDir, {
    architecture: 'amd64',
    os: 'linux',
    created: new Date(MTIME * 1000).toISOString(),
    config: { User: '1000', Cmd: ['/usr/lib/layer0/run'], Env: ['PATH=/usr/bin:/bin'] },
    rootfs: { type: 'layers', diff_ids: layers.map((l) => l.diffId) },
    history: history.map((created_by) => ({ created_by, created: new Date(MTIME * 1000).toISOString() })),
  });
  const manifest = writeBlob(blobsDir, {
    schemaVersion: 2,
    mediaType: 'application/vnd.oci.image.manifest.v1+json',
    config: { mediaType: 'application/vnd.oci.image.config.v1+json', ...config },
    layers: layers.map((l) => l.descriptor),
  });
  writeFileSync(join(layoutDir, 'oci-layout'), JSON.stringify({ imageLayoutVersion: '1.0.0' }));
  writeFileSync(join(layoutDir, 'index.json'), JSON.stringify({ schemaVersion: 2, manifests: [{ mediaType: 'application/vnd.oci.image.manifest.v1+json', ...manifest, annotations: { 'org.opencontainers.image.ref.name': `synthetic-${mb}mb` } }] }));
  const tar = spawnSync('tar', ['-C', layoutDir, '-cf', `${ociArchive}.part`, 'oci-layout', 'index.json', 'blobs'], { encoding: 'utf8' });
  if (tar.status !== 0) throw new Error(`tar: ${tar.stderr}`);
  renameSync(`${ociArchive}.part`, ociArchive);
  writeFileSync(join(dir, 'complete'), `${layers.reduce((n, l) => n + l.tarSize, 0)} tar bytes in ${layers.length} layers\n`);
  return { ociArchive, layoutDir };
}

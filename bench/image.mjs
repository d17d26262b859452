// Image benchmark: `shipready image` on a real Debian-based image of 300 MB or more (built once with
// debootstrap + buildah, cached in ~/.cache/shipready-bench/, or $SHIPREADY_BENCH_CACHE) and on synthetic 100 MB and 1 GB images.
// Usage: npm run bench            (runs this after the Dockerfile and Compose benchmarks)
//        node bench/image.mjs [--runs 5] [--warmup 1] [--no-write] [--no-synthetic] [--cli FILE] [--cache DIR]
//
// Wall time: `node bin/shipready.cjs image <archive> --format json --no-fail`, spawn to exit, stdout
// discarded, against `gzip -dc` of the same layer blobs one after another (blobs extracted from the
// archive first; only the decompression is timed) and, for reference, Node's zlib doing the same.
// Commands run round by round in rotating order: warm-up rounds, then timed rounds; medians.
// Peak memory: the shipready process's max resident set size (bench/maxrss.cjs hook), the largest
// of the timed runs. Writes docs/benchmarks-image.md and prints it.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, homedir, platform, release, totalmem } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { debianImageUnavailable, ensureDebianImage } from './lib/debian-image.mjs';
import { interleave, median, ociLayers, timed } from './lib/measure.mjs';
import { ensureSyntheticImage } from './lib/synthetic-image.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const HOOK = join(root, 'bench/maxrss.cjs');
const TARGETS = { vsGzip: 1.3, peakMB: 256, minImageMB: 300, flatGrowth: 1.25 };

function arg(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && i + 1 < process.argv.length ? process.argv[i + 1] : fallback;
}
const flag = (name) => process.argv.includes(`--${name}`);
const log = (s) => process.stderr.write(`image bench: ${s}\n`);

/** How to run shipready on one image: the CLI when it has `image`, else the library in dist/. */
function shipreadyCommand(cli) {
  const help = spawnSync(process.execPath, [cli, 'image', '--help'], { encoding: 'utf8' });
  if (help.status === 0 && /shipready image/.test(help.stdout)) {
    return { how: `\`shipready image <archive> --format json --no-fail\` (${relative(root, cli)})`, args: (img) => ['--require', HOOK, cli, 'image', img, '--format', 'json', '--no-fail'] };
  }
  const child = join(root, 'bench/lib/load-image-child.mjs');
  return { how: 'the library in dist/ through bench/lib/load-image-child.mjs (the CLI has no `image` command yet)', args: (img) => ['--require', HOOK, child, img] };
}

/** Extracts an OCI archive once (for the gzip baseline) and returns its layout directory. */
function extracted(archive) {
  const dir = `${archive}.d`;
  const stamp = join(dir, '.complete');
  if (!existsSync(stamp)) {
    mkdirSync(dir, { recursive: true });
    const r = spawnSync('tar', ['-xf', archive, '-C', dir], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`tar -xf ${archive}: ${r.stderr}`);
    writeFileSync(stamp, '');
  }
  return dir;
}

/** Layer count and plain-tar bytes of a docker-archive, from its manifest.json and member sizes. */
function dockerArchiveLayers(archive) {
  const manifest = JSON.parse(spawnSync('tar', ['-xOf', archive, 'manifest.json'], { encoding: 'utf8', maxBuffer: 64 << 20 }).stdout || '[{}]');
  const wanted = new Set(manifest[0]?.Layers ?? []);
  let bytes = 0;
  for (const line of spawnSync('tar', ['-tvf', archive], { encoding: 'utf8', maxBuffer: 64 << 20 }).stdout.split('\n')) {
    const cols = line.trim().split(/\s+/);
    if (wanted.has(cols[cols.length - 1])) bytes += Number(cols[2]);
  }
  return { layers: wanted.size || null, uncompressedBytes: bytes || null };
}

/** Measures one image; `layoutDir` (gzip layers) enables the decompression baselines. */
function measureImage(image, ship, runs, warmup) {
  const check = timed(process.execPath, ship.args(image.archive), { capture: true });
  if (check.status !== 0 && check.status !== 1) return { ...image, failed: `exit ${check.status ?? check.signal}: ${check.stderr.trim().split('\n').slice(-2).join(' / ')}` };
  let summary = {};
  try {
    summary = JSON.parse(check.stdout);
  } catch {
    return { ...image, failed: `output is not JSON: ${check.stdout.slice(0, 120)}` };
  }
  const commands = [{ id: 'shipready', cmd: process.execPath, args: ship.args(image.archive), okStatus: [0, 1] }];
  let uncompressedBytes = image.uncompressedBytes;
  let layers = image.layers;
  if (image.layoutDir) {
    const blobs = ociLayers(image.layoutDir).map((l) => l.path);
    layers = blobs.length;
    const zlib = [join(root, 'bench/lib/gunzip-all.mjs'), ...blobs];
    uncompressedBytes = Number(timed(process.execPath, zlib, { capture: true }).stdout.trim());
    commands.push({ id: 'gzip', cmd: 'sh', args: ['-c', 'for f do gzip -dc "$f" >/dev/null || exit 1; done', 'sh', ...blobs] });
    commands.push({ id: 'zlib', cmd: process.execPath, args: zlib });
  }
  if (!image.layoutDir) ({ layers, uncompressedBytes } = dockerArchiveLayers(image.archive));
  log(`${image.label}: ${warmup} warm-up + ${runs} timed rounds of ${commands.map((c) => c.id).join(', ')}...`);
  const t = interleave(commands, runs, warmup);
  const stat = (id) => (t[id] ? { median: median(t[id].seconds), min: Math.min(...t[id].seconds), max: Math.max(...t[id].seconds) } : null);
  return {
    ...image,
    layers,
    uncompressedBytes,
    compressedBytes: statSync(image.archive).size,
    findings: Array.isArray(summary.findings) ? summary.findings.length : null,
    // Tar entries over all layers, from the report's image summary (a rough count of files).
    entries: summary.images?.[0]?.layers?.reduce((n, l) => n + (l.entries ?? 0), 0) ?? null,
    shipready: stat('shipready'),
    gzip: stat('gzip'),
    zlib: stat('zlib'),
    peakMB: t.shipready.peakMB.length ? Math.max(...t.shipready.peakMB) : null,
  };
}

function machine() {
  const version = (cmd, args) => (spawnSync(cmd, args, { encoding: 'utf8' }).stdout ?? '').split('\n')[0].trim() || 'n/a';
  return {
    cpu: cpus()[0]?.model?.trim() || 'unknown CPU',
    nproc: availableParallelism(),
    memGB: totalmem() / 2 ** 30,
    os: `${platform()} ${release()}`,
    node: process.version,
    gzip: version('gzip', ['--version']),
    buildah: version('buildah', ['--version']),
  };
}

// ---------------------------------------------------------------- report
function render(r) {
  const f = (n, d = 0) => (n === null || n === undefined || Number.isNaN(n) ? 'n/a' : n.toLocaleString('en-US', { minimumFractionDigits: d, maximumFractionDigits: d }));
  const mb = (b) => f(b / 1e6);
  const ok = (pass) => (pass === null ? 'n/a' : pass ? 'met' : '**not met**');
  const ratio = (x) => (x?.shipready && x?.gzip ? x.shipready.median / x.gzip.median : null);
  const m = r.machine;
  const lines = [
    '# Image benchmark',
    '',
    '<!-- Written by `npm run bench` (bench/image.mjs). Do not edit by hand. -->',
    '',
    `Measured ${r.date} on ${m.cpu} (\`nproc\` ${m.nproc}, ${f(m.memGB)} GB RAM, ${m.os}), Node ${m.node}, ${m.gzip}, ${m.buildah}.`,
    '',
    '## Method',
    '',
    `- shipready runs as ${r.how}, a new process per run, stdout discarded. Wall time is from spawn to exit.`,
    '- Baseline: `gzip -dc` of the same layer blobs one after another (`for f in blobs; do gzip -dc $f > /dev/null; done`), the blobs extracted from the archive beforehand so that only decompression is timed. "Node zlib" is the same done by Node\'s `zlib.createGunzip` in one process, for reference.',
    `- ${r.warmup} warm-up round, then ${r.runs} timed rounds; in each round every command runs once, in rotating order. Times are medians (min-max).`,
    '- Peak memory is the shipready process\'s maximum resident set size (`process.resourceUsage().maxRSS` at exit, via `bench/maxrss.cjs`), the largest of the timed runs.',
    `- The Debian image: \`debootstrap --variant=minbase bookworm\` as the base layer, then \`apt-get install\` of a compiler toolchain, Python, git and curl, then a user and an \`apt-get clean\` (bench/lib/debian-image.mjs, built once with buildah and cached in \`~/.cache/shipready-bench/\`). Exported with \`buildah push\` as an OCI archive (gzip layers, as a registry serves them) and as a docker-archive (plain tar layers, as \`docker save\` writes them).`,
    '- The synthetic images (bench/lib/synthetic-image.mjs): five gzip layers of many files (80% under 8 KB, 18% up to 256 KB, 2% up to 8 MB; a mix of text-like and incompressible content) and a sixth layer that deletes and rewrites some of them. Generated by streaming, deterministic, cached.',
    '',
    '## Results',
    '',
    '| Image | Layers | Entries | Archive (MB) | Uncompressed (MB) | shipready (s) | `gzip -dc` (s) | shipready / gzip | Node zlib (s) | Peak RSS (MB) |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
  ];
  const span = (s) => (s ? `${f(s.median, 2)} (${f(s.min, 2)}-${f(s.max, 2)})` : 'n/a');
  for (const x of r.images) {
    if (x.failed) lines.push(`| ${x.label} | | | | | failed: ${x.failed} | | | | |`);
    else lines.push(`| ${x.label} | ${x.layers ?? 'n/a'} | ${f(x.entries)} | ${mb(x.compressedBytes)} | ${x.uncompressedBytes ? mb(x.uncompressedBytes) : 'n/a'} | ${span(x.shipready)} | ${span(x.gzip)} | ${ratio(x) === null ? 'n/a' : `${f(ratio(x), 2)}x`} | ${span(x.zlib)} | ${f(x.peakMB)} |`);
  }
  for (const s of r.skipped) lines.push('', `Not measured: ${s}`);

  const deb = r.images.find((x) => x.id === 'debian-oci' && !x.failed);
  const small = r.images.find((x) => x.id === 'synthetic-100mb' && !x.failed);
  const big = r.images.find((x) => x.id === 'synthetic-1gb' && !x.failed);
  const debDocker = r.images.find((x) => x.id === 'debian-docker' && !x.failed);
  const growth = small?.peakMB && big?.peakMB ? big.peakMB / small.peakMB : null;
  const maxPeak = Math.max(...[deb, debDocker, small, big].filter(Boolean).map((x) => x.peakMB ?? 0));
  lines.push(
    '',
    '## Targets',
    '',
    '| Target | Measured | Status |',
    '|---|---:|---|',
    `| a Debian-based image of at least ${TARGETS.minImageMB} MB | ${deb ? `${mb(deb.uncompressedBytes)} MB uncompressed` : 'n/a'} | ${ok(deb ? deb.uncompressedBytes >= TARGETS.minImageMB * 1e6 : null)} |`,
    `| wall time at most ${TARGETS.vsGzip}x \`gzip -dc\` of the same layers (Debian, gzip layers) | ${ratio(deb) === null ? 'n/a' : `${f(ratio(deb), 2)}x`} | ${ok(ratio(deb) === null ? null : ratio(deb) <= TARGETS.vsGzip)} |`,
    `| peak memory at most ${TARGETS.peakMB} MB (every image above) | ${Number.isFinite(maxPeak) && maxPeak > 0 ? `${f(maxPeak)} MB` : 'n/a'} | ${ok(Number.isFinite(maxPeak) && maxPeak > 0 ? maxPeak <= TARGETS.peakMB : null)} |`,
    `| peak memory flat from 100 MB to 1 GB (1 GB peak at most ${TARGETS.flatGrowth}x the 100 MB peak) | ${growth === null ? 'n/a' : `${f(small.peakMB)} -> ${f(big.peakMB)} MB (${f(growth, 2)}x)`} | ${ok(growth === null ? null : growth <= TARGETS.flatGrowth)} |`,
    '',
  );
  if (growth !== null && small.entries && big.entries > small.entries) {
    // The merged file list is kept by design, so some growth with the number of entries is expected; bytes must not matter.
    const perEntryKB = ((big.peakMB - small.peakMB) * 1024) / (big.entries - small.entries);
    lines.push(`From the 100 MB to the 1 GB image the content grows ${f(big.uncompressedBytes / small.uncompressedBytes, 1)}x and the tar entries ${f(big.entries / small.entries, 1)}x; the peak grows ${f(big.peakMB - small.peakMB)} MB, about ${f(perEntryKB, 1)} KB per added entry.`, '');
  }
  return lines.join('\n');
}

// ---------------------------------------------------------------- main
export async function runImageBench(opts = {}) {
  const runs = Number(opts.runs ?? arg('runs', '5'));
  const warmup = Number(opts.warmup ?? arg('warmup', '1'));
  // Outside the checkout: gigabytes of images and a Debian rootfs do not belong where test runners and editors look.
  const cache = resolve(opts.cache ?? arg('cache', process.env.SHIPREADY_BENCH_CACHE ?? join(homedir(), '.cache', 'shipready-bench')));
  const cli = resolve(opts.cli ?? arg('cli', join(root, 'bin/shipready.cjs')));
  const write = opts.write ?? !flag('no-write');
  if (!existsSync(cli) || !existsSync(join(root, 'dist/index.js'))) {
    console.error('image bench: dist/ is missing: run `npm run build` first (npm run bench does).');
    process.exitCode = 1;
    return null;
  }
  mkdirSync(cache, { recursive: true });
  const ship = shipreadyCommand(cli);
  const images = [];
  const skipped = [];

  try {
    const deb = ensureDebianImage(cache, log);
    images.push({ id: 'debian-oci', label: 'Debian bookworm + toolchain, OCI archive (gzip)', archive: deb.ociArchive, layoutDir: extracted(deb.ociArchive) });
    images.push({ id: 'debian-docker', label: 'the same, docker-archive (uncompressed layers)', archive: deb.dockerArchive });
  } catch (e) {
    const why = debianImageUnavailable() ?? e.message;
    skipped.push(`the Debian image (${why}).`);
    log(`Debian image skipped: ${why}`);
  }
  if (!(opts.synthetic === false || flag('no-synthetic'))) {
    for (const [id, bytes, label] of [['synthetic-100mb', 100e6, 'synthetic 100 MB, OCI archive (gzip)'], ['synthetic-1gb', 1000e6, 'synthetic 1 GB, OCI archive (gzip)']]) {
      const s = await ensureSyntheticImage(cache, bytes, log);
      images.push({ id, label, archive: s.ociArchive, layoutDir: s.layoutDir });
    }
  }

  const measured = images.map((img) => measureImage(img, ship, runs, warmup));
  const result = { date: new Date().toISOString().slice(0, 10), machine: machine(), how: ship.how, runs, warmup, images: measured, skipped };
  const md = render(result);
  if (write) writeFileSync(join(root, 'docs/benchmarks-image.md'), md);
  console.log(md);
  return result;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await runImageBench();

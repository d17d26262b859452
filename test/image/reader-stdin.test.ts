/**
 * Reading from a non-seekable stream (stdin, pipes, whole-archive gzip) in one pass gives the same
 * image as reading the file: every archive format, any chunking, platform selection included.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { build } from 'esbuild';
import { afterAll, describe, expect, it } from 'vitest';
import { readImage } from '../../src/model/image/read.js';
import type { ImageFormat, RawImage } from '../../src/model/image/types.js';
import { imageArchiveBytes, sampleSpec, writeImage, zstdRaw } from '../helpers/image-builder.js';

const dir = mkdtempSync(join(tmpdir(), 'shipready-stdin-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function chunked(b: Buffer, size: number): Readable {
  const parts: Buffer[] = [];
  for (let i = 0; i < b.length; i += size) parts.push(b.subarray(i, i + size));
  return Readable.from(parts);
}

/** Everything but the display names. */
function same(raw: RawImage) {
  const { name: _n, source: _s, ...rest } = raw;
  return rest;
}

const FORMATS: Array<Exclude<ImageFormat, 'oci-dir'>> = ['docker-archive', 'docker-hybrid', 'docker-containerd', 'oci-archive'];

describe('stdin', () => {
  const spec = sampleSpec();
  for (const format of FORMATS) {
    for (const gzip of [false, true]) {
      it(`${format}${gzip ? ' | gzip' : ''} reads like the file`, async () => {
        const file = writeImage(spec, format, dir, { name: `${format}-${gzip}`, gzip: false });
        const fromFile = await readImage(file);
        const bytes = imageArchiveBytes(spec, format, { gzip });
        for (const size of [1 << 20, 1000]) {
          const raw = await readImage('-', { stdin: chunked(bytes, size) });
          expect(raw.source).toBe('-');
          expect(same(raw)).toEqual(same(fromFile));
        }
      });
    }
  }

  it('reads a whole archive compressed with zstd, from stdin and from a file, under a display name', async () => {
    const plain = await readImage(writeImage(spec, 'oci-archive', dir, { name: 'for-zstd' }));
    const z = zstdRaw(imageArchiveBytes(spec, 'oci-archive'), { frames: 2 });
    const fromStdin = await readImage('-', { stdin: chunked(z, 50_000), display: '<stdin>' });
    expect(fromStdin.source).toBe('<stdin>');
    expect(same(fromStdin)).toEqual(same(plain));
    const p = join(dir, 'whole.tar.zst');
    writeFileSync(p, z);
    const seen: number[] = [];
    const fromFile = await readImage(p, { display: 'whole.tar.zst', onProgress: (d, t) => { expect(t).toBe(z.length); seen.push(d); } });
    expect(fromFile.name).toBe('whole.tar.zst (example/app:1.0)');
    expect(same(fromFile)).toEqual(same(plain));
    expect(seen.at(-1)).toBe(z.length);
  });

  it('selects a platform from a multi-platform archive on stdin', async () => {
    const arm = { ...spec, platform: { os: 'linux', architecture: 'arm64' } };
    const bytes = imageArchiveBytes(spec, 'oci-archive', { otherPlatforms: [arm], attestation: true });
    const raw = await readImage('-', { stdin: chunked(bytes, 4096), platform: 'linux/arm64' });
    expect(raw.platform).toEqual({ os: 'linux', architecture: 'arm64' });
    expect(raw.platforms).toEqual([{ os: 'linux', architecture: 'amd64' }, { os: 'linux', architecture: 'arm64' }]);
  });

  it('reports progress as input bytes with an unknown total', async () => {
    const bytes = imageArchiveBytes(spec, 'docker-archive', {});
    const seen: Array<[number, number]> = [];
    await readImage('-', { stdin: chunked(bytes, 8192), onProgress: (d, t) => seen.push([d, t]) });
    expect(seen.at(-1)).toEqual([bytes.length, 0]);
    expect(seen.every(([d], i) => i === 0 || d >= seen[i - 1][0])).toBe(true);
  });

  it('reads process stdin in a child process', async () => {
    const bytes = imageArchiveBytes(spec, 'docker-archive', { gzip: true });
    const script = join(dir, 'child.ts');
    writeFileSync(script, [
      `import { readImage } from ${JSON.stringify(join(process.cwd(), 'src/model/image/read.ts'))};`,
      'const raw = await readImage("-");',
      'console.log(JSON.stringify({ format: raw.format, layers: raw.layers.map((l) => l.entries.length), tags: raw.repoTags }));',
    ].join('\n'));
    const out = join(dir, 'child.mjs');
    await build({ entryPoints: [script], bundle: true, platform: 'node', format: 'esm', outfile: out, logLevel: 'error', absWorkingDir: process.cwd() });
    const c = spawnSync(process.execPath, [out], { input: bytes, encoding: 'utf8', cwd: process.cwd() });
    expect(c.status, c.stderr).toBe(0);
    const entries = spec.layers.map((l) => l.files.filter((f) => f.type !== 'whiteout' && f.type !== 'opaque').length);
    expect(JSON.parse(c.stdout)).toEqual({ format: 'docker-archive', layers: entries, tags: ['example/app:1.0'] });
  });
});

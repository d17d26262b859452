/**
 * Layer compression comes from the bytes, never from names or media types: gzip, zstd (a real
 * entropy-coded blob, raw-block frames, a leading skippable frame, several frames), plain tar,
 * the 32-byte empty gzip layer, and one blob backing several layers.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { decompress as fzstdDecompress } from 'fzstd';
import { afterAll, describe, expect, it } from 'vitest';
import { CaptureBudget } from '../../src/model/image/capture-budget.js';
import { capturePolicy } from '../../src/model/image/capture.js';
import { zstdBackend } from '../../src/model/image/decompress.js';
import { readLayer } from '../../src/model/image/layer-reader.js';
import { resolveLimits } from '../../src/model/image/limits.js';
import { readImage } from '../../src/model/image/read.js';
import { sniffCompression } from '../../src/model/image/sniff.js';
import type { LayerSummary } from '../../src/model/image/types.js';
import { compress, EMPTY_GZIP_LAYER, layerTar, sha256, writeImage, ZSTD_FIXTURE_LAYER, zstdRaw } from '../helpers/image-builder.js';
import { layerSummariesFromSpec, type ImageSpec } from '../helpers/image-spec.js';

const dir = mkdtempSync(join(tmpdir(), 'shipready-compression-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const FIXTURE = readFileSync(new URL('../fixtures/image/zstd-layer.tar.zst', import.meta.url));

function strip(l: LayerSummary) {
  return { entries: l.entries, whiteouts: l.whiteouts, opaqueDirs: l.opaqueDirs, contents: l.contents };
}

async function summarize(blob: Buffer, chunk = 4096): Promise<LayerSummary> {
  const parts: Buffer[] = [];
  for (let i = 0; i < blob.length; i += chunk) parts.push(blob.subarray(i, i + chunk));
  return readLayer(Readable.from(parts), blob.subarray(0, 512), {
    blob: 'test', display: 'test', policy: capturePolicy(), budget: new CaptureBudget(), limits: resolveLimits(),
  });
}

const fixtureSpec: ImageSpec = { layers: [ZSTD_FIXTURE_LAYER] };
const fixtureWant = strip(layerSummariesFromSpec(fixtureSpec)[0]);

describe('sniffing', () => {
  it('recognises gzip, zstd frames, zstd skippable frames, and treats anything else as tar', () => {
    expect(sniffCompression(Buffer.from([0x1f, 0x8b, 8, 0]))).toBe('gzip');
    expect(sniffCompression(Buffer.from([0x28, 0xb5, 0x2f, 0xfd]))).toBe('zstd');
    expect(sniffCompression(Buffer.from([0x50, 0x2a, 0x4d, 0x18]))).toBe('zstd');
    expect(sniffCompression(Buffer.from([0x5f, 0x2a, 0x4d, 0x18]))).toBe('zstd');
    expect(sniffCompression(Buffer.from([0x60, 0x2a, 0x4d, 0x18]))).toBe('none');
    expect(sniffCompression(layerTar(ZSTD_FIXTURE_LAYER))).toBe('none');
    expect(sniffCompression(Buffer.from([0x1f]))).toBe('none');
  });
});

describe('zstd', () => {
  it('the committed fixture is real zstd of the fixture layer tar', () => {
    expect(FIXTURE.subarray(0, 4)).toEqual(Buffer.from([0x28, 0xb5, 0x2f, 0xfd]));
    expect(FIXTURE.length).toBeLessThan(layerTar(ZSTD_FIXTURE_LAYER).length / 4); // entropy-coded, not raw blocks
    expect(Buffer.from(fzstdDecompress(FIXTURE))).toEqual(layerTar(ZSTD_FIXTURE_LAYER));
  });

  it(`reads an entropy-coded zstd layer (backend: ${zstdBackend})`, async () => {
    for (const chunk of [1, 97, 65536]) {
      const s = await summarize(FIXTURE, chunk);
      expect(s.compression).toBe('zstd');
      expect(s.tarSize).toBe(layerTar(ZSTD_FIXTURE_LAYER).length);
      expect(strip(s)).toEqual(fixtureWant);
    }
    expect(fixtureWant.entries.find((e) => e.path === '/usr/bin/tool')?.capabilities).toBe('cap_net_bind_service=ep');
  });

  it('reads raw-block frames, a leading skippable frame and several frames', async () => {
    const tar = layerTar(ZSTD_FIXTURE_LAYER);
    for (const blob of [zstdRaw(tar), zstdRaw(tar, { skippableFirst: true }), zstdRaw(tar, { frames: 3 }), Buffer.concat([zstdRaw(tar.subarray(0, 1024)), zstdRaw(tar.subarray(1024))])]) {
      const s = await summarize(blob);
      expect(s.compression).toBe('zstd');
      expect(strip(s)).toEqual(fixtureWant);
    }
  });
});

describe('names and media types are not trusted', () => {
  it('reads a zstd blob that the manifest calls gzip and a gzip blob called plain tar', async () => {
    const spec: ImageSpec = { layers: [ZSTD_FIXTURE_LAYER, { ...ZSTD_FIXTURE_LAYER, compression: 'none' }] };
    const gz = compress(layerTar(ZSTD_FIXTURE_LAYER), 'gzip');
    const path = writeImage(spec, 'oci-archive', dir, { name: 'lying-media-types', compression: 'gzip', layerBlobs: { 0: FIXTURE, 1: gz } });
    const raw = await readImage(path);
    expect(raw.layers.map((l) => l.compression)).toEqual(['zstd', 'gzip']);
    expect(raw.layers.map(strip)).toEqual([fixtureWant, fixtureWant]);
    // The manifest really does say otherwise:
    const spec2 = JSON.stringify(readFileSync(path, 'latin1'));
    expect(spec2).toContain('application/vnd.oci.image.layer.v1.tar+gzip');
    expect(spec2).toContain('application/vnd.oci.image.layer.v1.tar\\"');
  });

  it('reads gzip and zstd data stored as docker-archive `layer.tar`', async () => {
    const spec: ImageSpec = { layers: [{ ...ZSTD_FIXTURE_LAYER, compression: 'gzip' }, { ...ZSTD_FIXTURE_LAYER, compression: 'zstd' }, ZSTD_FIXTURE_LAYER] };
    const raw = await readImage(writeImage(spec, 'docker-archive', dir, { name: 'compressed-layer-tar' }));
    expect(raw.layers.map((l) => l.compression)).toEqual(['gzip', 'zstd', 'none']);
    expect(raw.layers.every((l) => l.blob.endsWith('/layer.tar'))).toBe(true);
    expect(raw.layers.map(strip)).toEqual([fixtureWant, fixtureWant, fixtureWant]);
  });
});

describe('empty layers and shared blobs', () => {
  const spec: ImageSpec = { layers: [ZSTD_FIXTURE_LAYER, { files: [] }, { files: [{ path: 'a', content: 'a' }] }, { files: [] }] };

  it('reads the 32-byte empty gzip layer, once, for every layer it backs', async () => {
    expect(EMPTY_GZIP_LAYER.length).toBe(32);
    const path = writeImage(spec, 'oci-dir', dir, { name: 'empty-layers', layerBlobs: { 1: EMPTY_GZIP_LAYER, 3: EMPTY_GZIP_LAYER } });
    let total = 0;
    let last = 0;
    const raw = await readImage(path, { onProgress: (done, t) => { last = done; total = t; } });
    expect(raw.layers).toHaveLength(4);
    expect(raw.layers[1].digest).toBe(sha256(EMPTY_GZIP_LAYER));
    expect(raw.layers[3].digest).toBe(raw.layers[1].digest);
    for (const i of [1, 3]) {
      expect(raw.layers[i]).toMatchObject({ compression: 'gzip', compressedSize: 32, tarSize: 1024, entries: [], whiteouts: [], opaqueDirs: [] });
      expect(raw.layers[i].diffId).toBe(sha256(Buffer.alloc(1024)));
    }
    // Progress counts each stored blob once: the shared empty layer is read a single time.
    const unique = raw.layers.filter((l, i) => raw.layers.findIndex((o) => o.digest === l.digest) === i);
    expect(total).toBe(unique.reduce((n, l) => n + l.compressedSize, 0));
    expect(last).toBe(total);
    expect(raw.layers.map(strip)).toEqual(layerSummariesFromSpec(spec).map(strip));
  });

  it('docker-archive symlinks identical layer tars and the reader follows the link', async () => {
    const path = writeImage(spec, 'docker-archive', dir, { name: 'symlinked-layers' });
    const listing = readFileSync(path, 'latin1');
    expect(listing).toMatch(/[0-9a-f]{64}\/layer\.tar\0[^]*\.\.\/[0-9a-f]{64}\/layer\.tar/); // a symlink member exists
    const raw = await readImage(path);
    expect(raw.layers.map(strip)).toEqual(layerSummariesFromSpec(spec).map(strip));
    expect(raw.layers[3].tarSize).toBe(1024);
  });
});

/**
 * A short mutation-fuzzing round with a fixed seed over image archives (scripts/fuzz.mjs): bytes
 * changed, cut, dropped and inserted, mostly in tar header blocks. Every mutant, read from stdin
 * and from a file, must load or fail with a one-line InputError: never another error or a hang.
 * Archives with gzip and zstd layers, so CI's Node 22 run covers the native zstd decoder.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs script without types
import { fuzzImages } from '../../scripts/fuzz.mjs';
import { Readable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import { InputError } from '../../src/config/errors.js';
import { CaptureBudget } from '../../src/model/image/capture-budget.js';
import { capturePolicy } from '../../src/model/image/capture.js';
import { readLayer } from '../../src/model/image/layer-reader.js';
import { resolveLimits } from '../../src/model/image/limits.js';
import { loadImage } from '../../src/model/image/load.js';
import { imageArchiveBytes, layerTar, sampleSpec, ZSTD_FIXTURE_LAYER } from '../helpers/image-builder.js';

const root = resolve(import.meta.dirname, '../..');
const dir = mkdtempSync(join(tmpdir(), 'shipready-image-fuzz-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

type Problem = { target: string; name: string; problem: string };

describe('image reader fuzzing (fixed seed)', () => {
  it('mutated archives load or fail with a one-line input error', async () => {
    const archives = [
      { name: 'examples/images/worker.tar', bytes: readFileSync(join(root, 'examples/images/worker.tar')) },
      // A real entropy-coded zstd layer (the committed fixture): flipped bits there upset the decoder.
      { name: 'OCI archive, zstd layer', bytes: imageArchiveBytes({ layers: [ZSTD_FIXTURE_LAYER] }, 'oci-archive', { layerBlobs: { 0: readFileSync(join(root, 'test/fixtures/image/zstd-layer.tar.zst')) } }) },
      { name: 'docker-archive, plain layers', bytes: imageArchiveBytes(sampleSpec(), 'docker-archive') },
    ];
    const found = (await fuzzImages({ loadImage, archives, seed: 3, rounds: 15, slowMs: 15_000, dir })) as Problem[];
    expect(found.map((f) => `${f.target} ${f.name}: ${f.problem}`)).toEqual([]);
  });

  // Flipped bytes inside compressed layer data reach the decoders (archive mutations mostly hit
  // tar headers). Node 22's native zstd decoder used to leave such a read hanging.
  it('layer blobs with changed bytes decode or fail with an input error, never hang', async () => {
    const zstd = readFileSync(join(root, 'test/fixtures/image/zstd-layer.tar.zst'));
    const gzip = gzipSync(layerTar(ZSTD_FIXTURE_LAYER));
    let state = 11;
    const rnd = (n: number) => ((state = (Math.imul(state, 1103515245) + 12345) >>> 0) >>> 1) % n;
    const outcomes = { ok: 0, input: 0 };
    for (const [name, blob] of [['zstd', zstd], ['gzip', gzip]] as const) {
      for (let k = 0; k < 120; k++) {
        const b = Buffer.from(blob);
        for (let n = 1 + rnd(3); n > 0; n--) b[rnd(b.length)] = rnd(256);
        const read = readLayer(Readable.from([b.subarray(0, 100), b.subarray(100)]), b.subarray(0, 512), {
          blob: name, display: 'fuzz', policy: capturePolicy({}), budget: new CaptureBudget(), limits: resolveLimits(),
        });
        let timer: NodeJS.Timeout | undefined;
        const outcome = await Promise.race([
          read.then(() => 'ok', (e: unknown) => (e instanceof InputError && !e.oneLine.includes('\n') ? 'input' : `threw ${(e as Error).message}`)),
          new Promise<string>((r) => { timer = setTimeout(() => r('hang'), 10_000); }),
        ]);
        clearTimeout(timer);
        if (outcome !== 'ok' && outcome !== 'input') expect(`${name} mutant ${k}: ${outcome}`).toBe('');
        outcomes[outcome as 'ok' | 'input']++;
      }
    }
    // Both kinds of outcome happen: the mutants do reach the decoders.
    expect(outcomes.input).toBeGreaterThan(20);
    expect(outcomes.ok).toBeGreaterThan(0);
  });
});

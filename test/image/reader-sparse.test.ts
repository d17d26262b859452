/**
 * Sparse files as GNU tar writes them (`tar --sparse`): old GNU headers (type S, with extension
 * blocks when there are more than four segments) and PAX sparse versions 0.0, 0.1 and 1.0. The
 * entry keeps its real name and apparent size, its stored data is skipped exactly (the next entry
 * reads intact), and its content is never captured (what is stored is not the file's bytes).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { closeSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync, writeSync, ftruncateSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { CaptureBudget } from '../../src/model/image/capture-budget.js';
import { capturePolicy } from '../../src/model/image/capture.js';
import { readLayer } from '../../src/model/image/layer-reader.js';
import { resolveLimits } from '../../src/model/image/limits.js';
import type { LayerSummary } from '../../src/model/image/types.js';
import { TarWriter } from '../helpers/image-builder.js';

const gnuTar = (() => {
  const r = spawnSync('tar', ['--version'], { encoding: 'utf8' });
  return r.status === 0 && r.stdout.includes('GNU tar');
})();
if (!gnuTar) console.warn('reader-sparse: GNU tar not found; sparse archive tests skipped');

const dir = mkdtempSync(join(tmpdir(), 'shipready-sparse-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const APPARENT = 6 * 1024 * 1024;
const RUN = '#!/bin/sh\necho after the sparse file\n';

/** A 6 MB file with data in `segments` places and holes between, plus a small file after it. */
function tree(name: string, segments: number): string {
  const root = join(dir, name);
  mkdirSync(join(root, 'app'), { recursive: true });
  const fd = openSync(join(root, 'app/data.bin'), 'w');
  for (let i = 0; i < segments; i++) writeSync(fd, `segment ${i}`, i * 131072);
  ftruncateSync(fd, APPARENT);
  closeSync(fd);
  writeFileSync(join(root, 'app/run'), RUN);
  return root;
}

function archive(root: string, format: string): Buffer {
  const out = join(dir, `${format}-${Math.random().toString(36).slice(2)}.tar`);
  const args = format === 'gnu' ? ['--format=gnu'] : ['--format=pax', `--sparse-version=${format.slice(4)}`];
  execFileSync('tar', ['--sparse', ...args, '-cf', out, '-C', root, 'app/data.bin', 'app/run']);
  return readFileSync(out);
}

async function summarize(tar: Buffer, policy = capturePolicy({ entrypointPaths: ['/app/run', '/app/data.bin'] })): Promise<LayerSummary> {
  const parts: Buffer[] = [];
  for (let i = 0; i < tar.length; i += 10_000) parts.push(tar.subarray(i, i + 10_000));
  return readLayer(Readable.from(parts), tar.subarray(0, 512), { blob: 'layer', display: 'sparse.tar', policy, budget: new CaptureBudget(), limits: resolveLimits() });
}

describe.skipIf(!gnuTar)('GNU tar sparse files', () => {
  for (const [label, segments] of [['four segments or fewer', 3], ['more segments than a header holds', 30]] as const) {
    const root = tree(label.replace(/\W+/g, '-'), segments);
    for (const format of ['gnu', 'pax-0.0', 'pax-0.1', 'pax-1.0']) {
      it(`${format}, ${label}`, async () => {
        const tar = archive(root, format);
        // The archive really is sparse: far smaller than the file it holds.
        expect(tar.length).toBeLessThan(APPARENT / 4);
        const s = await summarize(tar);
        expect(s.entries.map((e) => [e.path, e.type, e.size])).toEqual([
          ['/app/data.bin', 'file', APPARENT],
          ['/app/run', 'file', RUN.length],
        ]);
        expect(s.contents.get('/app/run')?.toString()).toBe(RUN);
        expect(s.contents.has('/app/data.bin')).toBe(false);
        expect(s.tarSize).toBe(tar.length);
      });
    }
  }

  // Small enough to be captured were it a plain file: what is stored is a map and packed segments.
  for (const format of ['gnu', 'pax-0.0', 'pax-0.1', 'pax-1.0']) {
    it(`${format}: a small sparse file is listed with its apparent size but not captured`, async () => {
      const root = join(dir, `small-${format}`);
      mkdirSync(join(root, 'app'), { recursive: true });
      const fd = openSync(join(root, 'app/data.bin'), 'w');
      writeSync(fd, 'start', 0);
      writeSync(fd, 'end', 61440);
      ftruncateSync(fd, 65536);
      closeSync(fd);
      writeFileSync(join(root, 'app/run'), RUN);
      const tar = archive(root, format);
      const s = await summarize(tar);
      expect(s.entries.map((e) => [e.path, e.size])).toEqual([['/app/data.bin', 65536], ['/app/run', RUN.length]]);
      expect(s.contents.has('/app/data.bin')).toBe(false);
      expect(s.contents.get('/app/run')?.toString()).toBe(RUN);
    });
  }
});

describe('PAX sparse records in any order', () => {
  it('keeps the apparent size when a `size` record follows GNU.sparse.size', async () => {
    const stored = Buffer.from('packed');
    for (const pax of [{ 'GNU.sparse.size': '9000', size: String(stored.length) }, { size: String(stored.length), 'GNU.sparse.size': '9000' }]) {
      const tar = new TarWriter().add({ name: 'app/data.bin', content: stored, pax }).add({ name: 'app/run', content: Buffer.from(RUN) }).finish();
      const s = await summarize(tar);
      expect(s.entries.map((e) => [e.path, e.size])).toEqual([['/app/data.bin', 9000], ['/app/run', RUN.length]]);
      expect(s.contents.has('/app/data.bin')).toBe(false);
      expect(s.contents.get('/app/run')?.toString()).toBe(RUN);
    }
  });
});

/**
 * Every container format reads the same spec to the same layer summaries, whatever the layer
 * compression, and reports format, platform, tags and diff_ids.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { entrypointPathsFromConfig } from '../../src/model/image/entrypoint.js';
import { readImage } from '../../src/model/image/read.js';
import type { Compression, ImageFormat, LayerSummary, RawImage } from '../../src/model/image/types.js';
import { sampleSpec, sha256, layerTar, writeImage, type WriteImageOptions } from '../helpers/image-builder.js';
import { layerSummariesFromSpec, specConfigJson, type ImageSpec } from '../helpers/image-spec.js';

const dir = mkdtempSync(join(tmpdir(), 'shipready-reader-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The parts of a summary that must not depend on the container or the compression. */
function comparable(layers: LayerSummary[]) {
  return layers.map((l) => ({ entries: l.entries, whiteouts: l.whiteouts, opaqueDirs: l.opaqueDirs, contents: l.contents }));
}

function expected(spec: ImageSpec) {
  const entrypoints = entrypointPathsFromConfig(specConfigJson(spec, []));
  return comparable(layerSummariesFromSpec(spec, entrypoints));
}

function storedCompression(spec: ImageSpec, format: ImageFormat, opts: WriteImageOptions): Compression[] {
  const def: Compression = format === 'docker-archive' || format === 'docker-hybrid' ? 'none' : 'gzip';
  return spec.layers.map((l) => l.compression ?? opts.compression ?? def);
}

const CASES: Array<{ format: ImageFormat; opts?: WriteImageOptions; label?: string }> = [
  { format: 'docker-archive' },
  { format: 'docker-archive', opts: { longNames: 'gnu' }, label: 'GNU long names' },
  { format: 'docker-hybrid' },
  { format: 'docker-containerd' },
  { format: 'oci-dir' },
  { format: 'oci-archive' },
  { format: 'oci-archive', opts: { dotSlash: true }, label: './-prefixed' },
  { format: 'oci-archive', opts: { gzip: true }, label: 'whole archive gzip' },
  { format: 'docker-archive', opts: { gzip: true }, label: 'whole archive gzip' },
  { format: 'oci-dir', opts: { compression: 'zstd' }, label: 'zstd default' },
  { format: 'docker-hybrid', opts: { compression: 'gzip' }, label: 'gzip default' },
];

describe('every format reads the sample spec to the same summaries', () => {
  const spec = sampleSpec();
  const want = expected(spec);
  const diffIds = spec.layers.map((l) => sha256(layerTar(l, {})));

  for (const c of CASES) {
    it(`${c.format}${c.label ? ` (${c.label})` : ''}`, async () => {
      const opts = { ...c.opts, name: `${c.format}-${c.label ?? 'plain'}`.replace(/[^a-z0-9-]/gi, '_') };
      const path = writeImage(spec, c.format, dir, opts);
      const raw: RawImage = await readImage(path);
      expect(raw.format).toBe(c.format);
      expect(raw.source).toBe(path);
      expect(raw.repoTags).toEqual(['example/app:1.0']);
      expect(raw.platform).toEqual({ os: 'linux', architecture: 'amd64' });
      expect(raw.platforms).toEqual([{ os: 'linux', architecture: 'amd64' }]);
      expect(raw.configDigest).toMatch(/^sha256:[0-9a-f]{64}$/);
      expect((raw.configJson as { config: unknown }).config).toEqual(spec.config);
      expect(comparable(raw.layers)).toEqual(want);
      expect(raw.layers.map((l) => l.compression)).toEqual(storedCompression(spec, c.format, c.opts ?? {}));
      if (c.opts?.longNames !== 'gnu') expect(raw.layers.map((l) => l.diffId)).toEqual(diffIds);
      for (const l of raw.layers) {
        expect(l.tarSize % 512).toBe(0);
        expect(l.compressedSize).toBeGreaterThan(0);
        if (l.compression === 'none') expect(l.compressedSize).toBe(l.tarSize);
        if (c.format !== 'docker-archive') {
          expect(l.blob).toBe(`blobs/sha256/${l.digest!.slice(7)}`);
        } else {
          expect(l.blob).toMatch(/^[0-9a-f]{64}\/layer\.tar$/);
        }
      }
    });
  }

  it('keeps the entrypoint script, account files and secret candidates, and nothing else', async () => {
    const raw = await readImage(writeImage(spec, 'oci-archive', dir, { name: 'contents' }));
    expect([...raw.layers[0].contents.keys()].sort()).toEqual(['/etc/group', '/etc/os-release', '/etc/passwd', '/var/lib/dpkg/status']);
    expect([...raw.layers[1].contents.keys()].sort()).toEqual([expect.stringMatching(/^\/opt\/.*very-long-file-name.*\.txt$/), '/srv/.env', '/srv/dup.txt', '/usr/local/bin/start.sh']);
    expect(raw.layers[1].contents.get('/srv/dup.txt')?.toString()).toBe('second version');
    expect(raw.layers[2].contents.get('/etc/escaped')?.toString()).toBe('clamped at root');
  });
});

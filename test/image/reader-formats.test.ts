/**
 * Every container format reads the same spec to the same layer summaries, whatever the layer
 * compression, and reports format, platform, tags and diff_ids.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { entrypointPathsFromConfig } from '../../src/model/image/entrypoint.js';
import { readImage } from '../../src/model/image/read.js';
import type { Compression, ImageFormat, LayerSummary, RawImage } from '../../src/model/image/types.js';
import { imageMembers, packMembers, sampleSpec, sha256, layerTar, writeImage, type WriteImageOptions } from '../helpers/image-builder.js';
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

describe('archives holding several images', () => {
  const app: ImageSpec = { repoTags: ['app:1'], layers: [{ files: [{ path: 'app/run', content: 'a' }] }] };
  const db: ImageSpec = { repoTags: ['db:1'], layers: [{ files: [{ path: 'usr/local/bin/evil', content: 'x', mode: 0o4755 }] }] };
  type Member = ReturnType<typeof imageMembers>[number];
  const json = (m: Member | undefined) => JSON.parse(m!.data!.toString('utf8')) as Record<string, unknown>;

  /** What `docker save app:1 db:1` writes: both images' members, their manifest.json and index.json entries together. */
  function saved(format: 'docker-archive' | 'docker-hybrid', a: ImageSpec, b: ImageSpec): Buffer {
    const ma = imageMembers(a, format);
    const mb = imageMembers(b, format);
    const named = (ms: Member[], n: string) => ms.find((m) => m.name === n);
    const merged = new Map<string, Member>();
    for (const m of [...ma, ...mb]) merged.set(m.name, m);
    merged.set('manifest.json', { name: 'manifest.json', data: Buffer.from(JSON.stringify([...(json(named(ma, 'manifest.json')) as unknown as unknown[]), ...(json(named(mb, 'manifest.json')) as unknown as unknown[])])) });
    if (format === 'docker-hybrid') {
      const ia = json(named(ma, 'index.json'));
      const ib = json(named(mb, 'index.json'));
      merged.set('index.json', { name: 'index.json', data: Buffer.from(JSON.stringify({ ...ia, manifests: [...(ia.manifests as unknown[]), ...(ib.manifests as unknown[])] })) });
    }
    return packMembers([...merged.values()]);
  }

  it('refuses `docker save app db`, naming the images, in the legacy and the Docker 25+ layouts, from a file and stdin', async () => {
    const names = { 'docker-archive': 'app:1, db:1', 'docker-hybrid': 'docker.io/library/app:1, docker.io/library/db:1' };
    for (const format of ['docker-archive', 'docker-hybrid'] as const) {
      const bytes = saved(format, app, db);
      const path = join(dir, `two-${format}.tar`);
      writeFileSync(path, bytes);
      for (const read of [() => readImage(path), () => readImage('-', { stdin: Readable.from([bytes]) })]) {
        await expect(read()).rejects.toThrow(`holds 2 images (${names[format]}): shipready checks one image at a time; choose one with --image NAME`);
      }
    }
  });

  it('reads the image --image names from such an archive: by name, name:tag or name without :latest, and says which it holds otherwise', async () => {
    const latest = { ...db, repoTags: ['db:latest'] };
    for (const format of ['docker-archive', 'docker-hybrid'] as const) {
      const bytes = saved(format, app, latest);
      const path = join(dir, `pick-${format}.tar`);
      writeFileSync(path, bytes);
      for (const [image, tags] of [['app:1', ['app:1']], ['db', ['db:latest']], ['db:latest', ['db:latest']]] as const) {
        const got = await readImage(path, { image });
        expect(got.repoTags.map((t) => t.replace('docker.io/library/', '')), `${format} ${image}`).toEqual(tags);
        const piped = await readImage('-', { image, stdin: Readable.from([bytes]) });
        expect(piped.repoTags).toEqual(got.repoTags);
      }
      // By a prefix of its ID (the config digest, as `docker images` shows it on both layouts), `sha256:` or not.
      const id = (await readImage(path, { image: 'db' })).configDigest!.replace('sha256:', '');
      for (const prefix of [id.slice(0, 12), `sha256:${id.slice(0, 12)}`]) {
        expect((await readImage(path, { image: prefix })).repoTags.map((t) => t.replace('docker.io/library/', '')), `${format} ${prefix}`).toEqual(['db:latest']);
      }
      await expect(readImage(path, { image: 'web' })).rejects.toThrow(`holds no image named web; it holds ${format === 'docker-archive' ? 'app:1, db:latest' : 'docker.io/library/app:1, docker.io/library/db:latest'}`);
    }
  });

  it('reads one image saved under two tags, and the platforms of one OCI layout', async () => {
    const twice = saved('docker-archive', app, { ...app, repoTags: ['app:latest'] });
    const path = join(dir, 'twice.tar');
    writeFileSync(path, twice);
    expect((await readImage(path)).repoTags).toEqual(['app:1']);
    const multi = writeImage(app, 'oci-archive', dir, { name: 'multi', otherPlatforms: [{ ...app, platform: { os: 'linux', architecture: 'arm64' } }] });
    expect((await readImage(multi, { platform: 'linux/arm64' })).platform).toEqual({ os: 'linux', architecture: 'arm64' });
  });
});

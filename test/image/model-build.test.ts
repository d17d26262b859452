import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/config/errors.js';
import { buildImageModel, shortLayerId } from '../../src/model/image/model.js';
import type { RawImage } from '../../src/model/image/types.js';
import { layerSummariesFromSpec, modelFromSpec, specConfigJson, type ImageSpec } from '../helpers/image-spec.js';

const spec: ImageSpec = {
  config: { User: 'app', Cmd: ['node', 'server.js'], Env: ['NODE_ENV=production'] },
  repoTags: ['example/app:1.0'],
  platform: { os: 'linux', architecture: 'arm64', variant: 'v8' },
  layers: [
    { createdBy: 'ADD rootfs /', files: [{ path: '/etc/', type: 'dir' }, { path: '/etc/passwd', content: 'root:x:0:0::/root:/bin/sh\n' }] },
    { createdBy: 'COPY server.js /app/', files: [{ path: '/app/server.js', content: 'console.log(1)' }] },
  ],
};

describe('buildImageModel', () => {
  it('carries the reader facts through and fills layers from the config', () => {
    const diffIds = ['sha256:' + 'a'.repeat(64), 'sha256:' + 'b'.repeat(64)];
    const layers = layerSummariesFromSpec(spec).map((l, i) => ({ ...l, compressedSize: 100 + i, digest: `sha256:${String(i).repeat(64)}`, compression: 'gzip' as const }));
    const raw: RawImage = {
      name: 'app.tar (example/app:1.0)', source: 'app.tar', format: 'docker-archive', repoTags: ['example/app:1.0'],
      platform: { os: 'linux', architecture: 'arm64', variant: 'v8' }, platforms: [{ os: 'linux', architecture: 'arm64', variant: 'v8' }],
      configDigest: 'sha256:cfg', configJson: specConfigJson(spec, diffIds), layers,
    };
    const m = buildImageModel(raw);
    expect(m).toMatchObject({ name: 'app.tar (example/app:1.0)', source: 'app.tar', format: 'docker-archive', configDigest: 'sha256:cfg', created: '2026-01-01T00:00:00Z', baseLayerCount: 0 });
    expect(m.config).toMatchObject({ user: 'app', cmd: ['node', 'server.js'], env: ['NODE_ENV=production'] });
    expect(m.layers).toEqual([
      { index: 0, id: 'sha256:aaaaaaaaaaaa', blob: 'layer0', digest: `sha256:${'0'.repeat(64)}`, diffId: diffIds[0], compression: 'gzip', compressedSize: 100, size: 26, entryCount: 2, base: false, history: { createdBy: 'ADD rootfs /', created: '2026-01-01T00:00:00Z', emptyLayer: false } },
      { index: 1, id: 'sha256:bbbbbbbbbbbb', blob: 'layer1', digest: `sha256:${'1'.repeat(64)}`, diffId: diffIds[1], compression: 'gzip', compressedSize: 101, size: 14, entryCount: 1, base: false, history: { createdBy: 'COPY server.js /app/', created: '2026-01-01T00:00:00Z', emptyLayer: false } },
    ]);
    expect(m.contents.get('/etc/passwd')?.toString()).toContain('root:x:0:0');
  });

  it('modelFromSpec gives the test defaults', () => {
    const m = modelFromSpec(spec);
    expect(m).toMatchObject({ name: 'test-image', format: 'oci-dir', repoTags: ['example/app:1.0'], platform: { architecture: 'arm64', variant: 'v8' } });
    expect([...m.files.keys()].sort()).toEqual(['/app/server.js', '/etc', '/etc/passwd']);
    expect(modelFromSpec(spec, { name: 'other' }).name).toBe('other');
  });

  it('short ids fall back from diff_id to digest to the blob name', () => {
    const [summary] = layerSummariesFromSpec(spec);
    expect(shortLayerId({ ...summary, digest: 'sha256:0123456789abcdef' }, undefined)).toBe('sha256:0123456789ab');
    expect(shortLayerId(summary, undefined)).toBe('layer0');
  });

  it('a malformed config is an InputError naming the image and its config blob', () => {
    expect(() => modelFromSpec({ config: { Env: 'A=1' } as Record<string, unknown>, layers: [] }, { configDigest: 'sha256:cfg' })).toThrow(InputError);
    try {
      modelFromSpec({ layers: [] }, { configJson: [], configDigest: 'sha256:cfg', source: 'x.tar' });
    } catch (e) {
      expect((e as InputError).oneLine).toBe('x.tar (config sha256:cfg): image config: the top level must be an object, got an array');
    }
    expect.assertions(2);
  });
});

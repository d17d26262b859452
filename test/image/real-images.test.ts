/**
 * Real images made by real tools: buildah builds a small `FROM scratch` + static busybox image
 * (a user, an entrypoint script, a healthcheck, a setuid file, a file deleted in a later layer, a
 * directory replaced wholesale, a hardlink), pushes it in every format, podman saves it too, and
 * shipready must read every export to the same image. One difference is the tools' own: writing an
 * OCI config drops HEALTHCHECK, so only the docker-archive exports have it. Skipped with a notice where buildah cannot
 * run (not installed, not root): a fresh clone may lack it; .ci/run installs it.
 */
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadImage } from '../../src/model/image/load.js';
import type { ImageFormat, ImageModel } from '../../src/model/image/types.js';
import { buildTestImage, ContainerSandbox, containerToolsUnavailable, exportEverywhere, podmanUsable, TEST_IMAGE, type Export } from '../helpers/buildah.js';

const unavailable = containerToolsUnavailable();
if (unavailable) console.warn(`NOTICE: real-image tests (buildah/podman exports) are skipped: ${unavailable}`);

/** The format each export must be recognised as. */
const EXPECTED_FORMAT: Record<string, ImageFormat> = {
  'buildah docker-archive': 'docker-archive',
  'buildah oci': 'oci-dir',
  'buildah oci-archive': 'oci-archive',
  'buildah oci (zstd)': 'oci-dir',
  'podman docker-archive': 'docker-archive',
  'podman oci-archive': 'oci-archive',
  'podman oci-dir': 'oci-dir',
};

/** Everything that must not depend on how the image was stored (format, compression, blob names aside). */
function comparable(m: ImageModel) {
  const hash = (b: Buffer) => createHash('sha256').update(b).digest('hex').slice(0, 16);
  return {
    platform: m.platform,
    // The OCI image config has no Healthcheck: buildah and podman drop it when they write OCI (checked below).
    config: { ...m.config, healthcheck: undefined },
    history: m.history.map((h) => ({ createdBy: h.createdBy, emptyLayer: h.emptyLayer })),
    baseLayerCount: m.baseLayerCount,
    layers: m.layers.map((l) => ({ diffId: l.diffId, size: l.size, entryCount: l.entryCount, base: l.base, createdBy: l.history?.createdBy })),
    files: [...m.files.values()]
      .map((f) => [f.path, f.type, f.mode.toString(8), f.size, f.uid, f.gid, f.mtime, f.linkname ?? '', f.layer, f.linkTarget?.path ?? ''].join(' '))
      .sort(),
    contents: [...m.contents.entries()].map(([p, b]) => `${p} ${hash(b)}`).sort(),
    economics: m.economics,
  };
}

describe.skipIf(unavailable !== undefined)('real images built by buildah', () => {
  let sandbox: ContainerSandbox | undefined;
  let exports: Export[] = [];
  const models = new Map<string, ImageModel>();
  const failures: string[] = [];

  beforeAll(async () => {
    sandbox = new ContainerSandbox();
    const tag = buildTestImage(sandbox);
    exports = exportEverywhere(sandbox, tag, podmanUsable(sandbox));
    for (const e of exports) {
      try {
        models.set(e.label, await loadImage(e.path));
      } catch (err) {
        failures.push(`${e.label}: ${(err as Error).message}`);
      }
    }
  }, 180_000);

  afterAll(() => sandbox?.dispose());

  it('reads every export', () => {
    expect(failures).toEqual([]);
    expect(exports.length).toBeGreaterThanOrEqual(4);
    expect([...models.keys()]).toEqual(exports.map((e) => e.label));
  });

  it('recognises each format and compression from the bytes', () => {
    for (const [label, m] of models) {
      expect(m.format, label).toBe(EXPECTED_FORMAT[label]);
      const compressions = new Set(m.layers.map((l) => l.compression));
      // docker-archive stores plain tars; buildah and podman gzip OCI blobs unless told zstd.
      const expected = m.format === 'docker-archive' ? 'none' : label.includes('zstd') ? 'zstd' : 'gzip';
      expect([...compressions], label).toEqual([expected]);
    }
  });

  it('reads every export to the same image', () => {
    const [first, ...rest] = [...models.entries()];
    expect(first).toBeDefined();
    const reference = comparable(first![1]);
    for (const [label, m] of rest) expect(comparable(m), `${label} vs ${first![0]}`).toEqual(reference);
  });

  it('keeps the runtime config buildah wrote', () => {
    for (const [label, m] of models) {
      expect(m.config.user, label).toBe(TEST_IMAGE.user);
      expect(m.config.entrypoint, label).toEqual(TEST_IMAGE.entrypoint);
      expect(m.config.cmd, label).toEqual(TEST_IMAGE.cmd);
    }
  });

  it('reports the healthcheck where the tool kept it: Docker configs yes, OCI configs no', () => {
    for (const [label, m] of models) {
      if (m.format === 'docker-archive') {
        expect(m.config.healthcheck?.test, label).toEqual(TEST_IMAGE.healthcheck);
        expect(m.config.healthcheck?.interval, label).toBe(30e9);
      } else {
        // Converting to an OCI config drops HEALTHCHECK (the OCI spec has no such field).
        expect(m.config.healthcheck, label).toBeNull();
      }
    }
  });

  it('has one layer per COPY/RUN step, each paired with its history entry', () => {
    for (const [label, m] of models) {
      expect(m.layers.length, label).toBe(TEST_IMAGE.layerCount);
      expect(m.layers[0]!.history?.createdBy, label).toMatch(/COPY .*busybox/);
      expect(m.layers[4]!.history?.createdBy, label).toMatch(/rm \/app\/deleted\.txt/);
    }
  });

  it('finds the setuid file with mode 04755 and the script with its content', () => {
    for (const [label, m] of models) {
      const suid = m.files.get(TEST_IMAGE.setuidFile);
      expect(suid?.type, label).toBe('file');
      expect(suid?.mode, label).toBe(0o4755);
      expect(m.files.get('/bin/busybox')?.mode, label).toBe(0o755);
      expect(m.files.get('/bin/sh')).toMatchObject({ type: 'symlink', linkname: '/bin/busybox' });
      expect(m.contents.get('/etc/passwd')?.toString(), label).toContain('app:x:1000:1000:');
    }
  });

  it('applies the whiteout: the deleted file is gone and counted as reclaimable', () => {
    for (const [label, m] of models) {
      expect(m.files.has(TEST_IMAGE.deletedFile), label).toBe(false);
      const wasted = m.economics.inefficientPaths.find((p) => p.path === TEST_IMAGE.deletedFile);
      expect(wasted, label).toMatchObject({ layers: [2], totalBytes: 'temporary\n'.length, reclaimableBytes: 'temporary\n'.length });
    }
  });

  it('applies the opaque directory: only the recreated child is left', () => {
    for (const [label, m] of models) {
      expect(m.files.get(TEST_IMAGE.opaqueDir)?.type, label).toBe('dir');
      const children = [...m.files.keys()].filter((p) => p.startsWith(`${TEST_IMAGE.opaqueDir}/`));
      expect(children, label).toEqual([TEST_IMAGE.keptInOpaque]);
      for (const hidden of TEST_IMAGE.hiddenByOpaque) {
        expect(m.economics.inefficientPaths.find((p) => p.path === hidden)?.layers, `${label} ${hidden}`).toEqual([2]);
      }
    }
  });

  it('links the hardlink to its regular file', () => {
    const { path, other } = TEST_IMAGE.hardlink;
    for (const [label, m] of models) {
      const a = m.files.get(path)!;
      const b = m.files.get(other)!;
      // Which name the tar calls the link depends on walk order; one is a file, the other links to it.
      const [link, target] = a.type === 'hardlink' ? [a, b] : [b, a];
      expect(link.type, label).toBe('hardlink');
      expect(target.type, label).toBe('file');
      expect(link.linkname, label).toBe(target.path);
      expect(target.size, label).toBe('#!/bin/sh\nset -e\necho starting\nexec "$@"\n'.length);
    }
  });
});

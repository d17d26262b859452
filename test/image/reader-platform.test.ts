/**
 * Multi-platform indexes: the default is the first linux/amd64 image, `platform` picks another
 * (with or without a variant), attestation manifests are skipped, every platform is listed, and
 * an unknown or absent platform is an InputError that lists what is there.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { InputError } from '../../src/config/errors.js';
import { readImage } from '../../src/model/image/read.js';
import type { Platform } from '../../src/model/image/types.js';
import { writeImage } from '../helpers/image-builder.js';
import type { ImageSpec } from '../helpers/image-spec.js';

const dir = mkdtempSync(join(tmpdir(), 'shipready-platform-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const specFor = (platform: Platform): ImageSpec => ({
  platform,
  repoTags: ['multi/app:2'],
  layers: [{ files: [{ path: 'etc/arch', content: `${platform.architecture}${platform.variant ?? ''}\n` }] }],
});
const AMD64 = { os: 'linux', architecture: 'amd64' };
const ARM64 = { os: 'linux', architecture: 'arm64', variant: 'v8' };
const ARMV7 = { os: 'linux', architecture: 'arm', variant: 'v7' };
const ARMV6 = { os: 'linux', architecture: 'arm', variant: 'v6' };

const archOf = (raw: Awaited<ReturnType<typeof readImage>>) => raw.layers[0].entries.find((e) => e.path === '/etc/arch') && raw.layers[0].contents.get('/etc/arch')?.toString();

async function inputError(p: Promise<unknown>): Promise<InputError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof InputError) return e;
    throw e;
  }
  throw new Error('expected an InputError');
}

describe('OCI multi-platform index', () => {
  // arm64 first: the default must still be amd64.
  const path = writeImage(specFor(ARM64), 'oci-archive', dir, { name: 'multi', otherPlatforms: [specFor(AMD64), specFor(ARMV7), specFor(ARMV6)], attestation: true });

  it('defaults to the first linux/amd64 image and lists every platform, attestations left out', async () => {
    const raw = await readImage(path);
    expect(raw.platform).toEqual(AMD64);
    expect(archOf(raw)).toBe('amd64\n');
    expect(raw.platforms).toEqual([ARM64, AMD64, ARMV7, ARMV6]);
    expect(raw.repoTags).toEqual(['multi/app:2']);
  });

  it('picks a platform by os/arch and by os/arch/variant', async () => {
    expect(archOf(await readImage(path, { platform: 'linux/arm64' }))).toBe('arm64v8\n');
    expect(archOf(await readImage(path, { platform: 'linux/arm64/v8' }))).toBe('arm64v8\n');
    expect(archOf(await readImage(path, { platform: 'linux/arm/v6' }))).toBe('armv6\n');
    expect(archOf(await readImage(path, { platform: 'linux/arm/v7' }))).toBe('armv7\n');
    expect(archOf(await readImage(path, { platform: 'linux/arm' }))).toBe('armv7\n'); // first arm image
    expect(archOf(await readImage(path, { platform: 'linux/aarch64' }))).toBe('arm64v8\n');
  });

  it('names the available platforms when the requested one is not there', async () => {
    const e = await inputError(readImage(path, { platform: 'linux/s390x' }));
    expect(e.oneLine).toBe(`${path}: platform linux/s390x is not in this image; available: linux/arm64/v8, linux/amd64, linux/arm/v7, linux/arm/v6`);
    expect((await inputError(readImage(path, { platform: 'linux/arm/v5' }))).message).toContain('available:');
    expect((await inputError(readImage(path, { platform: 'arm64' }))).message).toMatch(/invalid platform "arm64"/);
  });

  it('reads the same from a directory', async () => {
    const d = writeImage(specFor(ARM64), 'oci-dir', dir, { name: 'multi-dir', otherPlatforms: [specFor(AMD64)], attestation: true });
    const raw = await readImage(d, { platform: 'linux/arm64' });
    expect(raw.format).toBe('oci-dir');
    expect(archOf(raw)).toBe('arm64v8\n');
    expect(raw.platforms).toEqual([ARM64, AMD64]);
  });
});

describe('containerd-store export', () => {
  const path = writeImage(specFor(AMD64), 'docker-containerd', dir, { name: 'containerd', otherPlatforms: [specFor(ARM64)], attestation: true });

  it('reads the stored platform and lists the absent ones', async () => {
    const raw = await readImage(path);
    expect(raw.format).toBe('docker-containerd');
    expect(raw.platform).toEqual(AMD64);
    expect(raw.platforms).toEqual([AMD64, ARM64]);
    expect(raw.repoTags).toEqual(['multi/app:2']);
    expect(archOf(raw)).toBe('amd64\n');
  });

  it('says a listed platform is not stored rather than that it does not exist', async () => {
    const e = await inputError(readImage(path, { platform: 'linux/arm64' }));
    expect(e.message).toMatch(/^platform linux\/arm64 is listed but not stored in this archive \(manifest blob sha256:[0-9a-f]{64} is absent\)$/);
  });

  it('defaults to the stored image when the first listed platform is absent', async () => {
    const p = writeImage(specFor(ARM64), 'docker-containerd', dir, { name: 'containerd-arm', otherPlatforms: [specFor(AMD64)] });
    const raw = await readImage(p);
    expect(raw.platform).toEqual(ARM64);
    expect(raw.platforms).toEqual([ARM64, AMD64]);
  });
});

describe('single-platform archives', () => {
  it('take their platform from the config and still honour a matching request', async () => {
    for (const format of ['docker-archive', 'docker-hybrid', 'oci-archive'] as const) {
      const p = writeImage(specFor(ARMV7), format, dir, { name: `single-${format}` });
      const raw = await readImage(p, { platform: 'linux/arm/v7' });
      expect(raw.platform).toEqual(ARMV7);
      expect(raw.platforms).toEqual([ARMV7]);
      const e = await inputError(readImage(p, { platform: 'linux/amd64' }));
      expect(e.message).toBe('platform linux/amd64 is not in this image; available: linux/arm/v7');
    }
  });
});

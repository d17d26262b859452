/**
 * Hostile and broken input: every case is an InputError with a one-line message that says what is
 * wrong and where, never a crash, a hang or a read outside the input.
 */
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { InputError } from '../../src/config/errors.js';
import { readImage, type ReadImageOptions } from '../../src/model/image/read.js';
import { compress, imageMembers, layerTar, packMembers, sha256, tarHeader, TarWriter, writeImage, zstdRaw } from '../helpers/image-builder.js';
import type { ImageSpec } from '../helpers/image-spec.js';

const dir = mkdtempSync(join(tmpdir(), 'shipready-hostile-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const spec: ImageSpec = {
  repoTags: ['hostile:1'],
  layers: [
    { files: [{ path: 'etc/passwd', content: 'root:x:0:0::/root:/bin/sh\n' }, { path: 'data/big', content: Buffer.alloc(200_000, 0x61) }] },
    { files: [{ path: 'app/run', content: '#!/bin/sh\n', mode: 0o755 }] },
  ],
};

let n = 0;
function file(bytes: Buffer, ext = '.tar'): string {
  const p = join(dir, `case-${n++}${ext}`);
  writeFileSync(p, bytes);
  return p;
}

async function inputError(input: string | Buffer, opts: ReadImageOptions = {}): Promise<InputError> {
  try {
    if (Buffer.isBuffer(input)) await readImage('-', { ...opts, stdin: Readable.from([input]) });
    else await readImage(input, opts);
  } catch (e) {
    if (e instanceof InputError) {
      expect(e.oneLine).not.toContain('\n');
      return e;
    }
    throw e;
  }
  throw new Error('expected an InputError');
}

/** A layer's error: `layer <blob>: <what>`; returns `<what>`. */
async function layerError(input: string | Buffer, opts: ReadImageOptions = {}): Promise<string> {
  const e = await inputError(input, opts);
  const m = /^layer (\S+): (.*)$/.exec(e.message);
  expect(m, e.message).not.toBeNull();
  return m![2];
}

type Member = ReturnType<typeof imageMembers>[number];
/** Members of an archive with one of them changed (or dropped when `edit` returns undefined). */
function tampered(format: Parameters<typeof imageMembers>[1], pick: (m: Member) => boolean, edit: (m: Member) => Member | undefined, s = spec): Buffer {
  const members = imageMembers(s, format);
  expect(members.some(pick)).toBe(true);
  return packMembers(members.flatMap((m) => (pick(m) ? (edit(m) ? [edit(m)!] : []) : [m])));
}

const isLayer = (s: ImageSpec, i: number, kind: 'gzip' | 'none' | 'zstd') => (m: Member) => m.data !== undefined && m.name.startsWith('blobs/') && m.data.equals(compress(layerTar(s.layers[i]), kind));

describe('not an image', () => {
  it('missing input, empty file, binary junk, a tar without manifests', async () => {
    expect((await inputError(join(dir, 'nope.tar'))).message).toBe('cannot read: ENOENT');
    expect((await inputError(file(Buffer.alloc(0)))).message).toBe('is empty: expected an image archive');
    const junk = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 251));
    expect((await inputError(file(junk))).message).toMatch(/^is not an image archive/);
    expect((await inputError(junk)).message).toMatch(/^is not an image archive/);
    const plain = new TarWriter().add({ name: 'hello.txt', content: Buffer.from('hi') }).finish();
    expect((await inputError(file(plain))).message).toBe('no manifest.json or index.json found: not a docker save archive or an OCI image layout');
    expect((await inputError(plain)).message).toContain('no manifest.json or index.json');
    expect((await inputError(file(gzipSync(junk)))).message).toMatch(/not a tar stream, or corrupt \(tar offset 0\)/);
    expect((await inputError(Buffer.alloc(0))).message).toBe('is empty: expected an image archive');
  });
});

describe('truncated and corrupt streams', () => {
  const full = writeImage(spec, 'oci-archive', dir, { name: 'whole' });
  const bytes = packMembers(imageMembers(spec, 'oci-archive'));

  it('an archive cut in the middle of a member', async () => {
    const cut = bytes.subarray(0, Math.floor(bytes.length * 0.4));
    expect((await inputError(file(cut))).message).toMatch(/^truncated archive: /);
    expect((await inputError(cut)).message).toMatch(/^truncated archive: /);
    const blob = compress(layerTar(spec.layers[0]), 'gzip');
    const at = bytes.indexOf(blob);
    const cutInMember = bytes.subarray(0, at + 100);
    const member = `blobs/sha256/${sha256(blob).slice(7)}`;
    expect((await inputError(file(cutInMember))).message).toBe(`truncated archive: member "${member}" needs ${blob.length} bytes at offset ${at}, file is ${at + 100} bytes`);
    expect((await inputError(cutInMember)).message).toBe(`truncated archive: member "${member}" (${blob.length} bytes) is cut short`);
    expect((await inputError(gzipSync(cutInMember))).message).toBe(`truncated archive: member "${member}" (${blob.length} bytes) is cut short`);
    expect(full).toMatch(/whole\.tar$/);
  });

  it('a whole-archive gzip stream cut short or corrupted', async () => {
    const gz = gzipSync(bytes);
    expect((await inputError(file(gz.subarray(0, gz.length - 20), '.tar.gz'))).message).toMatch(/truncated|unexpected end/i);
    const bad = Buffer.from(gz);
    bad.fill(0x55, 200, 400);
    expect((await inputError(file(bad, '.tar.gz'))).message).toMatch(/corrupt gzip data|truncated|checksum/);
  });

  it('a gzip layer with corrupt or missing bytes names the layer', async () => {
    const s: ImageSpec = { layers: [{ ...spec.layers[0], compression: 'gzip' }] };
    // docker-archive: no descriptor sizes, so the damage reaches the decompressor.
    const layerPick = (m: Member) => m.name.endsWith('/layer.tar') && m.data !== undefined;
    const corrupt = tampered('docker-archive', layerPick, (m) => {
      const d = Buffer.from(m.data!);
      d.fill(0xaa, 40, 120);
      return { ...m, data: d };
    }, s);
    expect((await inputError(file(corrupt))).oneLine).toMatch(/\.tar: layer [0-9a-f]{64}\/layer\.tar: corrupt gzip data \(.+\)$/);
    const cut = tampered('docker-archive', layerPick, (m) => ({ ...m, data: m.data!.subarray(0, m.data!.length - 100) }), s);
    expect((await layerError(file(cut)))).toMatch(/^truncated gzip data/);
    expect((await layerError(cut))).toMatch(/^truncated gzip data/);
  });

  it('zstd layers that are corrupt, truncated, or ask for a huge window', async () => {
    const s: ImageSpec = { layers: [{ ...spec.layers[0], compression: 'zstd' }] };
    const layerPick = (m: Member) => m.name.endsWith('/layer.tar') && m.data !== undefined;
    const badBlock = tampered('docker-archive', layerPick, (m) => {
      const d = Buffer.from(m.data!);
      d[6] = 0x06; // first block header: reserved block type 3
      return { ...m, data: d };
    }, s);
    expect((await layerError(file(badBlock)))).toMatch(/^corrupt zstd data/);
    const cut = tampered('docker-archive', layerPick, (m) => ({ ...m, data: m.data!.subarray(0, 3000) }), s);
    expect((await layerError(file(cut)))).toMatch(/^truncated zstd data|^truncated tar stream/);
    const huge = tampered('docker-archive', layerPick, (m) => {
      const d = Buffer.from(m.data!);
      d[5] = 0xa8; // window descriptor: 2^(10+21) = 2 GiB
      return { ...m, data: d };
    }, s);
    expect((await layerError(file(huge)))).toBe('zstd frame needs a 2147483648-byte window (limit 134217728): refusing a likely decompression bomb');
    // The same ask in a later frame, after a harmless first one, on every read path.
    const laterFrame = tampered('docker-archive', layerPick, (m) => {
      const d = zstdRaw(layerTar(s.layers[0]), { frames: 2 });
      const second = d.indexOf(Buffer.from([0x28, 0xb5, 0x2f, 0xfd]), 4);
      expect(second).toBeGreaterThan(0);
      d[second + 5] = 0xa8;
      return { ...m, data: d };
    }, s);
    for (const input of [file(laterFrame), laterFrame]) {
      expect((await layerError(input))).toBe('zstd frame needs a 2147483648-byte window (limit 134217728): refusing a likely decompression bomb');
    }
  });

  it('a layer tar with a bad header checksum or a stream that ends mid-entry', async () => {
    const tar = layerTar(spec.layers[0]);
    const bad = Buffer.from(tar);
    bad[0] ^= 0xff;
    const s: ImageSpec = { layers: [{ files: [] }] };
    const arch = (data: Buffer) => tampered('docker-archive', (m) => m.name.endsWith('/layer.tar'), (m) => ({ ...m, data }), s);
    expect((await layerError(file(arch(bad))))).toBe('tar header checksum mismatch: not a tar stream, or corrupt (tar offset 0)');
    const mid = tar.subarray(0, 3 * 512 + 1000); // inside data/big's content
    expect((await layerError(file(arch(mid))))).toBe('truncated tar stream in entry "data/big": ended at byte 2536, expected 199000 more content bytes');
    expect((await layerError(file(arch(tar.subarray(0, 1024 + 300)))))).toBe('truncated tar stream: ended at byte 1324 inside a header block');
    const junk = Buffer.alloc(2048, 0x41);
    expect((await layerError(file(arch(junk))))).toMatch(/tar header checksum mismatch/);
  });

  it('malformed numeric fields and PAX records', async () => {
    const h = tarHeader({ name: 'x', type: '0', size: 0, mode: 0o644, uid: 0, gid: 0, mtime: 0, linkname: '' });
    h.write('9z', 124, 2, 'latin1'); // not octal
    h.fill(0x20, 148, 156);
    let sum = 0;
    for (const b of h) sum += b;
    h.write(sum.toString(8).padStart(6, '0') + '\0 ', 148, 8, 'latin1');
    const s: ImageSpec = { layers: [{ files: [] }] };
    const arch = (data: Buffer) => tampered('docker-archive', (m) => m.name.endsWith('/layer.tar'), (m) => ({ ...m, data }), s);
    expect((await layerError(file(arch(Buffer.concat([h, Buffer.alloc(1024)])))))).toBe('malformed size field in tar header (tar offset 0)');
    const pax = new TarWriter().raw('x', 'PaxHeaders/x', Buffer.from('99 path=x\n')).add({ name: 'x' }).finish();
    expect((await layerError(file(arch(pax))))).toBe('malformed PAX extended header (tar offset 0)');
  });
});

describe('header-only members and negative sizes', () => {
  /** The archive's members written one by one, with `before(name)` entries put in front of a member. */
  function archiveWith(before: (name: string) => TarWriter | undefined): Buffer {
    const w = new TarWriter();
    for (const m of imageMembers(spec, 'docker-archive')) {
      const extra = before(m.name);
      if (extra) w.bytes(extra.finish());
      if (m.dir) w.add({ name: m.name, type: '5', mode: 0o755 });
      else w.add({ name: m.name, content: m.data! });
    }
    return w.finish();
  }

  it('an outer directory or symlink declaring a size hides no member, from a file or stdin', async () => {
    const manifest = imageMembers(spec, 'docker-archive').find((m) => m.name === 'manifest.json')!.data!;
    // The directory "contains" exactly manifest.json's header and data: a reader that skips it loses the manifest.
    const covered = 512 + Math.ceil(manifest.length / 512) * 512;
    const bytes = archiveWith((name) => (name === 'manifest.json'
      ? new TarWriter({ noEnd: true }).add({ name: 'empty/', type: '5', size: covered })
      : undefined));
    const plain = await readImage(file(archiveWith(() => undefined)));
    for (const input of [file(bytes), bytes]) {
      const img = Buffer.isBuffer(input) ? await readImage('-', { stdin: Readable.from([input]) }) : await readImage(input);
      expect(img.repoTags).toEqual(['hostile:1']);
      expect(img.layers.map((l) => l.entries.map((e) => e.path))).toEqual(plain.layers.map((l) => l.entries.map((e) => e.path)));
    }
  });

  it('a negative PAX size is an input error naming the entry, for the outer archive and for a layer', async () => {
    const negative = archiveWith((name) => (name === 'manifest.json' ? new TarWriter({ noEnd: true }).raw('x', 'PaxHeaders/manifest.json', Buffer.from('11 size=-1\n')) : undefined));
    const expected = /^negative size in PAX header of entry "manifest\.json" \(tar offset \d+\)$/;
    expect((await inputError(file(negative))).message).toMatch(expected);
    expect((await inputError(negative)).message).toMatch(expected);
    const s: ImageSpec = { layers: [{ files: [] }] };
    const layer = new TarWriter().add({ name: 'etc/shadow', content: Buffer.from('root::1::::::\n'), pax: { size: '-1' } }).finish();
    const arch = tampered('docker-archive', (m) => m.name.endsWith('/layer.tar'), (m) => ({ ...m, data: layer }), s);
    expect(await layerError(file(arch))).toBe('negative size in PAX header of entry "etc/shadow" (tar offset 1024)');
    const sparse = new TarWriter().add({ name: 'f', content: Buffer.from('x'), pax: { 'GNU.sparse.realsize': '-5' } }).finish();
    const arch2 = tampered('docker-archive', (m) => m.name.endsWith('/layer.tar'), (m) => ({ ...m, data: sparse }), s);
    expect(await layerError(file(arch2))).toBe('negative size in PAX header of entry "f" (tar offset 1024)');
  });
});

describe('absurd sizes and bombs', () => {
  it('an entry declaring an absurd size', async () => {
    const s: ImageSpec = { layers: [{ files: [] }] };
    const h = tarHeader({ name: 'huge', type: '0', size: 0, mode: 0o644, uid: 0, gid: 0, mtime: 0, linkname: '' });
    h.fill(0, 124, 136);
    h[124] = 0x80;
    h.writeUIntBE(2 ** 44, 130, 6); // 16 TiB in base-256
    h.fill(0x20, 148, 156);
    let sum = 0;
    for (const b of h) sum += b;
    h.write(sum.toString(8).padStart(6, '0') + '\0 ', 148, 8, 'latin1');
    const arch = tampered('docker-archive', (m) => m.name.endsWith('/layer.tar'), (m) => ({ ...m, data: Buffer.concat([h, Buffer.alloc(1024)]) }), s);
    expect((await layerError(file(arch)))).toBe('entry "huge" declares an absurd size of 17592186044416 bytes (tar offset 0)');
    const paxHuge = new TarWriter().add({ name: 'p', pax: { size: '99999999999999999999' } }).finish();
    const arch2 = tampered('docker-archive', (m) => m.name.endsWith('/layer.tar'), (m) => ({ ...m, data: paxHuge }), s);
    expect((await layerError(file(arch2)))).toMatch(/PAX size out of range|absurd size/);
    const longName = new TarWriter().raw('L', '././@LongLink', Buffer.alloc(2 * 1024 * 1024, 0x61)).finish();
    const arch3 = tampered('docker-archive', (m) => m.name.endsWith('/layer.tar'), (m) => ({ ...m, data: longName }), s);
    expect((await layerError(file(arch3)))).toBe('GNU long name of 2097152 bytes is too large (tar offset 0)');
  });

  it('gzip and zstd bombs hit the ratio and size limits', async () => {
    const bomb: ImageSpec = { layers: [{ files: [{ path: 'zeros', content: Buffer.alloc(8 * 1024 * 1024) }], compression: 'gzip' }] };
    const p = writeImage(bomb, 'oci-archive', dir, { name: 'bomb' });
    expect((await readImage(p)).layers[0].tarSize).toBeGreaterThan(8 * 1024 * 1024); // fine by default
    const limits = { ratioFloorBytes: 1024 * 1024, maxRatio: 50 };
    expect((await layerError(p, { limits }))).toMatch(/^expands more than 50x \(\d+ -> \d+ bytes so far\): refusing a likely decompression bomb$/);
    expect((await layerError(p, { limits: { maxLayerBytes: 4 * 1024 * 1024 } }))).toBe('decompressed size passed 4194304 bytes: refusing a likely decompression bomb');
    const z = writeImage({ layers: [{ ...bomb.layers[0], compression: 'zstd' }] }, 'oci-archive', dir, { name: 'zbomb' });
    expect((await layerError(z, { limits: { maxLayerBytes: 4 * 1024 * 1024 } }))).toMatch(/decompressed size passed/);
  });

  it('a one-pass read keeps JSON members only up to a total', async () => {
    const members = imageMembers(spec, 'docker-archive');
    const junk = Array.from({ length: 8 }, (_, i) => ({ name: `junk${i}.json`, data: Buffer.from(`{${' '.repeat(3000)}}`) }));
    const bytes = packMembers([...junk, ...members]);
    const fits = await readImage('-', { stdin: Readable.from([bytes]), limits: { maxJsonTotalBytes: 64 * 1024 } });
    expect(fits.repoTags).toEqual(['hostile:1']);
    const expected = /^JSON-looking members total more than 16384 bytes \(at "junk5\.json"\): too much metadata to hold for a one-pass read$/;
    expect((await inputError(bytes, { limits: { maxJsonTotalBytes: 16 * 1024 } })).message).toMatch(expected);
    expect((await inputError(file(gzipSync(bytes), '.tar.gz'), { limits: { maxJsonTotalBytes: 16 * 1024 } })).message).toMatch(expected);
  });

  it('a whole-archive stream that expands too much is refused', async () => {
    const members = imageMembers(spec, 'docker-archive');
    // An archive holds compressed layers: one that expands hundreds of times over is a bomb.
    const zeros = gzipSync(packMembers([{ name: 'zeros', data: Buffer.alloc(4 * 1024 * 1024) }, ...members]));
    const limits = { ratioFloorBytes: 1024 * 1024, maxRatio: 50 };
    expect((await inputError(zeros, { limits })).message).toMatch(/^the archive expands more than 50x \(\d+ -> \d+ bytes so far\): refusing a likely decompression bomb$/);
    expect((await readImage('-', { stdin: Readable.from([zeros]) })).repoTags).toEqual(['hostile:1']); // fine by default
  });

  it('huge or non-JSON metadata', async () => {
    const members = imageMembers(spec, 'docker-archive');
    const notJson = packMembers(members.map((m) => (m.name === 'manifest.json' ? { ...m, data: Buffer.from('\x00\x01garbage') } : m)));
    expect((await inputError(file(notJson))).message).toMatch(/^manifest\.json is not valid JSON \(/);
    expect((await inputError(notJson)).message).toMatch(/^manifest\.json is not valid JSON/);
    const wrongShape = packMembers(members.map((m) => (m.name === 'manifest.json' ? { ...m, data: Buffer.from('{"Config": 1}') } : m)));
    expect((await inputError(file(wrongShape))).message).toBe('manifest.json must be an array of image entries');
    const big = packMembers(members.map((m) => (m.name === 'manifest.json' ? { ...m, data: Buffer.concat([m.data!, Buffer.alloc(3000, 0x20)]) } : m)));
    expect((await inputError(file(big), { limits: { maxJsonBytes: 2048 } })).message).toMatch(/^manifest\.json is \d+ bytes, over the 2048-byte limit for JSON metadata$/);
    expect((await inputError(big, { limits: { maxJsonBytes: 2048 } })).message).toMatch(/over the 2048-byte limit/);
  });
});

describe('manifests that point at nothing', () => {
  it('names the missing layer digest', async () => {
    const gone = sha256(compress(layerTar(spec.layers[1]), 'gzip'));
    const arch = tampered('oci-archive', isLayer(spec, 1, 'gzip'), () => undefined);
    for (const input of [file(arch), arch]) {
      expect((await inputError(input)).message).toMatch(new RegExp(`^manifest sha256:[0-9a-f]{64} references missing blob ${gone} \\(layer 2 of 2\\)$`));
    }
  });

  it('names a missing config, index entry or legacy layer', async () => {
    const members = imageMembers(spec, 'oci-archive');
    const config = members.find((m) => m.data && m.data.toString().includes('"rootfs"'))!;
    const noConfig = packMembers(members.filter((m) => m !== config));
    expect((await inputError(file(noConfig))).message).toBe(`manifest ${sha256(members.find((m) => m.data?.toString().includes('"config":{"mediaType"'))!.data!)} references missing blob ${sha256(config.data!)} (config)`);
    const noManifest = packMembers(members.filter((m) => !m.data?.toString().includes('"config":{"mediaType"')));
    expect((await inputError(file(noManifest))).message).toMatch(/^no image manifest of this index is stored in the archive \(manifest blob sha256:[0-9a-f]{64} is absent\)$/);
    const legacy = imageMembers(spec, 'docker-archive');
    const dropped = legacy.find((m) => m.name.endsWith('/layer.tar'))!;
    const noLayer = packMembers(legacy.filter((m) => m !== dropped));
    expect((await inputError(file(noLayer))).message).toBe(`manifest.json entry 0 references missing layer ${dropped.name} (layer 1 of 2)`);
  });

  it('a blob whose size differs from its descriptor, and digests that try to name other paths', async () => {
    const grown = tampered('oci-archive', isLayer(spec, 0, 'gzip'), (m) => ({ ...m, data: Buffer.concat([m.data!, Buffer.alloc(10)]) }));
    expect((await inputError(file(grown))).message).toMatch(/^blob sha256:[0-9a-f]{64} is \d+ bytes but its descriptor says \d+$/);
    const members = imageMembers(spec, 'oci-archive');
    const sneaky = packMembers(members.map((m) => (m.name === 'index.json'
      ? { ...m, data: Buffer.from(JSON.stringify({ schemaVersion: 2, manifests: [{ mediaType: 'application/vnd.oci.image.manifest.v1+json', digest: 'sha256:../../../etc/passwd', size: 1 }] })) }
      : m)));
    expect((await inputError(file(sneaky))).message).toBe('index.json manifests[0]: invalid digest "sha256:../../../etc/passwd"');
  });

  it('an archive symlink loop and member names that climb out', async () => {
    const legacy = imageMembers(spec, 'docker-archive');
    const layer = legacy.find((m) => m.name.endsWith('/layer.tar'))!;
    const loop = packMembers(legacy.map((m) => (m === layer ? { name: m.name, linkname: `../${m.name}` } : m)));
    expect((await inputError(file(loop))).message).toBe(`archive member ${JSON.stringify(layer.name)} is a symlink loop`);
    // `../../<id>/layer.tar` is clamped to the archive root: it names the same member, nothing outside.
    const climbing = packMembers(legacy.map((m) => (m.name === 'manifest.json'
      ? { ...m, data: Buffer.from(m.data!.toString().replaceAll('"Layers":["', '"Layers":["../../../')) }
      : m)));
    const raw = await readImage(file(climbing));
    expect(raw.layers[0].entries.map((e) => e.path)).toEqual(['/etc/passwd', '/data/big']);
  });

  it('a directory layout whose symlink leads outside it', async () => {
    const d = writeImage(spec, 'oci-dir', dir, { name: 'escape' });
    const outside = join(dir, 'outside-secret');
    writeFileSync(outside, '{}');
    const blobs = join(d, 'blobs', 'sha256');
    const layerHex = sha256(compress(layerTar(spec.layers[1]), 'gzip')).slice(7);
    rmSync(join(blobs, layerHex));
    symlinkSync(outside, join(blobs, layerHex));
    expect((await inputError(d)).message).toBe(`blobs/sha256/${layerHex} points outside the image directory`);
    mkdirSync(join(dir, 'empty-dir'));
    expect((await inputError(join(dir, 'empty-dir'))).message).toContain('no manifest.json or index.json');
  });
});

describe('zstd raw frames used by the builder are valid', () => {
  it('a raw-block stream round-trips through the reader (sanity for the hostile cases above)', async () => {
    const s: ImageSpec = { layers: [{ ...spec.layers[0], compression: 'zstd' }] };
    const raw = await readImage(writeImage(s, 'docker-archive', dir, { name: 'zstd-sane' }));
    expect(raw.layers[0].compression).toBe('zstd');
    expect(raw.layers[0].compressedSize).toBe(zstdRaw(layerTar(s.layers[0])).length);
  });
});

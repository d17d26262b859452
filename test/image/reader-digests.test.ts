/**
 * `verifyDigests`: every layer blob must hash to its descriptor digest and its tar stream to the
 * config's diff_id, in every container format and on both read paths (seekable and streamed).
 * Tampered archives that read fine without the option are input errors with it.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { InputError } from '../../src/config/errors.js';
import { readImage } from '../../src/model/image/read.js';
import type { ImageFormat } from '../../src/model/image/types.js';
import { imageMembers, packMembers, sampleSpec, sha256, writeImage, type WriteImageOptions } from '../helpers/image-builder.js';

const dir = mkdtempSync(join(tmpdir(), 'shipready-digests-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const spec = sampleSpec();

type Member = ReturnType<typeof imageMembers>[number];

/** The layer blob members of an archive (not JSON, not links), in archive order. */
function layerMembers(members: Member[]): Member[] {
  return members.filter((m) => m.data && !m.name.endsWith('.json') && !/(^|\/)(oci-layout|repositories|json|VERSION)$/.test(m.name) && m.data[0] !== 0x7b);
}

/** One changed byte inside a file's content: the tar stays valid and the same size. */
function flipContentByte(tar: Buffer): Buffer {
  const out = Buffer.from(tar);
  const at = out.indexOf('root:x:0:0');
  if (at < 0) throw new Error('fixture changed: no /etc/passwd content to flip');
  out[at] = 'R'.charCodeAt(0);
  return out;
}

async function rejects(p: Promise<unknown>, text: RegExp): Promise<string> {
  const e = await p.then(() => undefined, (x: unknown) => x);
  expect(e).toBeInstanceOf(InputError);
  const line = (e as InputError).oneLine;
  expect(line).toMatch(text);
  expect(line.split('\n')).toHaveLength(1);
  return line;
}

describe('verifyDigests on intact images', () => {
  const CASES: Array<{ format: ImageFormat; opts?: WriteImageOptions; label: string }> = [
    { format: 'docker-archive', label: 'plain' },
    { format: 'docker-hybrid', label: 'plain' },
    { format: 'docker-containerd', label: 'plain' },
    { format: 'oci-dir', label: 'plain' },
    { format: 'oci-archive', label: 'plain' },
    { format: 'oci-archive', opts: { gzip: true }, label: 'whole-archive gzip (streamed)' },
    { format: 'docker-archive', opts: { gzip: true }, label: 'whole-archive gzip (streamed)' },
    { format: 'oci-dir', opts: { compression: 'zstd' }, label: 'zstd layers' },
  ];
  for (const c of CASES) {
    it(`${c.format}, ${c.label}: reads the same as without verification`, async () => {
      const path = writeImage(spec, c.format, dir, { ...c.opts, name: `ok-${c.format}-${c.label.replace(/\W+/g, '_')}` });
      const plain = await readImage(path);
      const verified = await readImage(path, { verifyDigests: true });
      expect(verified).toEqual(plain);
      expect(verified.layers.every((l) => !('hashes' in l))).toBe(true);
    });
  }
});

describe('verifyDigests on tampered images', () => {
  it('docker-archive: a changed byte in a layer tar breaks its diff_id', async () => {
    const members = imageMembers(spec, 'docker-archive');
    const layer = layerMembers(members).find((m) => m.data!.includes('root:x:0:0'))!;
    layer.data = flipContentByte(layer.data!);
    const path = join(dir, 'flipped-docker.tar');
    writeFileSync(path, packMembers(members));
    // Without verification the archive reads (the tar is still well formed).
    expect((await readImage(path)).layers.length).toBe(spec.layers.length);
    await rejects(readImage(path, { verifyDigests: true }), new RegExp(`^${path.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}: layer ${layer.name}: the uncompressed layer's sha256 is sha256:[0-9a-f]{64} but the image says diff_id sha256:[0-9a-f]{64}: the archive is corrupt or was modified$`));
    // The same archive read from a stream (stdin) is checked too.
    await rejects(readImage('-', { verifyDigests: true, stdin: Readable.from([readFileSync(path)]) }), /diff_id sha256:/);
  });

  it('OCI: a blob whose bytes differ from its digest (same size, same tar) fails on the blob digest', async () => {
    const members = imageMembers(spec, 'oci-archive');
    const blob = layerMembers(members).find((m) => m.data![0] === 0x1f && m.data![1] === 0x8b)!;
    const before = sha256(blob.data!);
    expect(blob.name).toBe(`blobs/sha256/${before.slice(7)}`);
    // The gzip header's MTIME field: still a valid gzip of the same tar, so only the blob digest breaks.
    const changed = Buffer.from(blob.data!);
    changed.writeUInt32LE(changed.readUInt32LE(4) + 1, 4);
    blob.data = changed;
    const path = join(dir, 'mtime-oci.tar');
    writeFileSync(path, packMembers(members));
    expect((await readImage(path)).layers.length).toBe(spec.layers.length);
    const line = await rejects(readImage(path, { verifyDigests: true }), /the blob's sha256 is sha256:[0-9a-f]{64} but the image says sha256:/);
    expect(line).toContain(`layer ${blob.name}:`);
    expect(line).toContain(`is ${sha256(changed)} but the image says ${before}`);
  });

  it('OCI: a config diff_id that does not match the layer fails on the diff_id', async () => {
    const members = imageMembers(spec, 'oci-archive');
    // The config keeps its file name (its own digest is not checked), only a diff_id changes.
    const config = members.find((m) => m.data && m.data.includes('"diff_ids"'))!;
    const json = JSON.parse(config.data!.toString('utf8'));
    json.rootfs.diff_ids[1] = sha256(Buffer.from('something else'));
    config.data = Buffer.from(JSON.stringify(json));
    const path = join(dir, 'diffid-oci.tar');
    writeFileSync(path, packMembers(members));
    expect((await readImage(path)).layers.length).toBe(spec.layers.length);
    await rejects(readImage(path, { verifyDigests: true }), new RegExp(`but the image says diff_id ${json.rootfs.diff_ids[1]}:`));
  });
});

describe('shipready image --verify-digests', () => {
  const root = resolve(import.meta.dirname, '../..');
  const run = (args: string[]) => spawnSync(process.execPath, [join(root, 'bin/shipready.cjs'), 'image', ...args], { cwd: dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });

  it('passes an intact image and rejects a tampered one with exit 2 and one line', () => {
    const good = writeImage(spec, 'docker-archive', dir, { name: 'cli-good' });
    expect(run([good, '--verify-digests', '--no-fail', '-f', 'json']).status).toBe(0);
    const members = imageMembers(spec, 'docker-archive');
    const layer = layerMembers(members).find((m) => m.data!.includes('root:x:0:0'))!;
    layer.data = flipContentByte(layer.data!);
    const bad = join(dir, 'cli-bad.tar');
    writeFileSync(bad, packMembers(members));
    expect(run([bad, '--no-fail', '-f', 'json']).status).toBe(0);
    const r = run([bad, '--verify-digests', '--no-fail', '-f', 'json']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/cli-bad\.tar: layer [^:]+: the uncompressed layer's sha256 is sha256:[0-9a-f]{64} but the image says diff_id/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});

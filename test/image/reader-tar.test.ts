/**
 * Layer tar details: whiteouts (the opaque marker after its siblings too), hardlinks, symlinks,
 * PAX and GNU long names, PAX xattrs (file capabilities), global PAX headers, base-256 numbers,
 * special bits, path normalisation and clamping, duplicates, and chunk-boundary independence.
 */
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { decodeVfsCapability } from '../../src/model/image/capabilities.js';
import { CaptureBudget } from '../../src/model/image/capture-budget.js';
import { capturePolicy } from '../../src/model/image/capture.js';
import { normalizeLayerPath, readLayer } from '../../src/model/image/layer-reader.js';
import { resolveLimits } from '../../src/model/image/limits.js';
import type { LayerSummary } from '../../src/model/image/types.js';
import { layerTar, sampleSpec, tarHeader, TarWriter, vfsCapability } from '../helpers/image-builder.js';
import { layerSummariesFromSpec, type SpecLayer } from '../helpers/image-spec.js';

async function summarize(tar: Buffer, chunk = 65536, budget = new CaptureBudget()): Promise<LayerSummary> {
  const parts: Buffer[] = [];
  for (let i = 0; i < tar.length; i += chunk) parts.push(tar.subarray(i, i + chunk));
  return readLayer(Readable.from(parts), tar.subarray(0, 512), {
    blob: 'layer', display: 'test.tar', policy: capturePolicy({ entrypointPaths: ['/app/run'] }), budget, limits: resolveLimits(),
  });
}

const byPath = (s: LayerSummary, p: string) => s.entries.find((e) => e.path === p);

describe('whiteouts', () => {
  it('turns .wh. markers into whiteouts and the opaque marker into opaqueDirs, even after its siblings', async () => {
    const layer: SpecLayer = {
      files: [
        { path: 'var/cache/', type: 'dir' },
        { path: 'var/cache/fresh', content: 'new' },
        { path: 'var/cache', type: 'opaque' },
        { path: 'etc/old.conf', type: 'whiteout' },
        { path: 'top', type: 'whiteout' },
      ],
    };
    const s = await summarize(layerTar(layer));
    expect(s.opaqueDirs).toEqual(['/var/cache']);
    expect(s.whiteouts).toEqual(['/etc/old.conf', '/top']);
    // Where each marker sits among the entries: the overlay applies them in that order.
    expect(s.whiteoutOrder).toEqual([2, 2]);
    expect(s.entries.map((e) => e.path)).toEqual(['/var/cache', '/var/cache/fresh']);
    expect(s.entries.some((e) => e.path.includes('.wh.'))).toBe(false);
  });

  it('ignores aufs bookkeeping and a bare .wh. marker', async () => {
    const tar = new TarWriter()
      .add({ name: '.wh..wh.plnk/', type: '5' })
      .add({ name: '.wh..wh.plnk/123.456', content: Buffer.from('x') })
      .add({ name: 'etc/.wh.' })
      .add({ name: 'keep', content: Buffer.from('k') })
      .finish();
    const s = await summarize(tar);
    expect(s.entries.map((e) => e.path)).toEqual(['/keep']);
    expect(s.whiteouts).toEqual([]);
    expect(s.opaqueDirs).toEqual([]);
  });

  it('refuses a whiteout of . or .. (containerd refuses the layer; read as a path it deleted the whole image)', async () => {
    for (const name of ['etc/.wh...', 'etc/.wh..']) {
      const tar = new TarWriter().add({ name: 'keep', content: Buffer.from('k') }).add({ name }).finish();
      await expect(summarize(tar)).rejects.toThrow(`layer layer: whiteout marker ${name} names no entry of its directory (tar offset 1024)`);
    }
  });
});

describe('links, special files and bits', () => {
  it('keeps symlink targets as written and normalises hardlink targets to absolute paths', async () => {
    const tar = new TarWriter()
      .add({ name: './bin/busybox', content: Buffer.alloc(10), mode: 0o4755 })
      .add({ name: './bin/ls', type: '1', linkname: './bin/busybox' })
      .add({ name: 'bin/cat', type: '1', linkname: '/bin/busybox' })
      .add({ name: 'bin/sh', type: '2', linkname: 'busybox' })
      .add({ name: 'lib', type: '2', linkname: '/usr/lib' })
      .add({ name: 'dev/sda', type: '4', mode: 0o660 })
      .add({ name: 'tmp', type: '5', mode: 0o1777 })
      .add({ name: 'usr/bin/wall', content: Buffer.from('x'), mode: 0o2755 })
      .finish();
    const s = await summarize(tar);
    expect(byPath(s, '/bin/busybox')).toMatchObject({ type: 'file', size: 10, mode: 0o4755 });
    expect(byPath(s, '/bin/ls')).toMatchObject({ type: 'hardlink', size: 0, linkname: '/bin/busybox' });
    expect(byPath(s, '/bin/cat')).toMatchObject({ type: 'hardlink', linkname: '/bin/busybox' });
    expect(byPath(s, '/bin/sh')).toMatchObject({ type: 'symlink', size: 0, linkname: 'busybox' });
    expect(byPath(s, '/lib')).toMatchObject({ type: 'symlink', linkname: '/usr/lib' });
    expect(byPath(s, '/dev/sda')).toMatchObject({ type: 'block', mode: 0o660 });
    expect(byPath(s, '/tmp')).toMatchObject({ type: 'dir', mode: 0o1777 });
    expect(byPath(s, '/usr/bin/wall')?.mode).toBe(0o2755);
  });

  it('reads no data after header-only typeflags (1-6), whatever their size field says, as Go archive/tar does', async () => {
    const hidden = new TarWriter({ noEnd: true }).add({ name: 'usr/bin/evil', mode: 0o4755, content: Buffer.from('x') }).finish();
    const tar = new TarWriter()
      .add({ name: 'app/', type: '5', size: hidden.length })
      .bytes(hidden)
      .add({ name: 'app/link', type: '2', linkname: 'x', pax: { size: '1024' } })
      .add({ name: 'app/hard', type: '1', linkname: 'usr/bin/evil', size: 512 })
      .add({ name: 'dev/null', type: '3', size: 512 })
      .add({ name: 'app/ok', content: Buffer.from('ok') })
      .finish();
    const s = await summarize(tar);
    expect(s.entries.map((e) => [e.path, e.type, e.size])).toEqual([
      ['/app', 'dir', 0], ['/usr/bin/evil', 'file', 1], ['/app/link', 'symlink', 0], ['/app/hard', 'hardlink', 0], ['/dev/null', 'char', 0], ['/app/ok', 'file', 2],
    ]);
    expect(byPath(s, '/usr/bin/evil')?.mode).toBe(0o4755);
  });

  it('reads old v7 entries (NUL typeflag, no magic): a trailing slash means a directory', async () => {
    const h1 = tarHeader({ name: 'olddir/', type: '\0', size: 0, mode: 0o755, uid: 0, gid: 0, mtime: 5, linkname: '' });
    const h2 = tarHeader({ name: 'olddir/f', type: '\0', size: 3, mode: 0o644, uid: 0, gid: 0, mtime: 5, linkname: '' });
    for (const h of [h1, h2]) {
      h.fill(0, 257, 265); // no ustar magic: recompute the checksum
      h.fill(0x20, 148, 156);
      let sum = 0;
      for (const b of h) sum += b;
      h.write(sum.toString(8).padStart(6, '0') + '\0 ', 148, 8, 'latin1');
    }
    const tar = Buffer.concat([h1, h2, Buffer.from('abc'), Buffer.alloc(509), Buffer.alloc(1024)]);
    const s = await summarize(tar);
    expect(s.entries.map((e) => [e.path, e.type, e.size])).toEqual([['/olddir', 'dir', 0], ['/olddir/f', 'file', 3]]);
  });

  it('skips typeflags with no filesystem meaning (volume labels) without losing sync', async () => {
    const tar = new TarWriter().add({ name: 'LABEL', type: 'V' }).add({ name: 'weird', type: 'Z', content: Buffer.alloc(700, 1) }).add({ name: 'after', content: Buffer.from('ok') }).finish();
    const s = await summarize(tar);
    expect(s.entries.map((e) => e.path)).toEqual(['/after']);
  });
});

describe('names', () => {
  it('normalises leading ./ and /, duplicate slashes, and clamps .. at the root', () => {
    expect(normalizeLayerPath('./etc/passwd')).toBe('/etc/passwd');
    expect(normalizeLayerPath('/etc//passwd/')).toBe('/etc/passwd');
    expect(normalizeLayerPath('../../../etc/shadow')).toBe('/etc/shadow');
    expect(normalizeLayerPath('a/b/../../../../c')).toBe('/c');
    expect(normalizeLayerPath('./')).toBe('/');
  });

  it('refuses an entry path of PATH_MAX or more, which no runtime can extract, and reads one just under it', async () => {
    const under = `${'a/'.repeat(2046)}f`; // 4093 characters, 4094 with the leading slash
    expect(byPath(await summarize(new TarWriter().add({ name: under, content: Buffer.from('x') }).finish()), `/${under}`)?.size).toBe(1);
    const over = new TarWriter().add({ name: 'ok', content: Buffer.from('x') }).add({ name: `${'a/'.repeat(2048)}f`, content: Buffer.from('x') }).finish();
    await expect(summarize(over)).rejects.toThrow('entry path of 4098 characters is over PATH_MAX (4096): no runtime can extract it (tar offset 6144)');
  });

  it('reads PAX and GNU long names and link targets', async () => {
    const long = `dir/${'x'.repeat(150)}/${'y'.repeat(120)}.txt`;
    const target = `/${'t'.repeat(130)}`;
    for (const longNames of ['pax', 'gnu'] as const) {
      const tar = new TarWriter({ longNames }).add({ name: long, content: Buffer.from('hi') }).add({ name: 'l', type: '2', linkname: target }).add({ name: 'short', content: Buffer.from('s') }).finish();
      const s = await summarize(tar);
      expect(s.entries.map((e) => [e.path, e.linkname])).toEqual([[`/${long}`, undefined], ['/l', target], ['/short', undefined]]);
    }
  });

  it('uses the ustar prefix field', async () => {
    const h = tarHeader({ name: 'file.txt', type: '0', size: 0, mode: 0o644, uid: 0, gid: 0, mtime: 0, linkname: '' });
    h.write('some/prefix/dir', 345, 155, 'utf8');
    h.fill(0x20, 148, 156);
    let sum = 0;
    for (const b of h) sum += b;
    h.write(sum.toString(8).padStart(6, '0') + '\0 ', 148, 8, 'latin1');
    const s = await summarize(Buffer.concat([h, Buffer.alloc(1024)]));
    expect(s.entries[0].path).toBe('/some/prefix/dir/file.txt');
  });

  it('applies PAX size, uid, gid and mtime overrides, and global headers to later entries', async () => {
    const tar = new TarWriter()
      .raw('g', 'pax_global_header', Buffer.from('17 uid=123456789\n'))
      .add({ name: 'a', content: Buffer.from('abc'), pax: { mtime: '1700000000.123456', gid: '4242' } })
      .add({ name: 'b', content: Buffer.from('b') })
      .finish();
    const s = await summarize(tar);
    expect(s.entries.map((e) => [e.path, e.uid, e.gid, e.mtime])).toEqual([['/a', 123456789, 4242, 1700000000], ['/b', 123456789, 0, 1767225600]]);
  });

  it('reads GNU base-256 numbers', async () => {
    const h = tarHeader({ name: 'big-uid', type: '0', size: 2, mode: 0o644, uid: 0, gid: 0, mtime: 0, linkname: '' });
    h.fill(0, 108, 116);
    h[108] = 0x80;
    h.writeUInt32BE(5_000_000, 112);
    h.fill(0x20, 148, 156);
    let sum = 0;
    for (const b of h) sum += b;
    h.write(sum.toString(8).padStart(6, '0') + '\0 ', 148, 8, 'latin1');
    const s = await summarize(Buffer.concat([h, Buffer.from('ok'), Buffer.alloc(510), Buffer.alloc(1024)]));
    expect(s.entries[0]).toMatchObject({ path: '/big-uid', uid: 5_000_000, size: 2 });
  });

  it('lets the last duplicate win for captured contents', async () => {
    const tar = new TarWriter()
      .add({ name: 'etc/passwd', content: Buffer.from('first') })
      .add({ name: 'etc/passwd', content: Buffer.from('second') })
      .add({ name: 'etc/group', content: Buffer.from('g') })
      .add({ name: 'etc/group', type: '2', linkname: 'elsewhere' })
      .finish();
    const s = await summarize(tar);
    expect(s.entries.filter((e) => e.path === '/etc/passwd')).toHaveLength(2);
    expect(s.contents.get('/etc/passwd')?.toString()).toBe('second');
    expect(s.contents.has('/etc/group')).toBe(false); // its last version is a symlink
  });
});

describe('capabilities', () => {
  it('decodes VFS capability structures like getcap prints them', () => {
    expect(decodeVfsCapability(vfsCapability(['cap_net_bind_service']))).toBe('cap_net_bind_service=ep');
    expect(decodeVfsCapability(vfsCapability(['cap_net_admin', 'cap_net_raw']))).toBe('cap_net_admin,cap_net_raw=ep');
    expect(decodeVfsCapability(vfsCapability(['cap_net_raw'], { effective: false }))).toBe('cap_net_raw=p');
    expect(decodeVfsCapability(vfsCapability(['cap_setuid', 'cap_setgid'], { inheritable: ['cap_setgid'] }))).toBe('cap_setgid=eip cap_setuid=ep');
    expect(decodeVfsCapability(vfsCapability(['cap_bpf', 'cap_perfmon']))).toBe('cap_perfmon,cap_bpf=ep');
    expect(decodeVfsCapability(vfsCapability(['cap_chown'], { revision: 3, rootid: 1000 }))).toBe('cap_chown=ep [rootid=1000]');
    const rev1 = Buffer.alloc(12);
    rev1.writeUInt32LE(0x01000001, 0);
    rev1.writeUInt32LE(1 << 13, 4);
    expect(decodeVfsCapability(rev1)).toBe('cap_net_raw=ep');
    expect(decodeVfsCapability(Buffer.from([1, 2, 3]))).toBeUndefined();
    expect(decodeVfsCapability(Buffer.alloc(20))).toBeUndefined(); // revision 0
    expect(decodeVfsCapability(Buffer.from([0, 0, 0, 2, 0, 0]))).toBeUndefined(); // revision 2 but cut short
  });

  it('reads SCHILY and LIBARCHIVE xattrs from PAX headers, ignoring a LIBARCHIVE name that does not decode', async () => {
    const cap = vfsCapability(['cap_sys_admin']);
    const tar = new TarWriter()
      .add({ name: 'usr/bin/a', content: Buffer.from('x'), xattrs: { 'security.capability': cap, 'user.note': Buffer.from('n') } })
      .add({ name: 'usr/bin/b', content: Buffer.from('x'), pax: { 'LIBARCHIVE.xattr.security.capability': cap.toString('base64') } })
      .add({ name: 'usr/bin/c', content: Buffer.from('x'), xattrs: { 'security.capability': Buffer.from('junk') } })
      .add({ name: 'usr/bin/d', content: Buffer.from('x'), pax: { 'LIBARCHIVE.xattr.user.%zz': 'eA==', 'LIBARCHIVE.xattr.security.capability': cap.toString('base64') } })
      .finish();
    const s = await summarize(tar);
    expect(byPath(s, '/usr/bin/a')?.capabilities).toBe('cap_sys_admin=ep');
    expect(byPath(s, '/usr/bin/b')?.capabilities).toBe('cap_sys_admin=ep');
    expect(byPath(s, '/usr/bin/c')?.capabilities).toBeUndefined();
    expect(byPath(s, '/usr/bin/d')?.capabilities).toBe('cap_sys_admin=ep'); // a malformed attribute name beside it is ignored
  });
});

describe('streaming', () => {
  it('gives the same summary whatever the chunk boundaries', async () => {
    const spec = sampleSpec();
    const want = layerSummariesFromSpec(spec, ['/app/run']);
    for (const [i, layer] of spec.layers.entries()) {
      const tar = layerTar(layer);
      for (const chunk of [1, 3, 511, 512, 513, 4096]) {
        const s = await summarize(tar, chunk);
        expect({ entries: s.entries, whiteouts: s.whiteouts, opaqueDirs: s.opaqueDirs, contents: s.contents }, `layer ${i} chunk ${chunk}`)
          .toEqual({ entries: want[i].entries, whiteouts: want[i].whiteouts, opaqueDirs: want[i].opaqueDirs, contents: want[i].contents });
        expect(s.tarSize).toBe(tar.length);
      }
    }
  });

  it('stops capturing at the total budget, dropping secret candidates before account files', async () => {
    const budget = new CaptureBudget(100);
    const tar = new TarWriter()
      .add({ name: 'app/.env', content: Buffer.alloc(60, 0x41) })
      .add({ name: 'app/other.env', content: Buffer.alloc(30, 0x42) })
      .add({ name: 'etc/passwd', content: Buffer.alloc(50, 0x43) })
      .add({ name: 'app/late.env', content: Buffer.alloc(40, 0x44) })
      .finish();
    const s = await summarize(tar, 65536, budget);
    // passwd needed room: the secret candidates captured so far were dropped; a later one still fits.
    expect([...s.contents.keys()].sort()).toEqual(['/app/late.env', '/etc/passwd']);
    expect(budget.used).toBe(90);
    const full = new CaptureBudget(10);
    const s2 = await summarize(new TarWriter().add({ name: 'etc/passwd', content: Buffer.alloc(11) }).add({ name: 'etc/group', content: Buffer.alloc(10) }).finish(), 65536, full);
    expect([...s2.contents.keys()]).toEqual(['/etc/group']);
  });
});

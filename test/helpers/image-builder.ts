/**
 * Real image archives from an `ImageSpec`, in every format the reader accepts: legacy
 * docker-archive, Docker 25+ hybrid, the containerd-store variant (multi-platform index whose
 * other platforms' blobs are absent), OCI layout as a directory or a tar (optionally with `./`
 * names), and the whole archive gzip-compressed. Layers are gzip, zstd or plain. Tars are written
 * here in code (TarWriter); zstd frames use raw blocks, valid for any decoder, because Node 20 has
 * no zstd compressor (a real entropy-coded zstd layer is a committed fixture instead).
 */
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { CAPABILITY_NAMES } from '../../src/model/image/capabilities.js';
import type { Compression, ImageFormat, Platform } from '../../src/model/image/types.js';
import { specConfigJson, specContent, type ImageSpec, type SpecFile, type SpecLayer } from './image-spec.js';

// ---------------------------------------------------------------------------------------------
// Tar writing

export interface TarEntryInput {
  name: string;
  /** Typeflag: '0' file, '1' hardlink, '2' symlink, '3' char, '4' block, '5' dir, '6' fifo, or any other byte. */
  type?: string;
  content?: Buffer;
  /** Declared size when it must differ from the content (hostile tests). */
  size?: number;
  mode?: number;
  uid?: number;
  gid?: number;
  mtime?: number;
  linkname?: string;
  /** Extended attributes, written as PAX `SCHILY.xattr.<name>`. */
  xattrs?: Record<string, Buffer>;
  /** Extra PAX records. */
  pax?: Record<string, string | Buffer>;
}

export interface TarWriterOptions {
  /** How names over 100 bytes are stored (default PAX). */
  longNames?: 'pax' | 'gnu';
  /** Leave out the two end-of-archive blocks. */
  noEnd?: boolean;
}

function octal(buf: Buffer, off: number, len: number, value: number): void {
  buf.write(value.toString(8).padStart(len - 1, '0') + '\0', off, len, 'latin1');
}

/** One 512-byte ustar header block with a correct checksum. */
export function tarHeader(e: { name: string; type: string; size: number; mode: number; uid: number; gid: number; mtime: number; linkname: string }): Buffer {
  const h = Buffer.alloc(512);
  h.write(e.name, 0, 100, 'utf8');
  octal(h, 100, 8, e.mode);
  octal(h, 108, 8, e.uid);
  octal(h, 116, 8, e.gid);
  octal(h, 124, 12, e.size);
  octal(h, 136, 12, e.mtime);
  h.fill(0x20, 148, 156);
  h.write(e.type, 156, 1, 'latin1');
  h.write(e.linkname, 157, 100, 'utf8');
  h.write('ustar\0', 257, 6, 'latin1');
  h.write('00', 263, 2, 'latin1');
  let sum = 0;
  for (const b of h) sum += b;
  h.write(sum.toString(8).padStart(6, '0') + '\0 ', 148, 8, 'latin1');
  return h;
}

function paxRecord(key: string, value: Buffer): Buffer {
  const body = Buffer.concat([Buffer.from(` ${key}=`), value, Buffer.from('\n')]);
  let len = body.length + 1;
  while (String(len).length + body.length !== len) len = String(len).length + body.length;
  return Buffer.concat([Buffer.from(String(len)), body]);
}

function pad(n: number): Buffer {
  return Buffer.alloc((512 - (n % 512)) % 512);
}

export class TarWriter {
  private readonly parts: Buffer[] = [];

  constructor(private readonly opts: TarWriterOptions = {}) {}

  add(e: TarEntryInput): this {
    const content = e.content ?? Buffer.alloc(0);
    const type = e.type ?? '0';
    const linkname = e.linkname ?? '';
    const base = { type, size: e.size ?? content.length, mode: e.mode ?? 0o644, uid: e.uid ?? 0, gid: e.gid ?? 0, mtime: e.mtime ?? 1767225600 };
    const records: Buffer[] = [];
    let name = e.name;
    let link = linkname;
    const longName = Buffer.byteLength(name) > 100;
    const longLink = Buffer.byteLength(linkname) > 100;
    if (this.opts.longNames === 'gnu') {
      if (longName) this.raw('L', '././@LongLink', Buffer.from(name + '\0'));
      if (longLink) this.raw('K', '././@LongLink', Buffer.from(linkname + '\0'));
    } else {
      if (longName) records.push(paxRecord('path', Buffer.from(name)));
      if (longLink) records.push(paxRecord('linkpath', Buffer.from(linkname)));
    }
    if (longName) name = name.slice(0, 99);
    if (longLink) link = linkname.slice(0, 99);
    for (const [k, v] of Object.entries(e.xattrs ?? {})) records.push(paxRecord(`SCHILY.xattr.${k}`, v));
    for (const [k, v] of Object.entries(e.pax ?? {})) records.push(paxRecord(k, Buffer.isBuffer(v) ? v : Buffer.from(v)));
    if (records.length) this.raw('x', `PaxHeaders.0/${name.split('/').filter(Boolean).pop() ?? 'x'}`.slice(0, 99), Buffer.concat(records));
    this.parts.push(tarHeader({ ...base, name, linkname: link }), content, pad(content.length));
    return this;
  }

  /** A meta entry (PAX, GNU long name) with its content. */
  raw(type: string, name: string, content: Buffer): this {
    this.parts.push(tarHeader({ name, type, size: content.length, mode: 0o644, uid: 0, gid: 0, mtime: 0, linkname: '' }), content, pad(content.length));
    return this;
  }

  /** Bytes appended as they are (hostile tests). */
  bytes(b: Buffer): this {
    this.parts.push(b);
    return this;
  }

  finish(): Buffer {
    if (!this.opts.noEnd) this.parts.push(Buffer.alloc(1024));
    return Buffer.concat(this.parts);
  }
}

// ---------------------------------------------------------------------------------------------
// Layers

const TYPEFLAGS: Record<string, string> = { file: '0', hardlink: '1', symlink: '2', char: '3', block: '4', dir: '5', fifo: '6' };

/** The layer's tar, entries in spec order. */
export function layerTar(layer: SpecLayer, opts: TarWriterOptions = {}): Buffer {
  const w = new TarWriter(opts);
  for (const f of layer.files) w.add(specEntry(f));
  return w.finish();
}

function specEntry(f: SpecFile): TarEntryInput {
  const kind = f.type ?? (f.path.endsWith('/') ? 'dir' : 'file');
  const mtime = f.mtime ?? 1767225600;
  if (kind === 'whiteout' || kind === 'opaque') {
    const p = f.path.replace(/\/+$/, '');
    const slash = p.lastIndexOf('/');
    const name = kind === 'opaque' ? `${p}/.wh..wh..opq` : `${p.slice(0, slash + 1)}.wh.${p.slice(slash + 1)}`;
    return { name, mode: 0o644, mtime };
  }
  const name = kind === 'dir' && !f.path.endsWith('/') ? `${f.path}/` : f.path;
  const mode = f.mode ?? (kind === 'dir' ? 0o755 : kind === 'symlink' ? 0o777 : 0o644);
  return {
    name, type: TYPEFLAGS[kind], content: kind === 'file' ? specContent(f) : undefined, mode, uid: f.uid, gid: f.gid, mtime,
    linkname: f.linkname, xattrs: f.capability ? { 'security.capability': f.capability } : undefined,
  };
}

/** `security.capability` bytes (VFS_CAP_REVISION_2) for capability names like `cap_net_raw`. */
export function vfsCapability(permitted: string[], opts: { effective?: boolean; inheritable?: string[]; revision?: 2 | 3; rootid?: number } = {}): Buffer {
  const words = [0, 0, 0, 0]; // permitted lo, inheritable lo, permitted hi, inheritable hi
  const set = (name: string, slot: 0 | 1) => {
    const n = CAPABILITY_NAMES.indexOf(name);
    if (n < 0) throw new Error(`unknown capability ${name}`);
    words[(n >= 32 ? 2 : 0) + slot] |= 1 << (n % 32);
  };
  permitted.forEach((n) => set(n, 0));
  (opts.inheritable ?? []).forEach((n) => set(n, 1));
  const rev = opts.revision ?? 2;
  const b = Buffer.alloc(rev === 3 ? 24 : 20);
  b.writeUInt32LE(((rev << 24) | (opts.effective === false ? 0 : 1)) >>> 0, 0);
  words.forEach((w, i) => b.writeUInt32LE(w >>> 0, 4 + i * 4));
  if (rev === 3) b.writeUInt32LE(opts.rootid ?? 0, 20);
  return b;
}

/** A zstd stream of raw (stored) blocks: valid zstd that any decoder reads, made without a compressor. */
export function zstdRaw(data: Buffer, opts: { skippableFirst?: boolean; frames?: number } = {}): Buffer {
  const parts: Buffer[] = [];
  if (opts.skippableFirst) {
    const payload = Buffer.from('shipready-test');
    const h = Buffer.alloc(8);
    h.writeUInt32LE(0x184d2a5e, 0);
    h.writeUInt32LE(payload.length, 4);
    parts.push(h, payload);
  }
  const frames = Math.max(1, opts.frames ?? 1);
  const per = Math.ceil(data.length / frames);
  for (let f = 0; f < frames; f++) {
    const slice = data.subarray(f * per, Math.min(data.length, (f + 1) * per));
    // Frame header: no checksum, no dictionary, no content size; window 2^17 = the largest block size.
    parts.push(Buffer.from([0x28, 0xb5, 0x2f, 0xfd, 0x00, 0x38]));
    const max = 128 * 1024;
    let off = 0;
    do {
      const n = Math.min(max, slice.length - off);
      const last = off + n >= slice.length ? 1 : 0;
      const bh = (n << 3) | (0 << 1) | last;
      parts.push(Buffer.from([bh & 0xff, (bh >> 8) & 0xff, (bh >> 16) & 0xff]), slice.subarray(off, off + n));
      off += n;
    } while (off < slice.length);
  }
  return Buffer.concat(parts);
}

export function compress(tar: Buffer, kind: Compression): Buffer {
  if (kind === 'gzip') return gzipSync(tar);
  if (kind === 'zstd') return zstdRaw(tar);
  return tar;
}

/** The well-known 32-byte gzip of an empty tar (1024 zero bytes), `sha256:a3ed95ca...`, that registries and builders reuse for empty layers. */
export const EMPTY_GZIP_LAYER = Buffer.from('1f8b080000096e8800ff621805a360148c5800080000ffff2eafb5ef00040000', 'hex');

export function sha256(b: Buffer): string {
  return `sha256:${createHash('sha256').update(b).digest('hex')}`;
}

// ---------------------------------------------------------------------------------------------
// Archives

export type BuilderFormat = ImageFormat;

export interface WriteImageOptions {
  /** File name without extension (default `image`). */
  name?: string;
  /** Default layer compression when a spec layer has none (format default otherwise). */
  compression?: Compression;
  /** Use these bytes as a layer's stored blob instead of compressing its tar (index -> blob). */
  layerBlobs?: Record<number, Buffer>;
  /** Prefix every archive member with `./` (and add a `./` directory entry). */
  dotSlash?: boolean;
  /** gzip the whole archive (`.tar.gz`). */
  gzip?: boolean;
  /** Extra platform images. OCI formats store them; docker-containerd lists them with blobs absent. */
  otherPlatforms?: ImageSpec[];
  /** Add a buildx-style attestation manifest to multi-platform indexes. */
  attestation?: boolean;
  /** Long tar names in the layers: PAX (default) or GNU. */
  longNames?: 'pax' | 'gnu';
  /** docker-archive: identical layer tars become symlinks to the first (default true). */
  symlinkDuplicates?: boolean;
}

const DEFAULT_COMPRESSION: Record<ImageFormat, Compression> = {
  'docker-archive': 'none', 'docker-hybrid': 'none', 'docker-containerd': 'gzip', 'oci-dir': 'gzip', 'oci-archive': 'gzip',
};

const MT = {
  index: 'application/vnd.oci.image.index.v1+json',
  manifest: 'application/vnd.oci.image.manifest.v1+json',
  config: 'application/vnd.oci.image.config.v1+json',
  layer: { none: 'application/vnd.oci.image.layer.v1.tar', gzip: 'application/vnd.oci.image.layer.v1.tar+gzip', zstd: 'application/vnd.oci.image.layer.v1.tar+zstd' },
};

interface Descriptor {
  mediaType: string;
  digest: string;
  size: number;
  platform?: Platform;
  annotations?: Record<string, string>;
}

/** Collects archive members in order. */
class Members {
  readonly files: Array<{ name: string; data?: Buffer; linkname?: string; dir?: boolean }> = [];
  private readonly seen = new Set<string>();

  add(name: string, data: Buffer): void {
    if (this.seen.has(name)) return;
    this.seen.add(name);
    this.files.push({ name, data });
  }

  dir(name: string): void {
    if (this.seen.has(name)) return;
    this.seen.add(name);
    this.files.push({ name, dir: true });
  }

  symlink(name: string, target: string): void {
    this.seen.add(name);
    this.files.push({ name, linkname: target });
  }

  blob(data: Buffer): Descriptor & { path: string } {
    const digest = sha256(data);
    const path = `blobs/sha256/${digest.slice(7)}`;
    this.dir('blobs/');
    this.dir('blobs/sha256/');
    this.add(path, data);
    return { mediaType: '', digest, size: data.length, path };
  }

  json(v: unknown): Buffer {
    return Buffer.from(JSON.stringify(v));
  }
}

interface BuiltImage {
  manifest: Descriptor;
  config: Descriptor & { path: string };
  layers: Array<Descriptor & { path: string }>;
  repoTags: string[];
}

/** Layers, config and manifest blobs of one image into an OCI-style blob store. */
function ociImage(m: Members, spec: ImageSpec, format: ImageFormat, opts: WriteImageOptions): BuiltImage {
  const layers: Array<Descriptor & { path: string }> = [];
  const diffIds: string[] = [];
  spec.layers.forEach((layer, i) => {
    const tar = layerTar(layer, { longNames: opts.longNames });
    diffIds.push(sha256(tar));
    const kind = layer.compression ?? opts.compression ?? DEFAULT_COMPRESSION[format];
    const blob = opts.layerBlobs?.[i] ?? compress(tar, kind);
    layers.push({ ...m.blob(blob), mediaType: MT.layer[kind] });
  });
  const config = { ...m.blob(m.json(specConfigJson(spec, diffIds))), mediaType: MT.config };
  const manifestJson = {
    schemaVersion: 2, mediaType: MT.manifest,
    config: { mediaType: config.mediaType, digest: config.digest, size: config.size },
    layers: layers.map((l) => ({ mediaType: l.mediaType, digest: l.digest, size: l.size })),
  };
  const manifest = m.blob(m.json(manifestJson));
  return {
    manifest: { mediaType: MT.manifest, digest: manifest.digest, size: manifest.size, platform: spec.platform ?? { os: 'linux', architecture: 'amd64' } },
    config, layers, repoTags: spec.repoTags ?? [],
  };
}

/** A manifest for another platform, described but with no blobs stored (containerd-store export). */
function absentImage(spec: ImageSpec): Descriptor {
  const fake = sha256(Buffer.from(JSON.stringify(spec.platform) + 'absent'));
  return { mediaType: MT.manifest, digest: fake, size: 1234, platform: spec.platform ?? { os: 'linux', architecture: 'amd64' } };
}

function attestationFor(m: Members, target: Descriptor, store: boolean): Descriptor {
  const config = m.blob(m.json({}));
  const body = m.json({
    schemaVersion: 2, mediaType: MT.manifest,
    config: { mediaType: 'application/vnd.oci.empty.v1+json', digest: config.digest, size: config.size },
    layers: [],
  });
  const digest = store ? m.blob(body).digest : sha256(body);
  return {
    mediaType: MT.manifest, digest, size: body.length, platform: { os: 'unknown', architecture: 'unknown' },
    annotations: { 'vnd.docker.reference.digest': target.digest, 'vnd.docker.reference.type': 'attestation-manifest' },
  };
}

function refAnnotations(tags: string[]): Record<string, string> | undefined {
  if (!tags.length) return undefined;
  const tag = tags[0];
  return { 'io.containerd.image.name': tag.includes('/') ? tag : `docker.io/library/${tag}`, 'org.opencontainers.image.ref.name': tag.slice(tag.lastIndexOf(':') + 1) };
}

function buildMembers(spec: ImageSpec, format: ImageFormat, opts: WriteImageOptions): Members {
  const m = new Members();
  if (format === 'docker-archive') return legacyArchive(m, spec, opts);
  const main = ociImage(m, spec, format, opts);
  const others = opts.otherPlatforms ?? [];
  const tags = spec.repoTags ?? [];
  let top: Descriptor[];
  if (format === 'docker-containerd') {
    // index.json -> nested index -> manifests; only the saved platform's blobs are present.
    const list: Descriptor[] = [main.manifest, ...others.map(absentImage)];
    if (opts.attestation) list.push(attestationFor(m, main.manifest, false));
    const nested = m.blob(m.json({ schemaVersion: 2, mediaType: MT.index, manifests: list }));
    top = [{ mediaType: MT.index, digest: nested.digest, size: nested.size, annotations: refAnnotations(tags) }];
  } else if (others.length) {
    const list: Descriptor[] = [main.manifest];
    for (const o of others) list.push(ociImage(m, o, format, opts).manifest);
    if (opts.attestation) list.push(attestationFor(m, main.manifest, true));
    const nested = m.blob(m.json({ schemaVersion: 2, mediaType: MT.index, manifests: list }));
    top = [{ mediaType: MT.index, digest: nested.digest, size: nested.size, annotations: refAnnotations(tags) }];
  } else {
    const { platform: _p, ...desc } = main.manifest;
    top = [{ ...desc, annotations: refAnnotations(tags) }];
  }
  m.add('oci-layout', m.json({ imageLayoutVersion: '1.0.0' }));
  if (format === 'docker-hybrid' || format === 'docker-containerd') {
    m.add('manifest.json', m.json([{ Config: main.config.path, RepoTags: tags, Layers: main.layers.map((l) => l.path) }]));
    if (format === 'docker-hybrid' && tags.length) m.add('repositories', m.json(repositories(tags, main.config.digest)));
  }
  m.add('index.json', m.json({ schemaVersion: 2, mediaType: MT.index, manifests: top }));
  return m;
}

function repositories(tags: string[], id: string): Record<string, Record<string, string>> {
  const out: Record<string, Record<string, string>> = {};
  for (const t of tags) {
    const colon = t.lastIndexOf(':');
    (out[t.slice(0, colon)] ??= {})[t.slice(colon + 1)] = id.slice(7);
  }
  return out;
}

/** Legacy `docker save`: `<id>/layer.tar` per layer (symlinked when identical), config, manifest.json last. */
function legacyArchive(m: Members, spec: ImageSpec, opts: WriteImageOptions): Members {
  const diffIds: string[] = [];
  const paths: string[] = [];
  const firstByDigest = new Map<string, string>();
  let parent = '';
  spec.layers.forEach((layer, i) => {
    const tar = layerTar(layer, { longNames: opts.longNames });
    diffIds.push(sha256(tar));
    const kind = layer.compression ?? opts.compression ?? 'none';
    const blob = opts.layerBlobs?.[i] ?? compress(tar, kind);
    const id = createHash('sha256').update(`${parent}|${sha256(blob)}|${i}`).digest('hex');
    const path = `${id}/layer.tar`;
    m.dir(`${id}/`);
    m.add(`${id}/VERSION`, Buffer.from('1.0'));
    m.add(`${id}/json`, m.json({ id, ...(parent ? { parent } : {}), created: '2026-01-01T00:00:00Z' }));
    const same = firstByDigest.get(sha256(blob));
    if (same && opts.symlinkDuplicates !== false) m.symlink(path, `../${same}`);
    else {
      m.add(path, blob);
      firstByDigest.set(sha256(blob), path);
    }
    paths.push(path);
    parent = id;
  });
  const config = m.json(specConfigJson(spec, diffIds));
  const configName = `${sha256(config).slice(7)}.json`;
  m.add(configName, config);
  const tags = spec.repoTags ?? [];
  m.add('manifest.json', m.json([{ Config: configName, RepoTags: tags, Layers: paths }]));
  if (tags.length) m.add('repositories', m.json(repositories(tags, `sha256:${parent}`)));
  return m;
}

/** The archive as tar bytes (outer tar: members as collected, optional `./` prefix). */
export function archiveTar(members: Members, dotSlash = false): Buffer {
  const w = new TarWriter();
  const pre = dotSlash ? './' : '';
  if (dotSlash) w.add({ name: './', type: '5', mode: 0o755 });
  for (const f of members.files) {
    if (f.dir) w.add({ name: pre + f.name, type: '5', mode: 0o755 });
    else if (f.linkname !== undefined) w.add({ name: pre + f.name, type: '2', linkname: f.linkname, mode: 0o777 });
    else w.add({ name: pre + f.name, content: f.data!, mode: 0o644 });
  }
  return w.finish();
}

/**
 * Writes `spec` as an image in `format` under `dir` and returns its path: a directory for
 * `oci-dir`, else a `.tar` (or `.tar.gz` with `opts.gzip`).
 */
export function writeImage(spec: ImageSpec, format: ImageFormat, dir: string, opts: WriteImageOptions = {}): string {
  const members = buildMembers(spec, format, opts);
  const name = opts.name ?? `image-${format}`;
  if (format === 'oci-dir') {
    const root = join(dir, name);
    for (const f of members.files) {
      const p = join(root, f.name);
      if (f.dir) mkdirSync(p, { recursive: true });
      else {
        mkdirSync(join(p, '..'), { recursive: true });
        writeFileSync(p, f.data!);
      }
    }
    return root;
  }
  const tar = archiveTar(members, opts.dotSlash);
  const path = join(dir, `${name}.tar${opts.gzip ? '.gz' : ''}`);
  mkdirSync(dir, { recursive: true });
  writeFileSync(path, opts.gzip ? gzipSync(tar) : tar);
  return path;
}

/** Archive bytes without touching disk (for stdin tests and hostile variants). */
export function imageArchiveBytes(spec: ImageSpec, format: Exclude<ImageFormat, 'oci-dir'>, opts: WriteImageOptions = {}): Buffer {
  const tar = archiveTar(buildMembers(spec, format, opts), opts.dotSlash);
  return opts.gzip ? gzipSync(tar) : tar;
}

/** The members an archive would hold (name -> bytes), for tests that tamper with one. */
export function imageMembers(spec: ImageSpec, format: ImageFormat, opts: WriteImageOptions = {}): Array<{ name: string; data?: Buffer; linkname?: string; dir?: boolean }> {
  return buildMembers(spec, format, opts).files;
}

/** Re-packs (possibly tampered) members into an archive tar. */
export function packMembers(files: Array<{ name: string; data?: Buffer; linkname?: string; dir?: boolean }>): Buffer {
  const m = new Members();
  for (const f of files) {
    if (f.dir) m.dir(f.name);
    else if (f.linkname !== undefined) m.symlink(f.name, f.linkname);
    else m.add(f.name, f.data!);
  }
  return archiveTar(m);
}

/** A spec exercising most tar features across three layers (reader tests use it in every format). */
export function sampleSpec(): ImageSpec {
  const longDir = `/opt/${'deep-directory-name/'.repeat(6)}`;
  return {
    repoTags: ['example/app:1.0'],
    config: { User: 'app', Entrypoint: ['/usr/local/bin/start.sh'], Cmd: ['serve'], WorkingDir: '/srv' },
    layers: [
      {
        createdBy: 'ADD rootfs.tar /',
        files: [
          { path: './', type: 'dir' },
          { path: 'etc/', type: 'dir' },
          { path: 'etc/passwd', content: 'root:x:0:0:root:/root:/bin/sh\napp:x:1000:1000::/srv:/bin/sh\n' },
          { path: 'etc/group', content: 'root:x:0:\napp:x:1000:\n' },
          { path: 'etc/os-release', content: 'ID=debian\nVERSION_ID="12"\n' },
          { path: 'bin/', type: 'dir' },
          { path: 'bin/busybox', content: Buffer.alloc(3000, 7), mode: 0o4755 },
          { path: 'bin/sh', type: 'symlink', linkname: 'busybox' },
          { path: 'bin/ls', type: 'hardlink', linkname: 'bin/busybox' },
          { path: 'usr/bin/ping', content: 'ELF', mode: 0o755, capability: vfsCapability(['cap_net_raw']) },
          { path: 'dev/null', type: 'char', mode: 0o666 },
          { path: 'run/initctl', type: 'fifo', mode: 0o600 },
          { path: 'tmp/', type: 'dir', mode: 0o1777 },
          { path: 'var/cache/apt/', type: 'dir' },
          { path: 'var/cache/apt/pkgcache.bin', content: Buffer.alloc(700, 1) },
          { path: 'var/cache/apt/old', content: 'x' },
          { path: 'var/lib/dpkg/status', content: 'Package: busybox\nStatus: install ok installed\nVersion: 1.35\n\n' },
        ],
      },
      {
        createdBy: 'COPY app /srv',
        compression: 'gzip',
        files: [
          { path: '/srv/', type: 'dir', uid: 1000, gid: 1000 },
          { path: '/srv/.env', content: 'API_TOKEN=abc123\n', uid: 1000 },
          { path: '/usr/local/bin/start.sh', content: '#!/bin/sh\nexec /srv/server "$@"\n', mode: 0o755 },
          { path: `${longDir}very-long-file-name-that-needs-a-pax-or-gnu-record.txt`, content: 'long\n' },
          { path: `${longDir}link-with-a-long-target`, type: 'symlink', linkname: `${longDir}very-long-file-name-that-needs-a-pax-or-gnu-record.txt` },
          { path: '/srv/dup.txt', content: 'first' },
          { path: '/srv/dup.txt', content: 'second version' },
          { path: '/usr/bin/newuidmap', content: 'ELF', mode: 0o755, capability: vfsCapability(['cap_setuid', 'cap_setgid'], { inheritable: ['cap_setgid'] }) },
        ],
      },
      {
        createdBy: 'RUN rm -rf /var/cache/apt && cleanup',
        compression: 'zstd',
        files: [
          { path: 'var/cache/apt/new-after-opaque', content: 'kept' },
          { path: 'var/cache/apt', type: 'opaque' },
          { path: 'etc/group', type: 'whiteout' },
          { path: 'srv/../../../../etc/escaped', content: 'clamped at root' },
          { path: 'etc/passwd', content: 'root:x:0:0:root:/root:/bin/sh\n' },
        ],
      },
    ],
  };
}

/**
 * The layer inside test/fixtures/image/zstd-layer.tar.zst, a real entropy-coded zstd blob made by
 * the zstd CLI (`zstd -19 --no-check`) from `layerTar(ZSTD_FIXTURE_LAYER)`; see that folder's README.
 */
export const ZSTD_FIXTURE_LAYER: SpecLayer = {
  createdBy: 'COPY etc /etc',
  files: [
    { path: 'etc/', type: 'dir' },
    { path: 'etc/passwd', content: Array.from({ length: 40 }, (_, i) => `user${i}:x:${1000 + i}:${1000 + i}:User ${i}:/home/user${i}:/bin/sh\n`).join('') },
    { path: 'etc/os-release', content: 'PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"\nNAME="Debian GNU/Linux"\nID=debian\n' },
    { path: 'usr/share/doc/README', content: 'The quick brown fox jumps over the lazy dog. '.repeat(200) },
    { path: 'usr/bin/tool', content: 'ELF', mode: 0o755, capability: vfsCapability(['cap_net_bind_service']) },
  ],
};

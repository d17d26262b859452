/**
 * Turns one layer blob (a byte stream) into a `LayerSummary`: sniff the compression, decompress,
 * parse the tar, normalise paths, split out whiteout markers, and keep only the contents the
 * capture policy selects.
 */
import { createHash } from 'node:crypto';
import { Writable, type Readable, type Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { InputError } from '../../config/errors.js';
import type { CapturePolicy, CaptureReason } from './capture.js';
import type { CaptureBudget } from './capture-budget.js';
import { decodeVfsCapability } from './capabilities.js';
import { createDecompressor, describeStreamError } from './decompress.js';
import type { ReaderLimits } from './limits.js';
import { sniffCompression } from './sniff.js';
import { TarParser, type TarHeader, type TarVisitor } from './tar.js';
import type { EntryType, LayerEntry, LayerSummary } from './types.js';
import { normalizeLayerPath, PATH_MAX } from './paths.js';

export interface LayerReadOptions {
  /** Where the blob lives in its container (archive member or `blobs/sha256/<hex>`). */
  blob: string;
  digest?: string;
  diffId?: string;
  /** The input as shown in errors (file path or `-`). */
  display: string;
  policy: CapturePolicy;
  budget: CaptureBudget;
  limits: ReaderLimits;
  /** Hash the blob and its tar stream (see `LayerSummary.hashes`). */
  hash?: boolean;
}

export { normalizeLayerPath };

const TYPES: Record<string, EntryType> = {
  '0': 'file', '\0': 'file', '7': 'file', S: 'file', '1': 'hardlink', '2': 'symlink', '3': 'char', '4': 'block', '5': 'dir', '6': 'fifo',
};

const WHITEOUT = '.wh.';
const OPAQUE = '.wh..wh..opq';

class SummaryVisitor implements TarVisitor {
  readonly entries: LayerEntry[] = [];
  readonly whiteouts: string[] = [];
  readonly whiteoutOrder: number[] = [];
  readonly opaqueDirs: string[] = [];
  readonly contents = new Map<string, Buffer>();
  private capturePath = '';
  private captureReason: CaptureReason = 'os';

  constructor(private readonly policy: CapturePolicy, private readonly budget: CaptureBudget, private readonly display: string) {}

  entry(h: TarHeader): boolean {
    const path = normalizeLayerPath(h.name);
    // Docker and containerd extract by full path, so such an entry fails the image's load; every
    // per-path cost below (overlay, economics, lookups) also stays bounded by it.
    if (path.length >= PATH_MAX) {
      throw new InputError(`entry path of ${path.length} characters is over PATH_MAX (${PATH_MAX}): no runtime can extract it (tar offset ${h.offset})`, this.display);
    }
    const slash = path.lastIndexOf('/');
    const base = path.slice(slash + 1);
    if (base.startsWith(WHITEOUT)) {
      const dir = slash > 0 ? path.slice(0, slash) : '/';
      if (base === OPAQUE) this.opaqueDirs.push(dir);
      // Other `.wh..wh.*` names are aufs bookkeeping (`.wh..wh.plnk`); a bare `.wh.` is invalid.
      else if (!base.startsWith('.wh..wh.') && base.length > WHITEOUT.length) {
        const name = base.slice(WHITEOUT.length);
        // containerd refuses such a layer; read as a path, `.wh...` would delete the whole image.
        if (name === '.' || name === '..') {
          throw new InputError(`whiteout marker ${h.name} names no entry of its directory (tar offset ${h.offset})`, this.display);
        }
        this.whiteouts.push(normalizeLayerPath(`${dir}/${name}`));
        this.whiteoutOrder.push(this.entries.length);
      }
      return false;
    }
    if (path.includes('/.wh..wh.')) return false; // children of aufs bookkeeping dirs
    let type = TYPES[h.type];
    if (!type) return false; // volume labels, multi-volume continuations...: no filesystem meaning
    if (h.type === '\0' && h.name.endsWith('/')) type = 'dir'; // v7 tars mark directories by the slash
    const size = type === 'file' ? h.realSize : 0;
    const entry: LayerEntry = { path, type, size, mode: h.mode & 0o7777, uid: h.uid, gid: h.gid, mtime: h.mtime };
    if (type === 'symlink') entry.linkname = h.linkname;
    else if (type === 'hardlink') entry.linkname = normalizeLayerPath(h.linkname);
    const cap = h.xattrs?.get('security.capability');
    if (cap) {
      const text = decodeVfsCapability(cap);
      if (text !== undefined) entry.capabilities = text;
    }
    this.entries.push(entry);
    // A duplicate replaces what the layer captured before: contents are the layer's last version.
    if (this.contents.has(path)) this.budget.release(this.contents, path);
    // A sparse file's stored bytes are not its content.
    if (type !== 'file' || h.type === 'S' || h.sparse) return false;
    const reason = this.policy.reason(path, size, entry.mode);
    if (!reason || size > this.policy.maxBytes(reason) || !this.budget.reserve(size, reason)) return false;
    this.capturePath = path;
    this.captureReason = reason;
    return true;
  }

  content(_h: TarHeader, data: Buffer): void {
    this.budget.hold(this.contents, this.capturePath, data, this.captureReason);
  }
}

/**
 * Reads a whole layer blob from `source`. `head` is the blob's first bytes (also at the start of
 * `source`), used to sniff the compression.
 */
export async function readLayer(source: Readable, head: Uint8Array, opts: LayerReadOptions): Promise<LayerSummary> {
  const compression = sniffCompression(head);
  const display = opts.display;
  const { limits } = opts;
  const visitor = new SummaryVisitor(opts.policy, opts.budget, display);
  const parser = new TarParser(visitor, { display, maxEntryBytes: limits.maxEntryBytes, maxMetaBytes: limits.maxMetaBytes, maxEntries: limits.maxEntries });
  let compressed = 0;
  const storedHash = opts.hash ? createHash('sha256') : undefined;
  // An uncompressed blob is its tar stream: one hash serves both.
  const tarHash = opts.hash && compression !== 'none' ? createHash('sha256') : undefined;
  const sink = new Writable({
    highWaterMark: 1 << 20,
    write(chunk: Buffer, _enc, cb) {
      try {
        tarHash?.update(chunk);
        parser.push(chunk);
        const out = parser.bytes;
        if (out > limits.maxLayerBytes) {
          throw new InputError(`decompressed size passed ${limits.maxLayerBytes} bytes: refusing a likely decompression bomb`, display);
        }
        if (out > limits.ratioFloorBytes && out > limits.maxRatio * Math.max(compressed, 1)) {
          throw new InputError(`expands more than ${limits.maxRatio}x (${compressed} -> ${out} bytes so far): refusing a likely decompression bomb`, display);
        }
        cb();
      } catch (e) {
        cb(e as Error);
      }
    },
    final(cb) {
      try {
        parser.end();
        cb();
      } catch (e) {
        cb(e as Error);
      }
    },
  });
  const counter = storedHash
    ? (chunk: Buffer) => { compressed += chunk.length; storedHash.update(chunk); }
    : (chunk: Buffer) => { compressed += chunk.length; };
  let decoder: Transform | undefined;
  try {
    decoder = await createDecompressor(compression, limits.maxZstdWindow, display);
  } catch (e) {
    source.destroy();
    if (e instanceof InputError) throw new InputError(`layer ${opts.blob}: ${e.message}`, display);
    throw e; // a decoder that fails to load is our bug, not a corrupt input
  }
  try {
    const done = decoder ? pipeline(source, decoder, sink) : pipeline(source, sink);
    source.on('data', counter);
    await done;
  } catch (e) {
    const what = e instanceof InputError ? e.message : describeStreamError(e, compression);
    throw new InputError(`layer ${opts.blob}: ${what}`, display);
  } finally {
    source.off('data', counter);
  }
  return {
    blob: opts.blob,
    ...(opts.digest ? { digest: opts.digest } : {}),
    ...(opts.diffId ? { diffId: opts.diffId } : {}),
    compression,
    compressedSize: compressed,
    tarSize: parser.bytes,
    entries: visitor.entries,
    whiteouts: visitor.whiteouts,
    whiteoutOrder: visitor.whiteoutOrder,
    opaqueDirs: visitor.opaqueDirs,
    contents: visitor.contents,
    ...(storedHash ? { hashes: hashesOf(storedHash.digest('hex'), tarHash?.digest('hex')) } : {}),
  };
}

function hashesOf(stored: string, tar: string | undefined): { stored: string; tar: string } {
  return { stored: `sha256:${stored}`, tar: `sha256:${tar ?? stored}` };
}

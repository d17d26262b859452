/**
 * Decompression as Node Transform streams. gzip uses zlib; zstd uses zlib's native decoder when the
 * runtime has one (Node >= 22.15) and otherwise fzstd, a pure-JS decoder that emits each block as
 * soon as it is complete, so memory stays at one zstd window.
 */
import { Transform, type TransformCallback } from 'node:stream';
import { finished } from 'node:stream/promises';
import * as zlib from 'node:zlib';
import { InputError } from '../../config/errors.js';
import type { Compression } from './types.js';

const CHUNK = 256 * 1024;

type ZstdFactory = (opts: { chunkSize: number }) => Transform;
const nativeZstd = (zlib as unknown as { createZstdDecompress?: ZstdFactory }).createZstdDecompress;

/** Which zstd decoder this runtime uses (for docs and tests). */
export const zstdBackend: 'zlib' | 'fzstd' = typeof nativeZstd === 'function' ? 'zlib' : 'fzstd';

/**
 * A decompressing stream for `kind`, or undefined for plain data. A zstd frame asking for a window
 * over `maxZstdWindow` is refused (every frame, from its header) before a decoder allocates it.
 */
export async function createDecompressor(kind: Compression, maxZstdWindow: number, display: string): Promise<Transform | undefined> {
  if (kind === 'none') return undefined;
  if (kind === 'gzip') return zlib.createGunzip({ chunkSize: CHUNK });
  const limit = { maxWindow: maxZstdWindow, display };
  if (zstdBackend === 'zlib' && nativeZstd) return new NativeZstdFrames(nativeZstd, () => fzstdTransform(limit), 64, limit);
  return fzstdTransform(limit);
}

type ZstdLimit = { maxWindow: number; display: string };

async function fzstdTransform(limit: ZstdLimit): Promise<Transform> {
  const { Decompress } = await import('fzstd');
  return new FzstdTransform(Decompress as unknown as FzstdDecompress, limit);
}

type FzstdDecompress = new (ondata: (data: Uint8Array, final: boolean) => void) => { push(chunk: Uint8Array, final?: boolean): void };

class FzstdTransform extends Transform {
  private readonly decoder: { push(chunk: Uint8Array, final?: boolean): void };
  // fzstd recurses once per frame within a push: a chunk of thousands of small frames would
  // overflow the stack, so chunks are pushed cut at frame ends (one frame end per push).
  private readonly scan: ZstdFrameScanner;

  constructor(Decompress: FzstdDecompress, limit?: ZstdLimit) {
    super();
    this.scan = new ZstdFrameScanner(limit);
    this.decoder = new Decompress((data) => {
      if (data.length) this.push(Buffer.from(data.buffer, data.byteOffset, data.byteLength));
    });
  }

  override _transform(chunk: Buffer, _enc: BufferEncoding, cb: TransformCallback): void {
    try {
      for (let at = 0; at < chunk.length; ) {
        const { end } = this.scan.advance(chunk, at);
        this.decoder.push(chunk.subarray(at, end));
        at = end;
      }
      cb();
    } catch (e) {
      cb(e as Error);
    }
  }

  override _flush(cb: TransformCallback): void {
    try {
      this.decoder.push(new Uint8Array(0), true);
      cb();
    } catch (e) {
      cb(e as Error);
    }
  }
}

/**
 * Node's native zstd stream ends at the end of the first frame and drops the rest, though a zstd
 * stream may hold several frames (pzstd and multi-threaded encoders write them, skippable frames
 * carry metadata). This finds frame boundaries from the headers alone (block sizes are in the
 * block headers, so payloads are skipped, not decoded) and gives each frame a fresh native decoder.
 * A fresh decoder costs about 0.1 ms, so a stream of many small frames (a hostile one can hold
 * thousands per megabyte) goes, after `maxNativeFrames`, to `fallback` (fzstd reads any number).
 */
export class NativeZstdFrames extends Transform {
  private readonly scan: ZstdFrameScanner;
  private decoder: Transform | undefined;
  // The decoder that takes the rest of the stream once there were too many frames.
  private rest: Transform | undefined;
  private frames = 0;
  private failed: Error | undefined;
  private wakeReader: (() => void) | undefined;

  constructor(private readonly create: ZstdFactory, private readonly fallback?: () => Promise<Transform>, private readonly maxNativeFrames = 64, limit?: ZstdLimit) {
    super();
    this.scan = new ZstdFrameScanner(limit);
  }

  override _transform(chunk: Buffer, _enc: BufferEncoding, cb: TransformCallback): void {
    this.feed(chunk).then(() => cb(), cb);
  }

  override _flush(cb: TransformCallback): void {
    if (this.rest) {
      this.finish(this.rest).then(() => cb(), cb);
      return;
    }
    this.finishFrame().then(() => {
      // Input ended inside a frame: the native decoder may not say so when the cut is at a block edge.
      cb(this.scan.midFrame ? new Error('unexpected end of file: the zstd stream stops inside a frame') : undefined);
    }, cb);
  }

  override _read(size: number): void {
    const wake = this.wakeReader;
    this.wakeReader = undefined;
    wake?.();
    super._read(size);
  }

  override _destroy(err: Error | null, cb: (error: Error | null) => void): void {
    this.decoder?.destroy();
    this.rest?.destroy();
    this.wakeReader?.();
    cb(err);
  }

  private async feed(chunk: Buffer): Promise<void> {
    let at = 0;
    while (at < chunk.length) {
      if (this.rest) {
        await this.decode(this.rest, chunk, at, chunk.length);
        return;
      }
      const { end, frameEnds, skip } = this.scan.advance(chunk, at);
      if (!skip) await this.decode((this.decoder ??= this.startDecoder(this.create({ chunkSize: CHUNK }))), chunk, at, end);
      at = end;
      if (frameEnds && !skip) {
        await this.finishFrame();
        if (++this.frames >= this.maxNativeFrames && this.fallback) this.rest = this.startDecoder(await this.fallback());
      }
    }
  }

  /** Hands `chunk[from, to)` to decoder `d`, waiting while the reader is behind. */
  private async decode(d: Transform, chunk: Buffer, from: number, to: number): Promise<void> {
    for (let i = from; i < to; i += CHUNK) {
      if (this.failed) throw this.failed;
      await this.written(d, chunk.subarray(i, Math.min(to, i + CHUNK)));
      while (!this.destroyed && this.readableLength >= this.readableHighWaterMark) await new Promise<void>((r) => (this.wakeReader = r));
    }
  }

  /**
   * Resolves once the decoder has taken `piece`. A native decoder that fails closes without calling
   * back the write in progress, so its error (or close) settles the wait as well.
   */
  private written(d: Transform, piece: Buffer): Promise<void> {
    if (d.destroyed) return Promise.reject(this.failed ?? new Error('zstd decoder closed early'));
    return new Promise<void>((resolve, reject) => {
      const onError = (e: Error) => settle(e);
      const onClose = () => settle(this.failed ?? new Error('zstd decoder closed early'));
      const settle = (e?: Error | null) => {
        d.off('error', onError);
        d.off('close', onClose);
        if (e) reject(e);
        else resolve();
      };
      d.once('error', onError);
      d.once('close', onClose);
      d.write(piece, (e) => settle(e));
    });
  }

  private startDecoder(d: Transform): Transform {
    d.on('data', (out: Buffer) => this.push(out));
    d.on('error', (e: Error) => (this.failed ??= e));
    return d;
  }

  private async finishFrame(): Promise<void> {
    const d = this.decoder;
    this.decoder = undefined;
    if (d) await this.finish(d);
  }

  private async finish(d: Transform): Promise<void> {
    if (this.failed) throw this.failed;
    d.end();
    await finished(d); // rejects with the decoder's error, even one it had already emitted
    if (this.failed) throw this.failed;
  }
}

const ZSTD_MAGIC = 0xfd2fb528;

/** Where zstd frames begin and end in a byte stream fed in pieces (RFC 8878 section 3.1). */
class ZstdFrameScanner {
  /** `limit`: the largest window a frame may ask for (every frame, not only the first). */
  constructor(private readonly limit?: { maxWindow: number; display: string }) {}

  // What the next bytes are, and how many of them remain (payloads are counted, not read).
  private state: 'magic' | 'fhd' | 'header' | 'block' | 'payload' | 'checksum' | 'skipSize' | 'skipPayload' = 'magic';
  private need = 4;
  private held: number[] = [];
  private checksum = false;
  private lastBlock = false;
  private fhd = 0;
  // Whether the frame being read is a skippable one (decided from its first byte).
  private skipping = false;

  /** True between a frame's first byte and its last. */
  get midFrame(): boolean {
    return this.state !== 'magic' || this.held.length > 0;
  }

  /**
   * Consumes `chunk` from `at` up to the end of the current frame or of the chunk. `skip` marks bytes
   * of a skippable frame (not for the decoder); `frameEnds` that a frame ended at `end`.
   */
  advance(chunk: Buffer, at: number): { end: number; frameEnds: boolean; skip: boolean } {
    // The first byte of a skippable magic (0x184D2A5?, little-endian) is 0x5?; a zstd frame's is 0x28.
    if (this.state === 'magic' && this.held.length === 0) this.skipping = (chunk[at] & 0xf0) === 0x50;
    const skip = this.skipping;
    let i = at;
    while (i < chunk.length) {
      if (this.state === 'payload' || this.state === 'skipPayload') {
        const n = Math.min(this.need, chunk.length - i);
        i += n;
        this.need -= n;
        if (this.need === 0 && this.afterPayload()) return { end: i, frameEnds: true, skip };
        continue;
      }
      this.held.push(chunk[i++]);
      if (this.held.length < this.need) continue;
      const bytes = this.held;
      this.held = [];
      if (this.onField(bytes)) return { end: i, frameEnds: true, skip };
    }
    return { end: i, frameEnds: false, skip };
  }

  /** Handles a complete fixed-size field; true when it ends a frame. */
  private onField(b: number[]): boolean {
    switch (this.state) {
      case 'magic': {
        const magic = (b[0] | (b[1] << 8) | (b[2] << 16) | (b[3] << 24)) >>> 0;
        if (magic === ZSTD_MAGIC) return this.expect('fhd', 1), false;
        if ((magic & 0xfffffff0) === 0x184d2a50) return this.expect('skipSize', 4), false;
        throw new Error(`Unknown frame descriptor: not a zstd frame (magic 0x${magic.toString(16)})`);
      }
      case 'fhd': {
        const fhd = (this.fhd = b[0]);
        const single = (fhd >> 5) & 1;
        this.checksum = ((fhd >> 2) & 1) === 1;
        const fcs = [single ? 1 : 0, 2, 4, 8][fhd >> 6];
        const rest = (single ? 0 : 1) + [0, 1, 2, 4][fhd & 3] + fcs;
        return rest > 0 ? (this.expect('header', rest), false) : (this.expect('block', 3), false);
      }
      case 'header': {
        const window = this.limit && zstdFrameWindow(Uint8Array.from([0x28, 0xb5, 0x2f, 0xfd, this.fhd, ...b]));
        if (this.limit && window !== undefined && window > this.limit.maxWindow) {
          throw new InputError(`zstd frame needs a ${window}-byte window (limit ${this.limit.maxWindow}): refusing a likely decompression bomb`, this.limit.display);
        }
        return this.expect('block', 3), false;
      }
      case 'block': {
        const bh = b[0] | (b[1] << 8) | (b[2] << 16);
        const type = (bh >> 1) & 3;
        if (type === 3) throw new Error('Corrupted block detected: reserved zstd block type');
        this.lastBlock = (bh & 1) === 1;
        const size = type === 1 ? 1 : bh >>> 3;
        if (size > 0) return this.expect('payload', size), false;
        return this.afterPayload();
      }
      case 'checksum':
        return this.expect('magic', 4), true;
      case 'skipSize':
        this.expect('skipPayload', (b[0] | (b[1] << 8) | (b[2] << 16) | (b[3] << 24)) >>> 0);
        if (this.need === 0) return this.expect('magic', 4), true;
        return false;
      default:
        return false;
    }
  }

  /** After a block's (or a skippable frame's) payload: true when the frame is over. */
  private afterPayload(): boolean {
    if (this.state === 'skipPayload') return this.expect('magic', 4), true;
    if (!this.lastBlock) return this.expect('block', 3), false;
    if (this.checksum) return this.expect('checksum', 4), false;
    return this.expect('magic', 4), true;
  }

  private expect(state: ZstdFrameScanner['state'], need: number): void {
    this.state = state;
    this.need = need;
  }
}

/** Window size a zstd frame header asks for (frame content size for single-segment frames). */
export function zstdFrameWindow(b: Uint8Array): number | undefined {
  if (b.length < 6 || b[0] !== 0x28 || b[1] !== 0xb5 || b[2] !== 0x2f || b[3] !== 0xfd) return undefined;
  const fhd = b[4];
  const singleSegment = (fhd >> 5) & 1;
  if (!singleSegment) {
    const wd = b[5];
    const base = 2 ** (10 + (wd >> 3));
    return base + (base / 8) * (wd & 7);
  }
  const dictBytes = [0, 1, 2, 4][fhd & 3];
  const fcsBytes = [1, 2, 4, 8][fhd >> 6];
  const at = 5 + dictBytes;
  if (b.length < at + fcsBytes) return undefined;
  let size = 0;
  for (let i = fcsBytes - 1; i >= 0; i--) size = size * 256 + b[at + i];
  return fcsBytes === 2 ? size + 256 : size;
}

/** A one-line explanation of a decompressor or stream error. */
export function describeStreamError(e: unknown, kind: Compression): string {
  const err = e as NodeJS.ErrnoException & { code?: string | number };
  const msg = (err?.message ?? String(e)).replace(/\s+/g, ' ');
  const name = kind === 'none' ? 'data' : `${kind} data`;
  if (/unexpected (end|EOF)|end of file|truncated|Z_BUF_ERROR|premature/i.test(msg) || err?.code === 'Z_BUF_ERROR') return `truncated ${name} (${msg})`;
  if (err?.code === 'ERR_BUFFER_TOO_LARGE' || e instanceof RangeError) return `${name} asks for more memory than allowed (${msg})`;
  return `corrupt ${name} (${msg})`;
}

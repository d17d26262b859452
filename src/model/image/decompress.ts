/**
 * Decompression as Node Transform streams. gzip uses zlib; zstd uses zlib's native decoder when the
 * runtime has one (Node >= 22.15) and otherwise fzstd, a pure-JS decoder that emits each block as
 * soon as it is complete, so memory stays at one zstd window.
 */
import { Transform, type TransformCallback } from 'node:stream';
import * as zlib from 'node:zlib';
import { InputError } from '../../config/errors.js';
import type { Compression } from './types.js';

const CHUNK = 256 * 1024;

type ZstdFactory = (opts: { chunkSize: number }) => Transform;
const nativeZstd = (zlib as unknown as { createZstdDecompress?: ZstdFactory }).createZstdDecompress;

/** Which zstd decoder this runtime uses (for docs and tests). */
export const zstdBackend: 'zlib' | 'fzstd' = typeof nativeZstd === 'function' ? 'zlib' : 'fzstd';

/**
 * A decompressing stream for `kind`, or undefined for plain data. `head` is the data's first bytes:
 * a zstd frame asking for a window over `maxZstdWindow` is refused before any decoder allocates it.
 */
export async function createDecompressor(kind: Compression, head: Uint8Array, maxZstdWindow: number, display: string): Promise<Transform | undefined> {
  if (kind === 'none') return undefined;
  if (kind === 'gzip') return zlib.createGunzip({ chunkSize: CHUNK });
  const window = zstdFrameWindow(head);
  if (window !== undefined && window > maxZstdWindow) {
    throw new InputError(`zstd frame needs a ${window}-byte window (limit ${maxZstdWindow}): refusing a likely decompression bomb`, display);
  }
  if (zstdBackend === 'zlib' && nativeZstd) return nativeZstd({ chunkSize: CHUNK });
  const { Decompress } = await import('fzstd');
  return new FzstdTransform(Decompress as unknown as FzstdDecompress);
}

type FzstdDecompress = new (ondata: (data: Uint8Array, final: boolean) => void) => { push(chunk: Uint8Array, final?: boolean): void };

class FzstdTransform extends Transform {
  private readonly decoder: { push(chunk: Uint8Array, final?: boolean): void };

  constructor(Decompress: FzstdDecompress) {
    super();
    this.decoder = new Decompress((data) => {
      if (data.length) this.push(Buffer.from(data.buffer, data.byteOffset, data.byteLength));
    });
  }

  override _transform(chunk: Buffer, _enc: BufferEncoding, cb: TransformCallback): void {
    try {
      this.decoder.push(chunk);
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

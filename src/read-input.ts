import { closeSync, fstatSync, openSync, readSync, statSync } from 'node:fs';
import { InputError } from './config/errors.js';

export const MAX_INPUT_BYTES = 8 * 1024 * 1024;

export interface DecodeOptions {
  /**
   * Read invalid UTF-8 as U+FFFD instead of refusing it, and say where through `onInvalid`.
   * For Dockerfiles: BuildKit and hadolint read them whatever the bytes (a Latin-1 `é` in a LABEL).
   */
  lenient?: { onInvalid: (offset: number) => void };
}

/** Decode input bytes as UTF-8 text; binary (or, unless lenient, invalid) input is an InputError naming the byte offset. */
export function decodeText(buf: Buffer, display: string, opts: DecodeOptions = {}): string {
  if (buf.length > MAX_INPUT_BYTES) throw new InputError(`file is too large to lint (${buf.length} bytes; limit ${MAX_INPUT_BYTES})`, display);
  const nul = buf.indexOf(0);
  if (nul >= 0) throw new InputError(`looks binary (NUL byte at offset ${nul}); not a Dockerfile`, display);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(buf);
  } catch {
    const off = firstInvalidUtf8(buf);
    if (!opts.lenient) throw new InputError(`is not valid UTF-8 (bad byte near offset ${off})`, display);
    opts.lenient.onInvalid(off);
    return new TextDecoder('utf-8').decode(buf);
  }
}

/** The notice for a Dockerfile read leniently (see `DecodeOptions`). */
export function invalidUtf8Notice(display: string, offset: number, fixing: boolean): string {
  return `${display}: not valid UTF-8 (bad byte near offset ${offset}); linted with the invalid bytes read as U+FFFD${fixing ? ', and not fixed (writing it back would replace them)' : ''}`;
}

export function readTextFile(abs: string, display: string, opts: DecodeOptions = {}): string {
  let buf: Buffer | null;
  try {
    const st = statSync(abs);
    if (st.size > MAX_INPUT_BYTES) throw new InputError(`file is too large to lint (${st.size} bytes; limit ${MAX_INPUT_BYTES})`, display);
    buf = readBounded(abs, MAX_INPUT_BYTES);
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw new InputError(`cannot read: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`, display);
  }
  if (buf === null) throw new InputError(`file is too large to lint (more than ${MAX_INPUT_BYTES} bytes)`, display);
  return decodeText(buf, display, opts);
}

/**
 * The bytes of a file or descriptor, read up to `max`; null past it. A size from stat cannot be
 * trusted for this: a device (/dev/zero, /dev/urandom) or a pipe says 0 and never ends.
 * Throws the system error when it cannot be read.
 */
export function readBounded(file: string | number, max: number): Buffer | null {
  const fd = typeof file === 'number' ? file : openSync(file, 'r');
  try {
    // A regular file's size (plus one byte, to see it end) is the first buffer: most reads take one.
    const size = fstatSync(fd).size;
    let chunk = Buffer.allocUnsafe(Math.min(size > 0 ? size + 1 : 64 * 1024, max + 1));
    let fill = 0;
    let total = 0;
    const chunks: Buffer[] = [];
    for (;;) {
      if (fill === chunk.length) {
        chunks.push(chunk);
        chunk = Buffer.allocUnsafe(Math.min(64 * 1024, max + 1 - total));
        fill = 0;
      }
      const n = readRetrying(fd, chunk, fill);
      if (n === 0) break;
      fill += n;
      total += n;
      if (total > max) return null;
    }
    chunks.push(chunk.subarray(0, fill));
    return chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, total);
  } finally {
    if (typeof file !== 'number') closeSync(fd);
  }
}

/**
 * readSync that waits out EAGAIN, as a blocking read would wait: a runner may hand over standard
 * input as a non-blocking pipe.
 */
function readRetrying(fd: number, chunk: Buffer, at: number): number {
  for (;;) {
    try {
      return readSync(fd, chunk, at, chunk.length - at, null);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EAGAIN') throw e;
      Atomics.wait((pause ??= new Int32Array(new SharedArrayBuffer(4))), 0, 0, 2);
    }
  }
}

let pause: Int32Array | undefined;

/** Does the file start with a UTF-8 byte order mark (which decoding drops)? */
export function startsWithBom(abs: string): boolean {
  const head = Buffer.alloc(3);
  let fd: number | undefined;
  try {
    fd = openSync(abs, 'r');
    return readSync(fd, head, 0, 3, 0) === 3 && head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf;
  } catch {
    return false;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** Offset of the first byte that breaks UTF-8 (simple structural check). */
function firstInvalidUtf8(b: Buffer): number {
  for (let i = 0; i < b.length; ) {
    const c = b[i];
    const n = c < 0x80 ? 0 : c >= 0xc2 && c < 0xe0 ? 1 : c >= 0xe0 && c < 0xf0 ? 2 : c >= 0xf0 && c < 0xf5 ? 3 : -1;
    if (n < 0) return i;
    for (let k = 1; k <= n; k++) if (i + k >= b.length || (b[i + k] & 0xc0) !== 0x80) return i;
    i += n + 1;
  }
  return b.length;
}

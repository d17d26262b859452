import { readFileSync, statSync } from 'node:fs';
import { InputError } from './config/errors.js';

export const MAX_INPUT_BYTES = 8 * 1024 * 1024;

/** Decode input bytes as UTF-8 text; binary or invalid input is an InputError naming the byte offset. */
export function decodeText(buf: Buffer, display: string): string {
  if (buf.length > MAX_INPUT_BYTES) throw new InputError(`file is too large to lint (${buf.length} bytes; limit ${MAX_INPUT_BYTES})`, display);
  const nul = buf.indexOf(0);
  if (nul >= 0) throw new InputError(`looks binary (NUL byte at offset ${nul}); not a Dockerfile`, display);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(buf);
  } catch {
    const off = firstInvalidUtf8(buf);
    throw new InputError(`is not valid UTF-8 (bad byte near offset ${off})`, display);
  }
}

export function readTextFile(abs: string, display: string): string {
  let buf: Buffer;
  try {
    const st = statSync(abs);
    if (st.size > MAX_INPUT_BYTES) throw new InputError(`file is too large to lint (${st.size} bytes; limit ${MAX_INPUT_BYTES})`, display);
    buf = readFileSync(abs);
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw new InputError(`cannot read: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`, display);
  }
  return decodeText(buf, display);
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

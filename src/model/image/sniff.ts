/** Compression and tar detection from a blob's first bytes: names and media types are never trusted. */
import type { Compression } from './types.js';

/** gzip `1f 8b`; zstd frame `28 b5 2f fd` or a skippable frame `5? 2a 4d 18`; anything else is taken as plain tar. */
export function sniffCompression(head: Uint8Array): Compression {
  if (head.length >= 2 && head[0] === 0x1f && head[1] === 0x8b) return 'gzip';
  if (head.length >= 4) {
    if (head[0] === 0x28 && head[1] === 0xb5 && head[2] === 0x2f && head[3] === 0xfd) return 'zstd';
    if ((head[0] & 0xf0) === 0x50 && head[1] === 0x2a && head[2] === 0x4d && head[3] === 0x18) return 'zstd';
  }
  return 'none';
}

/** True when a 512-byte block is all zeros (tar end-of-archive marker). */
export function isZeroBlock(b: Uint8Array, off = 0): boolean {
  if (b[off] !== 0 || b[off + 148] !== 0 || b[off + 156] !== 0) return false;
  for (let i = off; i < off + 512; i++) if (b[i] !== 0) return false;
  return true;
}

/** Unsigned header checksum, with the checksum field itself counted as spaces. */
export function headerChecksum(b: Uint8Array, off = 0): number {
  let sum = 0;
  for (let i = off; i < off + 148; i++) sum += b[i];
  sum += 8 * 0x20;
  for (let i = off + 156; i < off + 512; i++) sum += b[i];
  return sum;
}

/** Historic writers summed signed bytes; accept that too. */
export function signedHeaderChecksum(b: Uint8Array, off = 0): number {
  let sum = 0;
  for (let i = off; i < off + 512; i++) {
    const v = i >= off + 148 && i < off + 156 ? 0x20 : b[i];
    sum += v > 127 ? v - 256 : v;
  }
  return sum;
}

/** A full tar header block whose checksum holds (magic is not required: v7 tars have none). */
export function looksLikeTarHeader(b: Uint8Array, off = 0): boolean {
  if (b.length - off < 512 || isZeroBlock(b, off)) return false;
  const stored = parseOctalField(b, off + 148, 8);
  return stored !== undefined && (stored === headerChecksum(b, off) || stored === signedHeaderChecksum(b, off));
}

/** Does this look like the start of a layer blob (compressed, tar, or an empty tar's zero blocks)? */
export function looksLikeLayer(head: Uint8Array): boolean {
  if (sniffCompression(head) !== 'none') return true;
  if (head.length >= 512 && isZeroBlock(head, 0)) return true;
  return looksLikeTarHeader(head, 0);
}

/** Octal number field terminated by NUL or space; undefined when malformed. */
export function parseOctalField(b: Uint8Array, start: number, len: number): number | undefined {
  let i = start;
  const end = start + len;
  while (i < end && (b[i] === 0x20 || b[i] === 0)) i++;
  if (i === end) return 0;
  let v = 0;
  let digits = 0;
  for (; i < end; i++) {
    const c = b[i];
    if (c >= 0x30 && c <= 0x37) { v = v * 8 + (c - 0x30); digits++; }
    else break;
  }
  for (; i < end; i++) if (b[i] !== 0 && b[i] !== 0x20) return undefined;
  return digits ? v : undefined;
}

/**
 * NativeZstdFrames: Node's native zstd stream (Node >= 22.15) decodes only a stream's first frame,
 * so shipready cuts the stream into frames from their headers and gives each its own decoder.
 * The cutting is tested here with a stand-in decoder that records what it is given (so it runs on
 * any Node); the real decoder is used too where this Node has one.
 */
import { PassThrough, Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import * as zlib from 'node:zlib';
import { decompress as fzstdDecompress } from 'fzstd';
import { describe, expect, it } from 'vitest';
import { createDecompressor, NativeZstdFrames, zstdBackend } from '../../src/model/image/decompress.js';
import { zstdRaw } from '../helpers/image-builder.js';

type Block = { raw: Buffer } | { rle: number; n: number };
interface FrameOpts { single?: boolean; fcsFlag?: 0 | 1 | 2 | 3; dictFlag?: 0 | 1 | 2 | 3; checksum?: boolean; blocks: Block[] }

/** A zstd frame of raw and RLE blocks with the header fields asked for (RFC 8878 3.1.1). */
function frame(o: FrameOpts): Buffer {
  const content = Buffer.concat(o.blocks.map((b) => ('raw' in b ? b.raw : Buffer.alloc(b.n, b.rle))));
  const fcsFlag = o.fcsFlag ?? 0;
  const single = o.single ?? false;
  const dictFlag = o.dictFlag ?? 0;
  const fhd = (fcsFlag << 6) | ((single ? 1 : 0) << 5) | ((o.checksum ? 1 : 0) << 2) | dictFlag;
  const parts: Buffer[] = [Buffer.from([0x28, 0xb5, 0x2f, 0xfd, fhd])];
  if (!single) parts.push(Buffer.from([0x38])); // window 2^17
  parts.push(Buffer.alloc([0, 1, 2, 4][dictFlag], 0));
  const fcsBytes = [single ? 1 : 0, 2, 4, 8][fcsFlag];
  const fcs = Buffer.alloc(fcsBytes);
  const value = fcsBytes === 2 ? content.length - 256 : content.length;
  for (let i = 0; i < fcsBytes; i++) fcs[i] = Math.floor(value / 256 ** i) & 0xff;
  parts.push(fcs);
  o.blocks.forEach((b, i) => {
    const last = i === o.blocks.length - 1 ? 1 : 0;
    const [type, size, payload] = 'raw' in b ? [0, b.raw.length, b.raw] : [1, b.n, Buffer.from([b.rle])];
    const bh = (size << 3) | (type << 1) | last;
    parts.push(Buffer.from([bh & 0xff, (bh >> 8) & 0xff, (bh >> 16) & 0xff]), payload);
  });
  if (o.checksum) {
    // XXH64 low 32 bits; the stand-in decoder does not check it and fzstd ignores it.
    parts.push(Buffer.alloc(4, 0));
  }
  return Buffer.concat(parts);
}

function skippable(payload: Buffer, nibble = 0xa): Buffer {
  const h = Buffer.alloc(8);
  h.writeUInt32LE(0x184d2a50 | nibble, 0);
  h.writeUInt32LE(payload.length, 4);
  return Buffer.concat([h, payload]);
}

// Large buffers are compared as strings: element-wise deep equality is slow on them.
const b64 = (b: Buffer) => b.toString('base64');
const text = (n: number, seed: number) => Buffer.from(Array.from({ length: n }, (_, i) => 97 + ((i * 7 + seed) % 26)));

/** Frames with every header shape, raw and RLE blocks, an empty last block, and skippable frames. */
const FRAMES: Array<{ bytes: Buffer; content: Buffer | null }> = (() => {
  const specs: Array<FrameOpts | { skip: Buffer }> = [
    { blocks: [{ raw: text(1000, 1) }] },
    { skip: Buffer.from('metadata') },
    { single: true, fcsFlag: 0, blocks: [{ raw: text(200, 2) }] },
    { fcsFlag: 1, checksum: true, blocks: [{ raw: text(300, 3) }, { rle: 0x41, n: 5000 }] },
    { skip: Buffer.alloc(0) },
    { single: true, fcsFlag: 2, dictFlag: 0, blocks: [{ rle: 0x20, n: 70000 }, { raw: text(10, 4) }] },
    { fcsFlag: 3, dictFlag: 0, checksum: true, blocks: [{ raw: text(131072, 5) }, { raw: text(5, 6) }, { raw: Buffer.alloc(0) }] },
  ];
  return specs.map((s) => ('skip' in s ? { bytes: skippable(s.skip), content: null } : { bytes: frame(s), content: Buffer.concat(s.blocks.map((b) => ('raw' in b ? b.raw : Buffer.alloc(b.n, b.rle)))) }));
})();
const STREAM = Buffer.concat(FRAMES.map((f) => f.bytes));

/** A stand-in for the native decoder: passes its input through and records it, one per frame. */
function recorder() {
  const given: Buffer[][] = [];
  const create = () => {
    const got: Buffer[] = [];
    given.push(got);
    return new Transform({ transform(c: Buffer, _e, cb) { got.push(Buffer.from(c)); cb(null, c); } });
  };
  return { given, create };
}

async function run(t: Transform, input: Buffer, chunk: number): Promise<Buffer> {
  const parts: Buffer[] = [];
  for (let i = 0; i < input.length; i += chunk) parts.push(input.subarray(i, i + chunk));
  const out: Buffer[] = [];
  const sink = new PassThrough();
  sink.on('data', (d: Buffer) => out.push(d));
  await pipeline(Readable.from(parts), t, sink);
  return Buffer.concat(out);
}

describe('NativeZstdFrames cuts a stream into frames', () => {
  it('the test frames are valid zstd (fzstd decodes the whole stream to their contents)', () => {
    const want = Buffer.concat(FRAMES.flatMap((f) => (f.content ? [f.content] : [])));
    expect(b64(Buffer.from(fzstdDecompress(STREAM)))).toBe(b64(want));
  });

  for (const chunk of [1, 3, 7, 512, 65536, STREAM.length]) {
    it(`gives each frame, whole, to its own decoder and skips skippable frames (input in ${chunk}-byte pieces)`, async () => {
      const { given, create } = recorder();
      const out = await run(new NativeZstdFrames(create), STREAM, chunk);
      const frames = FRAMES.filter((f) => f.content).map((f) => f.bytes);
      expect(given.map((g) => b64(Buffer.concat(g)))).toEqual(frames.map(b64));
      expect(b64(out)).toBe(b64(Buffer.concat(frames)));
    });
  }

  it('after maxNativeFrames decoded frames, gives the rest of the stream, as it is, to the fallback', async () => {
    const natives = recorder();
    const fallback = recorder();
    const t = new NativeZstdFrames(natives.create, async () => fallback.create(), 3);
    const out = await run(t, STREAM, 1000);
    const decodable = FRAMES.map((f, i) => ({ ...f, i })).filter((f) => f.content);
    expect(natives.given.map((g) => b64(Buffer.concat(g)))).toEqual(decodable.slice(0, 3).map((f) => b64(f.bytes)));
    // Everything after the third decodable frame, skippable frames included (fzstd reads those too).
    const restStart = FRAMES.slice(0, decodable[2].i + 1).reduce((n, f) => n + f.bytes.length, 0);
    expect(fallback.given).toHaveLength(1);
    expect(b64(Buffer.concat(fallback.given[0]))).toBe(b64(STREAM.subarray(restStart)));
    expect(b64(out)).toBe(b64(Buffer.concat([...decodable.slice(0, 3).map((f) => f.bytes), STREAM.subarray(restStart)])));
  });

  it('reports a stream cut inside a frame, and bytes that are not a frame', async () => {
    for (const cut of [3, 5, 20, STREAM.length - 1]) {
      await expect(run(new NativeZstdFrames(recorder().create), STREAM.subarray(0, cut), 4096)).rejects.toThrow(/unexpected end of file|stops inside a frame/);
    }
    const junk = Buffer.concat([FRAMES[0].bytes, Buffer.from('not zstd at all')]);
    await expect(run(new NativeZstdFrames(recorder().create), junk, 4096)).rejects.toThrow(/Unknown frame descriptor/);
    const reserved = Buffer.from(frame({ blocks: [{ raw: text(4, 0) }] }));
    reserved[6] |= 0b110; // block type 3 (reserved)
    await expect(run(new NativeZstdFrames(recorder().create), reserved, 4096)).rejects.toThrow(/reserved zstd block type/);
  });

  it('passes a decoder error on', async () => {
    const failing = () => new Transform({ transform(_c, _e, cb) { cb(new Error('Corrupted block detected')); } });
    await expect(run(new NativeZstdFrames(failing), STREAM, 100)).rejects.toThrow('Corrupted block detected');
  });

  it('does not wait forever on a decoder that fails without calling back the write (as Node\'s native one does)', async () => {
    // Destroyed with an error from inside _transform, never calling cb: the write's callback never comes.
    const silent = () => new Transform({ transform(_c, _e, _cb) { this.destroy(new Error('Data corruption detected')); } });
    await expect(run(new NativeZstdFrames(silent), STREAM, 100)).rejects.toThrow('Data corruption detected');
    // One that closes with no error at all.
    const closing = () => new Transform({ transform(_c, _e, _cb) { this.destroy(); } });
    await expect(run(new NativeZstdFrames(closing), STREAM, 100)).rejects.toThrow(/closed early/);
  });
});

const native = (zlib as unknown as { createZstdDecompress?: (o: { chunkSize: number }) => Transform }).createZstdDecompress;
if (!native) console.warn(`zstd-frames: this Node (${process.version}) has no native zstd decoder; the native decoding tests are skipped (shipready uses ${zstdBackend})`);

describe('createDecompressor for zstd', () => {
  it(`decodes a stream of many small frames and skippable frames (backend: ${zstdBackend})`, async () => {
    const data = text(300_000, 3);
    // 20,000 frames of 15 bytes: in one piece, fzstd alone would recurse once per frame and overflow the stack.
    for (const [frames, chunk] of [[300, 4096], [20_000, 1 << 30]]) {
      const z = Buffer.concat([skippable(Buffer.from('meta')), zstdRaw(data, { frames })]);
      const t = (await createDecompressor('zstd', 1 << 27, 'test'))!;
      expect(b64(await run(t, z, chunk))).toBe(b64(data));
    }
  });
});

describe.skipIf(!native)('with Node\'s native zstd decoder', () => {
  it('decodes every frame of a multi-frame stream', async () => {
    const data = text(400_000, 9);
    for (const z of [zstdRaw(data, { frames: 3 }), zstdRaw(data, { skippableFirst: true }), Buffer.concat([zstdRaw(data.subarray(0, 1024)), zstdRaw(data.subarray(1024))])]) {
      for (const chunk of [1000, 1 << 20]) expect(b64(await run(new NativeZstdFrames(native!), z, chunk))).toBe(b64(data));
    }
  });
});

/**
 * Reading an image archive in one sequential pass (stdin, a pipe, or a whole-archive-compressed
 * file, none of which can seek). Nothing is spooled to disk: small JSON members are kept (up to
 * `maxJsonTotalBytes` in all), every member that looks like a layer (gzip, zstd or tar bytes) is
 * summarised as it streams by, and the manifest is resolved at the end. The costs: layers are read one at a time, layers of other
 * platforms in a full multi-platform archive are summarised too, and ENTRYPOINT paths are only
 * known for layers that come after the config in the stream (the capture policy's executable-script
 * rule covers the usual cases anyway).
 */
import { once } from 'node:events';
import { PassThrough } from 'node:stream';
import { InputError } from '../../config/errors.js';
import { capturePolicy } from './capture.js';
import type { CaptureBudget } from './capture-budget.js';
import { MemberIndex, checkJsonSize, parseJsonBytes, type BlobStore } from './container.js';
import { entrypointPathsFromConfig } from './entrypoint.js';
import { readLayer } from './layer-reader.js';
import type { ReaderLimits } from './limits.js';
import { looksLikeLayer } from './sniff.js';
import { EntryAssembler, decodeHeaderBlock, type TarContext } from './tar.js';
import type { LayerSummary } from './types.js';

const EMPTY = Buffer.alloc(0);

/** Pull-style reads over an async stream of chunks, without copying when a read fits one chunk. */
export class ByteReader {
  private buf: Buffer = EMPTY;
  private pos = 0;
  private done = false;
  /** Bytes consumed so far. */
  offset = 0;

  constructor(private readonly it: AsyncIterator<Buffer>) {}

  private async more(): Promise<boolean> {
    while (!this.done) {
      const r = await this.it.next();
      if (r.done) {
        this.done = true;
        break;
      }
      if (r.value.length) {
        this.buf = r.value;
        this.pos = 0;
        return true;
      }
    }
    return false;
  }

  /** The next `n` bytes, or fewer at the end of the stream. */
  async read(n: number): Promise<Buffer> {
    if (this.buf.length - this.pos >= n) {
      const out = this.buf.subarray(this.pos, this.pos + n);
      this.pos += n;
      this.offset += n;
      return out;
    }
    const parts: Buffer[] = [];
    let have = 0;
    await this.forEach(n, (c) => {
      parts.push(c);
      have += c.length;
    });
    return parts.length === 1 ? parts[0] : Buffer.concat(parts, have);
  }

  /** Hands the next `n` bytes to `fn` chunk by chunk; returns how many there were. */
  async forEach(n: number, fn: (chunk: Buffer) => void | Promise<void>): Promise<number> {
    let left = n;
    while (left > 0) {
      if (this.pos >= this.buf.length && !(await this.more())) break;
      const take = Math.min(left, this.buf.length - this.pos);
      const chunk = this.buf.subarray(this.pos, this.pos + take);
      this.pos += take;
      this.offset += take;
      left -= take;
      const r = fn(chunk);
      if (r) await r;
    }
    return n - left;
  }

  /**
   * Reads to the end (so a producer such as `docker save` is not cut off with EPIPE), but no more
   * than `max` bytes: a stream that never ends (/dev/zero is an empty tar forever) stops there.
   */
  async drain(max: number): Promise<void> {
    const stop = this.offset + max;
    while (this.offset < stop && (await this.more())) {
      this.offset += this.buf.length - this.pos;
      this.pos = this.buf.length;
    }
  }
}

// What may follow an archive's end blocks and is still read: writers pad to a record (GNU tar to
// 10 KiB); anything much longer is not an archive's tail.
const TRAILER_BYTES = 16 * 1024 * 1024;

interface StreamOptions {
  display: string;
  limits: ReaderLimits;
  budget: CaptureBudget;
  /** Hash each layer blob (`ReadImageOptions.verifyDigests`). */
  hash?: boolean;
}

const JSON_NAMES = /(^|\/)(manifest\.json|index\.json|oci-layout|repositories|json|[^/]+\.json)$/;

/** The outcome of one sequential pass: members, kept JSON, and summaries of layer-looking members. */
export class StreamedArchive implements BlobStore {
  readonly index: MemberIndex;
  private readonly json = new Map<string, Buffer>();
  private jsonBytes = 0;
  private readonly tooLarge = new Set<string>();
  private readonly layers = new Map<string, LayerSummary>();
  private readonly layerErrors = new Map<string, unknown>();
  private readonly entrypoints = new Set<string>();

  private constructor(private readonly opts: StreamOptions) {
    this.index = new MemberIndex(opts.display);
  }

  static async read(chunks: AsyncIterable<Buffer>, opts: StreamOptions): Promise<StreamedArchive> {
    const archive = new StreamedArchive(opts);
    await archive.consume(new ByteReader(chunks[Symbol.asyncIterator]()));
    return archive;
  }

  private async consume(reader: ByteReader): Promise<void> {
    const { display, limits } = this.opts;
    const ctx: TarContext = { display, maxEntryBytes: Number.MAX_SAFE_INTEGER, maxMetaBytes: limits.maxMetaBytes };
    const assembler = new EntryAssembler(ctx);
    let count = 0;
    for (;;) {
      const at = reader.offset;
      const block = await reader.read(512);
      if (block.length === 0) return; // end of stream at a member boundary
      if (block.length < 512) throw new InputError(`truncated archive: stream ends inside the header at offset ${at}`, display);
      const h = decodeHeaderBlock(block, 0, at, ctx);
      if (!h) {
        await reader.drain(TRAILER_BYTES);
        return;
      }
      if (++count > limits.maxEntries) throw new InputError(`more than ${limits.maxEntries} archive members`, display);
      const meta = EntryAssembler.isMeta(h.type);
      // The data length comes from the PAX records (or is 0 for header-only types): apply them first.
      const full = meta ? h : assembler.finish(h);
      const padding = (512 - (full.size % 512)) % 512;
      if (meta) {
        if (h.size > limits.maxMetaBytes) throw new InputError(`extended header of ${h.size} bytes at offset ${at} is too large`, display);
        const data = await this.exact(reader, h.size, h.name);
        assembler.absorb(h, Buffer.from(data));
      } else {
        this.index.add(full.name, { size: full.size, offset: 0, type: full.type, linkname: full.linkname });
        const name = this.index.resolve(full.name);
        if (name !== undefined && (full.type === '0' || full.type === '\0' || full.type === '7')) await this.member(reader, name, full.size);
        else if ((await reader.forEach(full.size, () => {})) < full.size) this.truncated(full.name, full.size);
      }
      await reader.forEach(padding, () => {}); // a missing final padding is harmless
    }
  }

  private truncated(name: string, size: number): never {
    throw new InputError(`truncated archive: member ${JSON.stringify(name)} (${size} bytes) is cut short`, this.opts.display);
  }

  private async exact(reader: ByteReader, n: number, name: string): Promise<Buffer> {
    const b = await reader.read(n);
    if (b.length < n) this.truncated(name, n);
    return b;
  }

  private async member(reader: ByteReader, name: string, size: number): Promise<void> {
    const { display, limits } = this.opts;
    const head = Buffer.from(await this.exact(reader, Math.min(512, size), name));
    const firstByte = head.find((c) => c !== 0x20 && c !== 0x0a && c !== 0x0d && c !== 0x09);
    const jsonLike = !looksLikeLayer(head) && (JSON_NAMES.test(name) || firstByte === 0x7b || firstByte === 0x5b);
    if (jsonLike) {
      if (size > limits.maxJsonBytes) {
        this.tooLarge.add(name);
        if ((await reader.forEach(size - head.length, () => {})) < size - head.length) this.truncated(name, size);
        return;
      }
      this.keepJson(name, size);
      const rest = Buffer.from(await this.exact(reader, size - head.length, name));
      const data = Buffer.concat([head, rest]);
      this.json.set(name, data);
      this.noteConfig(data);
      return;
    }
    if (size === 0 || !looksLikeLayer(head)) {
      if ((await reader.forEach(size - head.length, () => {})) < size - head.length) this.truncated(name, size);
      return;
    }
    const pass = new PassThrough({ highWaterMark: 1 << 20 });
    pass.on('error', () => {}); // the layer reader reports the failure
    let failed = false;
    const layer = readLayer(pass, head, {
      blob: name, display, limits, budget: this.opts.budget, policy: capturePolicy({ entrypointPaths: [...this.entrypoints] }), hash: this.opts.hash,
    }).then(
      (s) => { this.layers.set(name, s); },
      (e) => { failed = true; this.layerErrors.set(name, e); pass.resume(); },
    );
    const write = async (chunk: Buffer) => {
      if (failed) return;
      if (!pass.write(chunk)) await Promise.race([once(pass, 'drain'), layer]);
    };
    await write(head);
    const got = await reader.forEach(size - head.length, write);
    if (got < size - head.length) {
      pass.destroy();
      await layer;
      this.truncated(name, size);
    }
    pass.end();
    await layer;
  }

  /**
   * Accounts for a JSON member about to be kept. Any member may be the config a manifest names, so
   * all are kept, up to a total: past it, an archive of JSON-looking junk would grow memory without end.
   */
  private keepJson(name: string, size: number): void {
    const { display, limits } = this.opts;
    const previous = this.json.get(name)?.length ?? 0; // a later duplicate replaces the earlier member
    this.jsonBytes += size - previous;
    if (this.jsonBytes > limits.maxJsonTotalBytes) {
      throw new InputError(`JSON-looking members total more than ${limits.maxJsonTotalBytes} bytes (at ${JSON.stringify(name)}): too much metadata to hold for a one-pass read`, display);
    }
  }

  /** An image config seen before the layers tells which entrypoint files to keep. */
  private noteConfig(data: Buffer): void {
    try {
      const v = JSON.parse(data.toString('utf8')) as Record<string, unknown>;
      if (v && typeof v === 'object' && 'rootfs' in v) for (const p of entrypointPathsFromConfig(v)) this.entrypoints.add(p);
    } catch {
      // not JSON after all: reported if a manifest needs it
    }
  }

  resolve(name: string): string | undefined {
    return this.index.resolve(name);
  }

  size(resolved: string): number {
    return this.index.get(resolved).size;
  }

  async readJson(name: string, what: string): Promise<unknown> {
    const { display, limits } = this.opts;
    const r = this.resolve(name);
    if (r === undefined) throw new InputError(`${what} is missing from the archive`, display);
    if (this.tooLarge.has(r)) checkJsonSize(this.size(r), what, display, limits);
    const data = this.json.get(r);
    if (!data) throw new InputError(`${what} is not valid JSON (binary data)`, display);
    return parseJsonBytes(data, what, display);
  }

  /** The summary of a layer member, or the error its reading hit. */
  layer(resolved: string): LayerSummary {
    const err = this.layerErrors.get(resolved);
    if (err) throw err;
    const s = this.layers.get(resolved);
    if (s) return s;
    if (this.size(resolved) === 0) {
      return { blob: resolved, compression: 'none', compressedSize: 0, tarSize: 0, entries: [], whiteouts: [], opaqueDirs: [], contents: new Map() };
    }
    throw new InputError(`layer ${resolved} is not a tar, gzip or zstd blob`, this.opts.display);
  }
}
